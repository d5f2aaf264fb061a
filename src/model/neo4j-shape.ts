// The graph as Neo4j stores it: properties from attributes, and the one direction of an undirected relationship — shared by the online loader and the neo4j-admin CSV export.

export type Scalar = string | number | boolean;
export type Props = Record<string, Scalar | Scalar[]>;

/**
 * Neo4j stores scalars and homogeneous lists of scalars; anything else is kept as JSON text.
 * `aliases: [{text, count}]` becomes `aliases`, `aliasCounts` and `aliasText` (for full-text search).
 */
export function toNeo4jProperties(attributes: Record<string, unknown>): Props {
  const props: Props = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || key === 'kind' || key === 'type') continue;
    if (key === 'aliases' && Array.isArray(value) && value.every((a) => a && typeof a === 'object' && 'text' in a)) {
      const aliases = value as Array<{ text: string; count?: number }>;
      props.aliases = aliases.map((a) => a.text);
      props.aliasCounts = aliases.map((a) => a.count ?? 1);
      props.aliasText = aliases.map((a) => a.text).join(' | ');
      continue;
    }
    if (
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value))
    )
      props[key] = value;
    else if (
      Array.isArray(value) &&
      value.length > 0 &&
      value.every((v) => typeof v === typeof value[0] && ['string', 'number', 'boolean'].includes(typeof v))
    )
      props[key] = value as Scalar[];
    else if (Array.isArray(value) && value.length === 0) props[key] = [];
    else props[key] = JSON.stringify(value);
  }
  return props;
}

/**
 * The direction a relationship is stored in Neo4j: directed edges as they are; undirected ones
 * (co-mentions) one way, from the smaller id, so every load — online or from the import CSVs —
 * writes the same relationship.
 */
export function storedEndpoints(source: string, target: string, undirected: boolean): [string, string] {
  return undirected && target < source ? [target, source] : [source, target];
}

/** Relationship types stored with a `pair` key (see pairKey). */
export const PAIR_KEYED_TYPES: ReadonlySet<string> = new Set(['CO_MENTIONED']);

/**
 * A co-mention's lookup key: its two entity ids, the smaller first (the stored direction), joined
 * by a space (ids are slugs: no spaces). Indexed (cypher/schema.cypher), it finds a pair's
 * relationship with one index seek, where matching it from its two ends expands the smaller end's
 * relationships — thousands when both are hubs. Readers check the ends they get back, so even an
 * id with a space could only add a candidate, never lose or change an answer.
 */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

/** A relationship's stored properties: its attributes', plus the `pair` key of the types that have one. */
export function relationshipProperties(attributes: Record<string, unknown>, source: string, target: string): Props {
  const props = toNeo4jProperties(attributes);
  if (PAIR_KEYED_TYPES.has(String(attributes.type))) props.pair = pairKey(source, target);
  return props;
}

/** The label of the middle statements of a cut role or affiliation (one node each, see EdgeStatement). */
export const STATEMENT_LABEL = 'Statement';

/**
 * A `(:Statement)` node's properties: the edge's id and the position (`edge`, `seq`: its key), then
 * the statement's fields; a missing date is no property, as on relationships.
 */
export function statementProperties(s: { edge: string; seq: number; statement: object }): Props {
  return { edge: s.edge, seq: s.seq, ...toNeo4jProperties(s.statement as Record<string, unknown>) };
}
