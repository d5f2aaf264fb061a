// The curation file: JSON lines of decisions, read and checked, appended one decision at a time.
import * as fs from 'fs';
import * as path from 'path';
import { CablegraphError } from '../common/diagnostics';
import { type Decision, DECISION_OPS, ENTITY_TYPES, type EntityType } from '../model';

/** Where decisions live unless told otherwise: `curation.jsonl` in the working directory. */
export const DEFAULT_CURATION_FILE = 'curation.jsonl';

const isString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every(isString);

/** Checks one decision's shape; returns the problem, or undefined when it is well-formed. */
export function decisionProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const d = value as Record<string, unknown>;
  if (!DECISION_OPS.includes(d.op as Decision['op']))
    return `unknown op ${JSON.stringify(d.op)} (ops: ${DECISION_OPS.join(', ')})`;
  if (!isString(d.author)) return 'no author';
  if (!isString(d.at) || Number.isNaN(Date.parse(d.at))) return 'no valid "at" date';
  if (d.note !== undefined && typeof d.note !== 'string') return '"note" must be text';
  if (
    d.names !== undefined &&
    (!d.names || typeof d.names !== 'object' || Object.values(d.names).some((v) => typeof v !== 'string'))
  )
    return '"names" must map ids to names';
  switch (d.op) {
    case 'merge':
      if (!isStringList(d.ids) || d.ids.length < 2) return 'merge needs "ids": at least two entity ids';
      if (!isString(d.into) || !d.ids.includes(d.into)) return 'merge needs "into": one of its ids';
      return d.name === undefined || isString(d.name) ? undefined : '"name" must be text';
    case 'split':
      if (!isString(d.id)) return 'split needs "id"';
      if (d.cables !== undefined && !isStringList(d.cables)) return '"cables" must be a list of cable ids';
      if (d.aliases !== undefined && !isStringList(d.aliases)) return '"aliases" must be a list of surface forms';
      if (d.cables !== undefined && d.aliases !== undefined) return 'split by "cables" or by "aliases", not both';
      return d.name === undefined || isString(d.name) ? undefined : '"name" must be text';
    case 'rename':
      return isString(d.id) && isString(d.name) ? undefined : 'rename needs "id" and "name"';
    case 'retype':
      return isString(d.id) && ENTITY_TYPES.includes(d.type as EntityType)
        ? undefined
        : `retype needs "id" and "type" (${ENTITY_TYPES.join(', ')})`;
    case 'reject':
      return isString(d.id) && (d.alias === undefined || isString(d.alias))
        ? undefined
        : 'reject needs "id" (and optionally "alias")';
    case 'alias':
      return isString(d.id) && isString(d.alias) ? undefined : 'alias needs "id" and "alias"';
    case 'undo':
      return Number.isInteger(d.decision) && (d.decision as number) >= 1
        ? undefined
        : 'undo needs "decision": the seq of an earlier decision';
  }
  return undefined;
}

/**
 * Reads a curation file: one decision per line (blank lines and `#` comments allowed). A missing
 * file is no decisions; a bad line is a clear error naming the file and line, never skipped.
 */
export function readCuration(file: string): Decision[] {
  if (!fs.existsSync(file)) return [];
  const decisions: Decision[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim() || line.trimStart().startsWith('#')) return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new CablegraphError('CURATION_INVALID', `${file}:${i + 1}: not JSON (${(error as Error).message})`, {
          file,
        });
      }
      const problem = decisionProblem(value);
      if (problem) throw new CablegraphError('CURATION_INVALID', `${file}:${i + 1}: ${problem}`, { file });
      const decision = value as Decision;
      const expected = decisions.length + 1;
      if (decision.seq !== expected)
        throw new CablegraphError(
          'CURATION_INVALID',
          `${file}:${i + 1}: seq ${decision.seq}, expected ${expected} (decisions are numbered in order)`,
          { file },
        );
      if (decision.op === 'undo' && decision.decision >= decision.seq)
        throw new CablegraphError(
          'CURATION_INVALID',
          `${file}:${i + 1}: undo of decision ${decision.decision}, which is not an earlier one`,
          { file },
        );
      decisions.push(decision);
    });
  return decisions;
}

/** Fixed key order, so the file diffs cleanly whoever wrote a line. */
const KEY_ORDER = [
  'seq',
  'op',
  'id',
  'ids',
  'into',
  'name',
  'type',
  'alias',
  'aliases',
  'cables',
  'decision',
  'names',
  'author',
  'at',
  'note',
];

export function formatDecision(decision: Decision): string {
  const record = decision as unknown as Record<string, unknown>;
  const keys = Object.keys(record).sort((a, b) => KEY_ORDER.indexOf(a) - KEY_ORDER.indexOf(b));
  return JSON.stringify(Object.fromEntries(keys.filter((k) => record[k] !== undefined).map((k) => [k, record[k]])));
}

/**
 * Appends a decision (numbered after the file's last) and returns it as written. The file is
 * re-read first, so a decision is never appended to a file that does not parse.
 */
export function appendDecision(file: string, decision: Omit<Decision, 'seq'> & { seq?: number }): Decision {
  const existing = readCuration(file);
  const written = { ...decision, seq: existing.length + 1 } as Decision;
  const problem = decisionProblem(written);
  if (problem) throw new CablegraphError('CURATION_INVALID', `${file}: ${problem}`, { file });
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  fs.appendFileSync(file, `${text.length > 0 && !text.endsWith('\n') ? '\n' : ''}${formatDecision(written)}\n`);
  return written;
}
