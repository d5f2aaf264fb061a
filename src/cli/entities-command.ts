import type Graph from 'graphology';
import { CablegraphError } from '../common/diagnostics';
import { DEFAULT_CURATION_FILE, entityChanges, readCuration, suggestDuplicates, takeDecision, type CurationOutcome, type Decision, type DecisionRequest } from '../curate';
import type { EntityType } from '../extract/types';
import { readGraphFile } from '../graph';
import { ENTITY_KINDS } from '../graph/types';
import { commandLine, writeLine } from './output';
import type { Neo4jFlags } from './query-command';
import { DEFAULT_GRAPH_FILE } from './flags';

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
const sameFiles = (o: EntitiesOptions): string[] => [...(o.graph !== undefined ? ['-g', o.graph] : []), ...(o.curation !== undefined ? ['--curation', o.curation] : [])];
const list = (value: string | undefined): string[] | undefined => value?.split(',').map((v) => v.trim()).filter(Boolean);
const KIND_TYPE: Record<string, EntityType> = { Person: 'PERSON', Organization: 'ORGANIZATION', Place: 'PLACE' };

function limitOf(o: EntitiesOptions, fallback: number): number {
  if (o.limit === undefined) return fallback;
  const n = Number(o.limit);
  if (!Number.isInteger(n) || n < 1) throw new CablegraphError('BAD_OPTION', `--limit wants a positive whole number, got "${o.limit}"`);
  return n;
}

/** An entity by id, or by exact name or alias (case-insensitive) when that names only one. */
export function findEntity(graph: Graph, ref: string): string {
  if (graph.hasNode(ref) && ENTITY_KINDS.has(graph.getNodeAttribute(ref, 'kind') as string)) return ref;
  const wanted = ref.toLowerCase();
  const found = graph.filterNodes((_n, a) => ENTITY_KINDS.has(a.kind as string) && (String(a.name).toLowerCase() === wanted || ((a.aliases as Array<{ text: string }> | undefined) ?? []).some((x) => x.text.toLowerCase() === wanted)));
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw new CablegraphError('CURATION_UNKNOWN_ENTITY', `no entity "${ref}" (npx cablegraph entities list --q … shows ids)`);
  throw new CablegraphError('CURATION_AMBIGUOUS', `"${ref}" names ${found.length} entities (${found.slice(0, 5).join(', ')}${found.length > 5 ? ' …' : ''}): give an id`);
}

const describe = (graph: Graph, id: string): string => (graph.hasNode(id) ? `${graph.getNodeAttribute(id, 'name')} (${graph.getNodeAttribute(id, 'kind')}, ${graph.getNodeAttribute(id, 'cableCount')} cables) ${id}` : id);

/** `cablegraph entities list`: entities by cables, optionally of a type or matching text. */
export async function runEntitiesList(options: EntitiesOptions): Promise<number> {
  const { graph } = await readGraphFile(graphFileOf(options), { records: false });
  const kind = options.type ? Object.keys(KIND_TYPE).find((k) => k.toLowerCase() === options.type!.toLowerCase().replace(/s$/, '')) : undefined;
  if (options.type && !kind) throw new CablegraphError('BAD_OPTION', `--type: one of ${Object.keys(KIND_TYPE).join(', ')}`);
  const q = options.q?.toLowerCase();
  const rows = graph
    .filterNodes((_n, a) => ENTITY_KINDS.has(a.kind as string) && (!kind || a.kind === kind) && (!q || String(a.name).toLowerCase().includes(q) || ((a.aliases as Array<{ text: string }>) ?? []).some((x) => x.text.toLowerCase().includes(q))))
    .map((id) => ({ id, type: graph.getNodeAttribute(id, 'kind') as string, name: graph.getNodeAttribute(id, 'name') as string, cables: graph.getNodeAttribute(id, 'cableCount') as number, aliases: (graph.getNodeAttribute(id, 'aliases') as Array<{ text: string }>).length }))
    .sort((a, b) => b.cables - a.cables || (a.id < b.id ? -1 : 1))
    .slice(0, limitOf(options, 50));
  if (options.json) await writeLine(JSON.stringify(rows, null, 2));
  else for (const r of rows) await writeLine(`${String(r.cables).padStart(6)}  ${r.type.padEnd(12)} ${r.name.replace(/\s+/g, ' ')}  [${r.id}]${r.aliases > 1 ? ` (${r.aliases} aliases)` : ''}`);
  return 0;
}

/** `cablegraph entities show <id | name>`: the entity, its aliases, neighbours, and the decisions about it. */
export async function runEntitiesShow(ref: string, options: EntitiesOptions): Promise<number> {
  const { graph } = await readGraphFile(graphFileOf(options), { records: false });
  const id = findEntity(graph, ref);
  const a = graph.getNodeAttributes(id);
  const neighbours = graph
    .mapUndirectedEdges(id, (_e, attributes, source, target) => ({ id: source === id ? target : source, weight: attributes.weight as number }))
    .sort((x, y) => y.weight - x.weight)
    .slice(0, 10);
  const decisions = readCuration(curationFileOf(options)).filter((d) => JSON.stringify(d).includes(JSON.stringify(id)));
  const detail = { id, type: a.kind, name: a.name, cables: a.cableCount, firstDate: a.firstDate, lastDate: a.lastDate, aliases: a.aliases, neighbours: neighbours.map((n) => ({ ...n, name: graph.getNodeAttribute(n.id, 'name') })), decisions };
  if (options.json) await writeLine(JSON.stringify(detail, null, 2));
  else {
    await writeLine(`${describe(graph, id)}${a.firstDate ? `, ${a.firstDate} – ${a.lastDate}` : ''}`);
    await writeLine(`aliases: ${(a.aliases as Array<{ text: string; count: number }>).map((x) => `${x.text.replace(/\s+/g, ' ')} ×${x.count}`).join(', ')}`);
    await writeLine(`co-mentioned most with: ${detail.neighbours.map((n) => `${String(n.name).replace(/\s+/g, ' ')} (${n.weight})`).join(', ') || '-'}`);
    for (const d of decisions) await writeLine(`decision ${d.seq}: ${d.op} by ${d.author} at ${d.at}${d.note ? ` — ${d.note}` : ''}`);
  }
  return 0;
}

/** `cablegraph entities suggest`: likely duplicates, ranked, for review (nothing is applied). */
export async function runEntitiesSuggest(options: EntitiesOptions): Promise<number> {
  const { graph } = await readGraphFile(graphFileOf(options), { records: false });
  const suggestions = suggestDuplicates(graph, limitOf(options, 30));
  if (options.json) await writeLine(JSON.stringify(suggestions, null, 2));
  else {
    for (const s of suggestions) {
      const e = s.evidence;
      await writeLine(`${s.score.toFixed(2).padStart(6)}  ${s.reason.padEnd(8)} ${s.keep.name.replace(/\s+/g, ' ')} (${s.keep.cables}) ⇐ ${s.merge.name.replace(/\s+/g, ' ')} (${s.merge.cables})  — ${e.sharedNeighbours} shared neighbours, overlap ${e.neighbourOverlap}${e.sharedCountries.length ? `, countries ${e.sharedCountries.slice(0, 5).join(' ')}` : ''}${e.sharedCables ? `, ${e.sharedCables} cables with both` : ''}`);
      await writeLine(`        ${commandLine(['entities', 'merge', s.merge.id, s.keep.id, '--into', s.keep.id, ...sameFiles(options)])}`);
    }
    if (suggestions.length === 0) await writeLine('no likely duplicates');
  }
  return 0;
}

/** What a decision did (or would do), in a few lines. */
async function report(outcome: CurationOutcome, options: EntitiesOptions, graphFile: string, curationFile: string): Promise<void> {
  const { diff, decision } = outcome;
  if (options.json) {
    await writeLine(JSON.stringify({ decision, written: outcome.written, diff }, null, 2));
    return;
  }
  const nodes = diff.nodes;
  const edges = diff.edges;
  await writeLine(`${outcome.written ? 'decision' : 'would decide'} ${decision.seq}: ${decision.op} (${decision.author}${decision.note ? `: ${decision.note}` : ''})`);
  for (const id of nodes.removed) await writeLine(`  − ${describe(outcome.before, id)}`);
  for (const id of nodes.added) await writeLine(`  + ${describe(outcome.after, id)}`);
  const changed = entityChanges(diff, outcome.before, outcome.after);
  for (const id of changed.slice(0, 20)) await writeLine(`  ~ ${describe(outcome.after, id)}`);
  if (changed.length > 20) await writeLine(`  ~ … ${changed.length - 20} more`);
  await writeLine(`  entities: ${nodes.added.length} added, ${nodes.removed.length} removed, ${changed.length} changed (${nodes.changed.length} nodes with new metrics or attributes); edges: ${edges.added.length} added, ${edges.removed.length} removed, ${edges.changed.length} changed`);
  if (outcome.written) await writeLine(`  written: ${curationFile}, ${graphFile}`);
  else await writeLine('  (dry run: nothing written)');
}

/** Takes a decision on the graph file, and applies the change to Neo4j too when --neo4j is given. */
async function decide(request: DecisionRequest, options: EntitiesOptions): Promise<number> {
  const graphFile = graphFileOf(options);
  const curationFile = curationFileOf(options);
  // neo4j-driver is loaded only when a decision goes to Neo4j too.
  const neo4j = options.neo4j && !options.dryRun ? await import('../store/neo4j') : undefined;
  const connection = neo4j ? (await import('./query-command')).connectionFromFlags(options) : undefined;
  const driver = neo4j && connection ? await neo4j.openDriver(connection) : undefined;
  try {
    const outcome = await takeDecision(graphFile, curationFile, { ...request, ...(options.author ? { author: options.author } : {}), ...(options.note ? { note: options.note } : {}) } as DecisionRequest, { dryRun: options.dryRun ?? false });
    await report(outcome, options, graphFile, curationFile);
    if (driver && neo4j) {
      const synced = await neo4j.syncGraphDiff(driver, outcome.before, outcome.after, outcome.diff, connection?.database);
      if (!options.json) await writeLine(`  neo4j: ${synced.nodesDeleted} nodes and ${synced.relationshipsDeleted} relationships deleted, ${synced.nodesWritten} nodes and ${synced.relationshipsWritten} relationships written`);
    }
    return 0;
  } finally {
    await driver?.close();
  }
}

/** The graph, for resolving names to ids before deciding. */
const graphOf = async (options: EntitiesOptions): Promise<Graph> => (await readGraphFile(graphFileOf(options), { records: false })).graph;

export async function runEntitiesMerge(refs: string[], options: EntitiesOptions): Promise<number> {
  const graph = await graphOf(options);
  const ids = refs.map((r) => findEntity(graph, r));
  if (ids.length < 2) throw new CablegraphError('BAD_OPTION', 'merge wants at least two entities');
  const into = options.into ? findEntity(graph, options.into) : [...ids].sort((a, b) => (graph.getNodeAttribute(b, 'cableCount') as number) - (graph.getNodeAttribute(a, 'cableCount') as number))[0]!;
  if (!ids.includes(into)) throw new CablegraphError('BAD_OPTION', '--into must be one of the merged entities');
  return decide({ op: 'merge', ids, into, ...(options.name ? { name: options.name } : {}) } as DecisionRequest, options);
}

export async function runEntitiesSplit(ref: string, options: EntitiesOptions): Promise<number> {
  const id = findEntity(await graphOf(options), ref);
  const cables = list(options.cables);
  const aliases = list(options.aliases);
  return decide({ op: 'split', id, ...(cables ? { cables } : {}), ...(aliases ? { aliases } : {}), ...(options.name ? { name: options.name } : {}) } as DecisionRequest, options);
}

export async function runEntitiesRename(ref: string, name: string, options: EntitiesOptions): Promise<number> {
  return decide({ op: 'rename', id: findEntity(await graphOf(options), ref), name } as DecisionRequest, options);
}

export async function runEntitiesRetype(ref: string, type: string, options: EntitiesOptions): Promise<number> {
  const upper = type.toUpperCase();
  const entityType = (KIND_TYPE[Object.keys(KIND_TYPE).find((k) => k.toUpperCase() === upper) ?? ''] ?? upper) as EntityType;
  return decide({ op: 'retype', id: findEntity(await graphOf(options), ref), type: entityType } as DecisionRequest, options);
}

export async function runEntitiesReject(ref: string, options: EntitiesOptions): Promise<number> {
  return decide({ op: 'reject', id: findEntity(await graphOf(options), ref), ...(options.alias ? { alias: options.alias } : {}) } as DecisionRequest, options);
}

export async function runEntitiesAlias(ref: string, alias: string, options: EntitiesOptions): Promise<number> {
  return decide({ op: 'alias', id: findEntity(await graphOf(options), ref), alias } as DecisionRequest, options);
}

/** `cablegraph entities undo [seq]`: takes back a decision (the last one by default). */
export async function runEntitiesUndo(seq: string | undefined, options: EntitiesOptions): Promise<number> {
  const decisions: Decision[] = readCuration(curationFileOf(options));
  const undone = new Set(decisions.flatMap((d) => (d.op === 'undo' ? [d.decision] : [])));
  const target = seq === undefined ? [...decisions].reverse().find((d) => d.op !== 'undo' && !undone.has(d.seq))?.seq : Number(seq);
  if (target === undefined) throw new CablegraphError('CURATION_INVALID', `nothing to undo in ${curationFileOf(options)}`);
  if (!Number.isInteger(target) || target < 1) throw new CablegraphError('BAD_OPTION', `undo wants a decision number, got "${seq}"`);
  return decide({ op: 'undo', decision: target } as DecisionRequest, options);
}
