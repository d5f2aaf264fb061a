// `cablegraph entities`: list, show and suggest entities; decisions through src/build's takeDecision.
import * as fs from 'fs';
import { CablegraphError } from '../common/diagnostics';
import { takeDecision } from '../build/decide';
import { DEFAULT_GRAPH_FILE } from '../build/options';
import {
  databaseSuggestSource,
  DEFAULT_CURATION_FILE,
  readCuration,
  suggestDuplicates,
  type DatabaseDecisionOutcome,
} from '../curate';
import { openGraphDb, type GraphDb } from '../db/open';
import { canonicalCableId } from '../parse/ids';
import { commandLine, writeLine } from './output';
import type { Neo4jFlags } from './query-command';
import type { Suggestion } from '../model';
import { ENTITY_KINDS, TYPE_OF_KIND, type Decision, type DecisionRequest } from '../model';

export interface EntitiesOptions extends Neo4jFlags {
  graph?: string;
  curation?: string;
  author?: string;
  note?: string;
  dryRun?: boolean;
  json?: boolean;
  type?: string;
  q?: string;
  limit?: string;
  into?: string;
  name?: string;
  cables?: string;
  aliases?: string;
  alias?: string;
}

const graphFileOf = (o: EntitiesOptions): string => o.graph ?? DEFAULT_GRAPH_FILE;
const curationFileOf = (o: EntitiesOptions): string => o.curation ?? DEFAULT_CURATION_FILE;
/** The graph and curation flags a printed follow-up command needs to act on the same files. */
const sameFiles = (o: EntitiesOptions): string[] => [
  ...(o.graph !== undefined ? ['-g', o.graph] : []),
  ...(o.curation !== undefined ? ['--curation', o.curation] : []),
];
const list = (value: string | undefined): string[] | undefined =>
  value
    ?.split(',')
    .map((v) => v.trim())
    .filter(Boolean);

function limitOf(o: EntitiesOptions, fallback: number): number {
  if (o.limit === undefined) return fallback;
  const n = Number(o.limit);
  if (!Number.isInteger(n) || n < 1)
    throw new CablegraphError('BAD_OPTION', `--limit wants a positive whole number, got "${o.limit}"`);
  return n;
}

/** The graph database of the options (an old .cgz graph file is refused by openGraphDb, with what to do). */
function databaseOf(options: EntitiesOptions, write = false): GraphDb {
  const file = graphFileOf(options);
  if (!fs.existsSync(file))
    throw new CablegraphError(
      'GRAPH_NOT_FOUND',
      `no graph database ${file}: build one (npx cablegraph build <cables> -o ${file}) or give --graph`,
      { file },
    );
  const db = openGraphDb(file, { write });
  // Another decision (the viewer, another CLI) may be writing: wait for it rather than fail.
  if (write) db.pragma('busy_timeout = 30000');
  return db;
}

interface EntityRow {
  id: string;
  kind: string;
  name: string;
  cable_count: number;
  first_date: string | null;
  last_date: string | null;
}

/** An entity of the database by id, or by exact name or alias (case-insensitive) when that names only one. */
export function findInDatabase(db: GraphDb, ref: string): string {
  const direct = db.prepare('SELECT id FROM entities WHERE id = ?').pluck().get(ref) as string | undefined;
  if (direct) return direct;
  const found = db
    .prepare(
      'SELECT id FROM entities WHERE lower(name) = lower(:ref) UNION SELECT e.id FROM aliases a JOIN entities e ON e.node = a.entity WHERE lower(a.alias) = lower(:ref) LIMIT 6',
    )
    .pluck()
    .all({ ref }) as string[];
  if (found.length === 1) return found[0];
  if (found.length === 0)
    throw new CablegraphError(
      'CURATION_UNKNOWN_ENTITY',
      `no entity "${ref}" (npx cablegraph entities list --q … shows ids)`,
    );
  throw new CablegraphError(
    'CURATION_AMBIGUOUS',
    `"${ref}" names ${found.length > 5 ? 'several' : found.length} entities (${found.slice(0, 5).join(', ')}${found.length > 5 ? ' …' : ''}): give an id`,
  );
}

const entityRow = (db: GraphDb, id: string): EntityRow | undefined =>
  db.prepare('SELECT id, kind, name, cable_count, first_date, last_date FROM entities WHERE id = ?').get(id) as
    EntityRow | undefined;
const describeRow = (row: EntityRow | undefined, id: string): string =>
  row ? `${row.name} (${row.kind}, ${row.cable_count} cables) ${id}` : id;

/** `cablegraph entities list`: entities by cables, optionally of a type or matching text. */
export async function runEntitiesList(options: EntitiesOptions): Promise<number> {
  const db = databaseOf(options);
  try {
    const kind = options.type
      ? ENTITY_KINDS.find((k) => k.toLowerCase() === options.type!.toLowerCase().replace(/s$/, ''))
      : undefined;
    if (options.type && !kind) throw new CablegraphError('BAD_OPTION', `--type: one of ${ENTITY_KINDS.join(', ')}`);
    const q = options.q ? `%${options.q.toLowerCase()}%` : null;
    const rows = db
      .prepare(
        `SELECT e.id, e.kind AS type, e.name, e.cable_count AS cables, (SELECT count(*) FROM aliases a WHERE a.entity = e.node) AS aliases FROM entities e
         WHERE (:kind IS NULL OR e.kind = :kind) AND (:q IS NULL OR lower(e.name) LIKE :q OR EXISTS (SELECT 1 FROM aliases a WHERE a.entity = e.node AND lower(a.alias) LIKE :q))
         ORDER BY e.cable_count DESC, e.id LIMIT :limit`,
      )
      .all({ kind: kind ?? null, q, limit: limitOf(options, 50) }) as Array<{
      id: string;
      type: string;
      name: string;
      cables: number;
      aliases: number;
    }>;
    if (options.json) await writeLine(JSON.stringify(rows, null, 2));
    else
      for (const r of rows)
        await writeLine(
          `${String(r.cables).padStart(6)}  ${r.type.padEnd(12)} ${r.name.replace(/\s+/g, ' ')}  [${r.id}]${r.aliases > 1 ? ` (${r.aliases} aliases)` : ''}`,
        );
    return 0;
  } finally {
    db.close();
  }
}

/** `cablegraph entities show <id | name>`: the entity, its aliases, neighbours, and the decisions about it. */
export async function runEntitiesShow(ref: string, options: EntitiesOptions): Promise<number> {
  const db = databaseOf(options);
  try {
    const id = findInDatabase(db, ref);
    const row = entityRow(db, id)!;
    const aliases = db
      .prepare(
        'SELECT a.alias AS text, a.count FROM aliases a JOIN entities e ON e.node = a.entity WHERE e.id = ? ORDER BY a.position',
      )
      .all(id) as Array<{ text: string; count: number }>;
    const neighbours = db
      .prepare(
        `SELECT e.id, e.name, c.weight FROM co_mentions c JOIN entities e ON e.node = c.b WHERE c.a = (SELECT node FROM entities WHERE id = :id)
         UNION ALL SELECT e.id, e.name, c.weight FROM co_mentions c JOIN entities e ON e.node = c.a WHERE c.b = (SELECT node FROM entities WHERE id = :id)
         ORDER BY weight DESC, id LIMIT 10`,
      )
      .all({ id }) as Array<{ id: string; name: string; weight: number }>;
    const decisions = readCuration(curationFileOf(options)).filter((d) =>
      JSON.stringify(d).includes(JSON.stringify(id)),
    );
    const detail = {
      id,
      type: row.kind,
      name: row.name,
      cables: row.cable_count,
      firstDate: row.first_date ?? undefined,
      lastDate: row.last_date ?? undefined,
      aliases,
      neighbours,
      decisions,
    };
    if (options.json) await writeLine(JSON.stringify(detail, null, 2));
    else {
      await writeLine(`${describeRow(row, id)}${row.first_date ? `, ${row.first_date} – ${row.last_date}` : ''}`);
      await writeLine(`aliases: ${aliases.map((x) => `${x.text.replace(/\s+/g, ' ')} ×${x.count}`).join(', ')}`);
      await writeLine(
        `co-mentioned most with: ${neighbours.map((n) => `${n.name.replace(/\s+/g, ' ')} (${n.weight})`).join(', ') || '-'}`,
      );
      for (const d of decisions)
        await writeLine(`decision ${d.seq}: ${d.op} by ${d.author} at ${d.at}${d.note ? ` — ${d.note}` : ''}`);
    }
    return 0;
  } finally {
    db.close();
  }
}

/** `cablegraph entities suggest`: likely duplicates, ranked, for review (nothing is applied). */
export async function runEntitiesSuggest(options: EntitiesOptions): Promise<number> {
  const db = databaseOf(options);
  let suggestions;
  try {
    suggestions = suggestDuplicates(databaseSuggestSource(db), limitOf(options, 30));
  } finally {
    db.close();
  }
  if (options.json) await writeLine(JSON.stringify(suggestions, null, 2));
  else {
    for (const s of suggestions) {
      await writeLine(
        `${s.score.toFixed(2).padStart(6)}  ${s.reason.padEnd(8)} ${s.keep.name.replace(/\s+/g, ' ')} (${s.keep.cables}) ⇐ ${s.merge.name.replace(/\s+/g, ' ')} (${s.merge.cables})  — ${evidenceText(s.evidence)}`,
      );
      await writeLine(
        `        ${commandLine(['entities', 'merge', s.merge.id, s.keep.id, '--into', s.keep.id, ...sameFiles(options)])}`,
      );
    }
    if (suggestions.length === 0) await writeLine('no likely duplicates');
  }
  return 0;
}

/** What a decision did in the graph database (or would do), in a few lines. */
async function reportDatabase(
  outcome: Omit<DatabaseDecisionOutcome, 'local'>,
  options: EntitiesOptions,
  graphFile: string,
  curationFile: string,
  seconds: number,
): Promise<void> {
  if (options.json) {
    await writeLine(JSON.stringify({ ...outcome, seconds }, null, 2));
    return;
  }
  const { decision } = outcome;
  const names = decision.names ?? {};
  await writeLine(
    `${outcome.written ? 'decision' : 'would decide'} ${decision.seq}: ${decision.op} (${decision.author}${decision.note ? `: ${decision.note}` : ''})`,
  );
  const shown = (id: string): string => `${outcome.described[id] || names[id] || ''} ${id}`.trim();
  for (const id of outcome.removed) await writeLine(`  − ${shown(id)}`);
  for (const id of outcome.added) await writeLine(`  + ${shown(id)}`);
  for (const id of outcome.changed.slice(0, 20)) await writeLine(`  ~ ${shown(id)}`);
  if (outcome.changed.length > 20) await writeLine(`  ~ … ${outcome.changed.length - 20} more`);
  const e = outcome.edges;
  await writeLine(
    `  entities: ${outcome.added.length} added, ${outcome.removed.length} removed, ${outcome.changed.length} changed; co-mentions: ${e.added} added, ${e.removed} removed, ${e.changed} changed (${outcome.touched.cables} cables rewritten, ${seconds.toFixed(2)} s)`,
  );
  if (outcome.written) await writeLine(`  written: ${curationFile}, ${graphFile}`);
  else await writeLine('  (dry run: nothing written)');
}

/** Takes a decision on the graph database (one transaction), and sends Neo4j the difference when --neo4j is given. */
async function decide(request: DecisionRequest, options: EntitiesOptions): Promise<number> {
  const graphFile = graphFileOf(options);
  const curationFile = curationFileOf(options);
  // A dry run takes the decision too, in a transaction it rolls back: a write connection either way.
  const db = databaseOf(options, true);
  // neo4j-driver is loaded only when a decision goes to Neo4j too.
  const neo4jStore = options.neo4j && !options.dryRun ? await import('../store/neo4j') : undefined;
  const connection = neo4jStore ? (await import('./query-command')).connectionFromFlags(options) : undefined;
  const driver = neo4jStore && connection ? await neo4jStore.openDriver(connection) : undefined;
  try {
    const asked = {
      ...request,
      ...(options.author ? { author: options.author } : {}),
      ...(options.note ? { note: options.note } : {}),
    };
    const neo4j = driver ? { driver, ...(connection?.database ? { database: connection.database } : {}) } : undefined;
    const {
      outcome,
      seconds,
      neo4j: synced,
    } = await takeDecision(db, curationFile, asked, { dryRun: options.dryRun ?? false, ...(neo4j ? { neo4j } : {}) });
    await reportDatabase(outcome, options, graphFile, curationFile, seconds);
    if (synced && !options.json)
      await writeLine(
        `  neo4j: ${synced.nodesDeleted} nodes and ${synced.relationshipsDeleted} relationships deleted, ${synced.nodesWritten} nodes and ${synced.relationshipsWritten} relationships written${synced.statementEdges > 0 ? `, the middle statements of ${synced.statementEdges} cut edges replaced (${synced.statementsWritten} written)` : ''}`,
      );
    return 0;
  } finally {
    db.close();
    await driver?.close();
  }
}

/** Names or ids → entity ids (with each one's cable count), from the database. */
async function resolveRefs(
  options: EntitiesOptions,
  refs: readonly string[],
): Promise<{ ids: string[]; cables: (id: string) => number }> {
  const db = databaseOf(options);
  try {
    const ids = refs.map((ref) => findInDatabase(db, ref));
    const counts = new Map(ids.map((id) => [id, entityRow(db, id)!.cable_count]));
    return { ids, cables: (id) => counts.get(id) ?? 0 };
  } finally {
    db.close();
  }
}
const oneRef = async (options: EntitiesOptions, ref: string): Promise<string> =>
  (await resolveRefs(options, [ref])).ids[0];

export async function runEntitiesMerge(refs: string[], options: EntitiesOptions): Promise<number> {
  const { ids, cables } = await resolveRefs(options, options.into ? [...refs, options.into] : refs);
  const into = options.into ? ids.pop()! : [...ids].sort((a, b) => cables(b) - cables(a))[0];
  if (ids.length < 2) throw new CablegraphError('BAD_OPTION', 'merge wants at least two entities');
  if (!into || !ids.includes(into))
    throw new CablegraphError('BAD_OPTION', '--into must be one of the merged entities');
  return decide({ op: 'merge', ids, into, ...(options.name ? { name: options.name } : {}) }, options);
}

export async function runEntitiesSplit(ref: string, options: EntitiesOptions): Promise<number> {
  const id = await oneRef(options, ref);
  // Cable ids in any form the parser reads (`07 PARIS 3534`, `2007PARIS003534`), as the graph keys them.
  const cables = list(options.cables)?.map((c) => canonicalCableId(c) ?? c);
  const aliases = list(options.aliases);
  return decide(
    {
      op: 'split',
      id,
      ...(cables ? { cables } : {}),
      ...(aliases ? { aliases } : {}),
      ...(options.name ? { name: options.name } : {}),
    },
    options,
  );
}

export async function runEntitiesRename(ref: string, name: string, options: EntitiesOptions): Promise<number> {
  return decide({ op: 'rename', id: await oneRef(options, ref), name }, options);
}

export async function runEntitiesRetype(ref: string, type: string, options: EntitiesOptions): Promise<number> {
  const upper = type.toUpperCase();
  // Person or PERSON; anything else goes to the decision's check, which names the choices.
  const kind = ENTITY_KINDS.find((k) => k.toUpperCase() === upper);
  const entityType = kind ? TYPE_OF_KIND[kind] : upper;
  return decide({ op: 'retype', id: await oneRef(options, ref), type: entityType } as DecisionRequest, options);
}

export async function runEntitiesReject(ref: string, options: EntitiesOptions): Promise<number> {
  return decide(
    { op: 'reject', id: await oneRef(options, ref), ...(options.alias ? { alias: options.alias } : {}) },
    options,
  );
}

export async function runEntitiesAlias(ref: string, alias: string, options: EntitiesOptions): Promise<number> {
  return decide({ op: 'alias', id: await oneRef(options, ref), alias }, options);
}

/** `cablegraph entities undo [seq]`: takes back a decision (the last one by default). */
export async function runEntitiesUndo(seq: string | undefined, options: EntitiesOptions): Promise<number> {
  const decisions: Decision[] = readCuration(curationFileOf(options));
  const undone = new Set(decisions.flatMap((d) => (d.op === 'undo' ? [d.decision] : [])));
  const target =
    seq === undefined ? [...decisions].reverse().find((d) => d.op !== 'undo' && !undone.has(d.seq))?.seq : Number(seq);
  if (target === undefined)
    throw new CablegraphError('CURATION_INVALID', `nothing to undo in ${curationFileOf(options)}`);
  if (!Number.isInteger(target) || target < 1)
    throw new CablegraphError('BAD_OPTION', `undo wants a decision number, got "${seq}"`);
  return decide({ op: 'undo', decision: target }, options);
}

/** A suggestion's evidence in words; its countries are the cables' TAGS codes (FIPS: IS is Israel), said as such. */
function evidenceText(e: Suggestion['evidence']): string {
  const tags = e.sharedCountries.length ? `, country tags ${e.sharedCountries.slice(0, 5).join(' ')}` : '';
  const both = e.sharedCables ? `, ${e.sharedCables} ${e.sharedCables === 1 ? 'cable' : 'cables'} with both` : '';
  return `${e.sharedNeighbours} shared neighbours, overlap ${e.neighbourOverlap}${tags}${both}`;
}
