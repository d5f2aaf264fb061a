import * as os from 'os';
import type Graph from 'graphology';
import { CablegraphError } from '../common/diagnostics';
import { buildGraph, readGraphFile, writeGraphFile, type GraphFile } from '../graph';
import { appendDecision, formatDecision, readCuration } from './file';
import { type Decision, type DecisionRequest, isEntityKind, ENTITY_TYPES, type EntityType } from '../model';

/** A decision as asked for (the file numbers and stamps it). */

/** What a decision changes in the graph: entity nodes and co-mention/mention edges. */
export interface GraphDiff {
  nodes: { added: string[]; removed: string[]; changed: string[] };
  edges: { added: string[]; removed: string[]; changed: string[] };
}

const sameAttributes = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Nodes and edges added, removed, or with other attributes, from one graph to the next. */
export function diffGraphs(before: Graph, after: Graph): GraphDiff {
  const diff: GraphDiff = { nodes: { added: [], removed: [], changed: [] }, edges: { added: [], removed: [], changed: [] } };
  after.forEachNode((node, attributes) => {
    if (!before.hasNode(node)) diff.nodes.added.push(node);
    else if (!sameAttributes(before.getNodeAttributes(node), attributes)) diff.nodes.changed.push(node);
  });
  before.forEachNode((node) => {
    if (!after.hasNode(node)) diff.nodes.removed.push(node);
  });
  after.forEachEdge((edge, attributes) => {
    if (!before.hasEdge(edge)) diff.edges.added.push(edge);
    else if (!sameAttributes(before.getEdgeAttributes(edge), attributes)) diff.edges.changed.push(edge);
  });
  before.forEachEdge((edge) => {
    if (!after.hasEdge(edge)) diff.edges.removed.push(edge);
  });
  return diff;
}

/** Attributes a rebuild recomputes for every node: not what a reader calls a change. */
const METRICS = new Set(['degree', 'weightedDegree', 'pagerank', 'community', 'x', 'y']);

/** The changed entities whose name, type, aliases, cables or dates changed (not just their metrics). */
export function entityChanges(diff: GraphDiff, before: Graph, after: Graph): string[] {
  const strip = (a: Record<string, unknown>): string => JSON.stringify(Object.entries(a).filter(([k]) => !METRICS.has(k)));
  return diff.nodes.changed.filter((id) => isEntityKind(after.getNodeAttribute(id, 'kind') as string) && strip(before.getNodeAttributes(id)) !== strip(after.getNodeAttributes(id)));
}

/** Who is deciding: the given author, else $CABLEGRAPH_AUTHOR, else the login name. */
export function defaultAuthor(): string {
  if (process.env.CABLEGRAPH_AUTHOR) return process.env.CABLEGRAPH_AUTHOR;
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The decision refers to entities the graph shows (and to one of its types); else a clear error. */
export function checkAgainstGraph(graph: Graph, decision: DecisionRequest, file: string): void {
  const entity = (id: string): void => {
    if (!graph.hasNode(id) || !isEntityKind(graph.getNodeAttribute(id, 'kind') as string)) throw new CablegraphError('CURATION_UNKNOWN_ENTITY', `${file}: no entity ${id} in the graph (npx cablegraph entities list shows the ids)`, { file });
  };
  switch (decision.op) {
    case 'merge':
      if (new Set(decision.ids).size !== decision.ids.length) throw new CablegraphError('CURATION_INVALID', 'merge: an entity is listed twice');
      decision.ids.forEach(entity);
      break;
    case 'retype':
      if (!ENTITY_TYPES.includes(decision.type as EntityType)) throw new CablegraphError('CURATION_INVALID', `retype: type must be one of ${ENTITY_TYPES.join(', ')}`);
      entity(decision.id);
      break;
    case 'undo':
      break;
    default:
      entity(decision.id);
  }
}

export interface CurationOutcome {
  decision: Decision;
  diff: GraphDiff;
  before: Graph;
  after: Graph;
  /** True when the decision was written (not a dry run). */
  written: boolean;
}

/**
 * Takes one decision on a built graph: checks it against the graph, rebuilds the graph from the
 * file's own cable records with every decision (as a build from scratch would), and — unless a dry
 * run — appends the decision to the curation file and writes the graph file. The file is rebuilt
 * in full rather than patched, so what is written is exactly what a rebuild gives.
 */
export async function takeDecision(graphFile: string, curationFile: string, request: DecisionRequest, options: { dryRun?: boolean; loaded?: GraphFile } = {}): Promise<CurationOutcome> {
  const current = options.loaded ?? (await readGraphFile(graphFile));
  const existing = readCuration(curationFile);
  checkAgainstGraph(current.graph, request, curationFile);
  if (request.op === 'undo' && !existing.some((d) => d.seq === request.decision)) throw new CablegraphError('CURATION_INVALID', `undo: ${curationFile} has no decision ${request.decision}`, { file: curationFile });
  const referenced = request.op === 'merge' ? request.ids : request.op === 'undo' ? [] : [request.id];
  const names = Object.fromEntries(referenced.map((id) => [id, String(current.graph.getNodeAttribute(id, 'name'))]));
  // In the file's form (its key order), so the graph header equals a rebuild's from the file.
  const decision = JSON.parse(formatDecision({ ...request, seq: existing.length + 1, ...(referenced.length > 0 ? { names } : {}), author: request.author ?? defaultAuthor(), at: request.at ?? new Date().toISOString() } as Decision)) as Decision;
  const buildOptions = { ...current.header.buildOptions, curation: [...existing, decision] };
  const { graph: after } = buildGraph(current.records, buildOptions);
  const diff = diffGraphs(current.graph, after);
  if (options.dryRun) return { decision, diff, before: current.graph, after, written: false };
  const written = appendDecision(curationFile, decision);
  await writeGraphFile(graphFile, current.records, after, buildOptions);
  return { decision: written, diff, before: current.graph, after, written: true };
}
