// The documented JSON shape of a parsed cable, keys in a fixed order (what `cablegraph parse` prints).
import type { Cable } from '../parse';

/**
 * The documented JSON shape of a parsed cable, with a fixed key order at every level so the
 * output of `cablegraph parse` is stable across runs and versions (diff-friendly).
 * Undefined fields are omitted; empty lists are kept so consumers need no existence checks.
 */
export const CABLE_JSON_KEYS = [
  'id',
  'idSource',
  'created',
  'released',
  'classification',
  'caveats',
  'origin',
  'routing',
  'tags',
  'subject',
  'references',
  'classifiedBy',
  'signers',
  'paragraphs',
  'entities',
  'roles',
  'affiliations',
  'meetings',
  'text',
  'annotations',
  'source',
  'format',
  'diagnostics',
] as const;

/** Key order of the nested objects, by the top-level field that holds them. */
const NESTED_KEYS: Record<string, readonly string[]> = {
  routing: ['precedence', 'dateTimeGroup', 'dateTime', 'from', 'to', 'info'],
  tags: ['code', 'kind', 'label'],
  references: ['letter', 'cableId', 'text'],
  classifiedBy: ['name', 'title', 'reasons', 'text'],
  paragraphs: ['number', 'classification', 'isSummary', 'isComment', 'start', 'end', 'text'],
  entities: ['type', 'name', 'id', 'mentions'],
  roles: [
    'person',
    'title',
    'titleText',
    'country',
    'organization',
    'unit',
    'basis',
    'former',
    'start',
    'end',
    'paragraph',
    'evidence',
  ],
  affiliations: ['person', 'organization', 'country', 'start', 'end', 'paragraph', 'evidence'],
  meetings: ['a', 'b', 'date', 'dateSource', 'form', 'paragraph', 'evidence'],
  annotations: ['type', 'text', 'start', 'end'],
  source: ['file', 'line', 'row'],
  diagnostics: ['severity', 'rule', 'message', 'file', 'line', 'row'],
};

export type CableJson = Partial<Record<(typeof CABLE_JSON_KEYS)[number], unknown>>;

/** A copy of `value` with the listed keys first, in order, then any others (sorted). */
function ordered(value: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, keys));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (record[key] !== undefined) out[key] = record[key];
  for (const key of Object.keys(record).sort()) if (!(key in out) && record[key] !== undefined) out[key] = record[key];
  return out;
}

export function cableToJson(
  cable: Cable,
  extra: { entities?: unknown; roles?: unknown; affiliations?: unknown; meetings?: unknown } = {},
): CableJson {
  const record: Record<string, unknown> = { ...cable, ...extra };
  const json: CableJson = {};
  for (const key of CABLE_JSON_KEYS) {
    const value = record[key];
    if (value === undefined) continue;
    const nested = NESTED_KEYS[key];
    json[key] = nested ? ordered(value, nested) : value;
  }
  return json;
}
