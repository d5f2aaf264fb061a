// Cables and resolved entities → the graph's nodes and edges, one cable at a time (compileGraph, buildGraph).
import Graph from 'graphology';
import { canonicalPost, isKnownPost } from '../parse/ids';
import { readableOrigin } from '../parse/routing';
import type { Cable } from '../parse/types';
import {
  entityId,
  normalizeName,
  resolveCorpus,
  type CableEntity,
  type CorpusResolution,
  type Entity,
} from '../resolve';
import { CoMentions, type EvidenceFilterFactory, type EvidenceLogFactory } from './co-mentions';
import { IntList } from '../common/int-list';
import { forgetMemos } from '../common/memo';
import { traceMemory } from '../common/trace-memory';
import { metricsOf, type MetricsInput } from './metrics';
import { sortedInMemory, type SortedRecords } from './record-store';
import { DEFAULT_BUILD_OPTIONS, type BuildOptions, type CableRecord } from './types';
import { type EdgeType, KIND_OF_TYPE, type Mention, type CableGraph, type EdgeAttrs, type NodeAttrs } from '../model';
import { relationEdges } from './relation-edges';
import type { CableRelationRows } from './relation-types';
import { addRelationRows, relationRows } from './relations';

const postId = (name: string): string => `post:${name}`;
/**
 * A post's node key: its canonical name when it is a post the corpus's ids use (`post:PARIS` for
 * "Embassy Paris" as origin and `AMEMBASSY PARIS` on a TO line), else its readable name.
 */
const postKey = (written: string, readable: string): string => {
  const canonical = canonicalPost(written);
  return postId(isKnownPost(canonical) ? canonical : readable);
};
const tagId = (code: string): string => `tag:${code}`;

/** Paragraph of an offset: its number, or its 1-based position in unnumbered cables; 0 = header. */
export function paragraphOf(cable: Cable, offset: number): number {
  const i = cable.paragraphs.findIndex((p) => offset >= p.start && offset < p.end);
  if (i < 0) return 0;
  return cable.paragraphs[i].number ?? i + 1;
}

/** One mention the build resolved to an entity: a row of the graph database's `mentions` table. */
export interface ResolvedMention {
  start: number;
  end: number;
  type: Mention['type'];
  surface: string;
  paragraph: number;
  /** In the "Classified By" line or the signature: MENTIONS only, no co-mentions. */
  authorship: boolean;
  entity: string;
}

interface CableEntities {
  /** The resolved mentions, by start. */
  mentions: ResolvedMention[];
  /** entity id → paragraphs where it is mentioned, its mention count and offsets (every mention: MENTIONS edges). */
  entities: Map<string, { paragraphs: Set<number>; count: number; offsets: number[] }>;
  /** The same for content mentions only (not the authorship lines): what co-mentions count. */
  content: Map<string, Set<number>>;
  /** paragraph → entity ids in order of first (content) mention. */
  windows: Map<number, string[]>;
}

/**
 * Mentions in the authorship lines — "Classified By: <name>" before the first paragraph, the
 * signature after the last one (or a signer's name closing the last paragraph) — are not content:
 * they become CLASSIFIED/SIGNED edges (and MENTIONS), never co-mentions, or every ambassador
 * would be co-mentioned with everything their embassy reported.
 */
export function authorshipTest(cable: Cable): (m: Mention) => boolean {
  const first = cable.paragraphs[0];
  const last = cable.paragraphs[cable.paragraphs.length - 1];
  // The line's text is normalized by the parser (joined lines): find its start, match by name.
  const classifiedAt =
    first && cable.classifiedBy?.name ? cable.text.slice(0, first.start).search(/classified\s+by\b/i) : -1;
  const classifier = cable.classifiedBy?.name ? normalizeName(cable.classifiedBy.name) : '';
  const signers = new Set(cable.signers.map((n) => normalizeName(n)));
  return (m) => {
    if (!first || !last) return false;
    if (m.start >= last.end) return true;
    if (
      classifiedAt >= 0 &&
      m.start >= classifiedAt &&
      m.start < first.start &&
      m.type === 'PERSON' &&
      classifier.includes(normalizeName(m.text))
    )
      return true;
    return (
      m.type === 'PERSON' &&
      m.start >= last.start &&
      cable.text.length - m.end < 80 &&
      signers.has(normalizeName(m.text))
    );
  };
}

/** Which resolved entity each mention of a cable belongs to (by type and surface string). */
export function entitiesOfCable(cable: Cable, mentions: Mention[], resolved: CableEntity[]): CableEntities {
  const bySurface = new Map<string, string>();
  // Resolution may give an entity another type than its mentions had (NWFP read as a person is a
  // place; a command read as a person an organization): a surface naming one entity of the cable
  // whatever its type still belongs to it.
  const byText = new Map<string, string | null>();
  for (const e of resolved) {
    for (const surface of e.mentions) {
      bySurface.set(`${e.type}|${surface}`, e.id);
      const seen = byText.get(surface);
      byText.set(surface, seen === undefined || seen === e.id ? e.id : null);
    }
  }
  const isAuthorship = authorshipTest(cable);
  const entities: CableEntities['entities'] = new Map();
  const content: CableEntities['content'] = new Map();
  const windows: CableEntities['windows'] = new Map();
  const list: ResolvedMention[] = [];
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    const id = bySurface.get(`${m.type}|${m.text}`) ?? byText.get(m.text);
    if (!id) continue;
    const paragraph = m.paragraph ?? paragraphOf(cable, m.start);
    let e = entities.get(id);
    if (!e) entities.set(id, (e = { paragraphs: new Set(), count: 0, offsets: [] }));
    e.count += 1;
    e.offsets.push(m.start, m.end);
    e.paragraphs.add(paragraph);
    const authorship = isAuthorship(m);
    list.push({ start: m.start, end: m.end, type: m.type, surface: m.text, paragraph, authorship, entity: id });
    if (authorship) continue;
    let c = content.get(id);
    if (!c) content.set(id, (c = new Set()));
    c.add(paragraph);
    let w = windows.get(paragraph);
    if (!w) windows.set(paragraph, (w = []));
    if (!w.includes(id)) w.push(id);
  }
  return { mentions: list, entities, content, windows };
}

/** The person node of a signer or "Classified By" name: the cable's own entity when it mentions that name. */
export function personFor(name: string, resolved: CableEntity[]): { id: string; name: string } {
  const key = normalizeName(name);
  const surname = key.split(' ').pop() ?? key;
  const own =
    resolved.find((e) => e.type === 'PERSON' && e.mentions.some((m) => normalizeName(m) === key)) ??
    resolved.find(
      (e) => e.type === 'PERSON' && key.split(' ').length === 1 && normalizeName(e.name).split(' ').pop() === surname,
    );
  return own
    ? { id: own.id, name: own.name }
    : {
        id: entityId('PERSON', name),
        name: name === name.toUpperCase() ? name[0] + name.slice(1).toLowerCase() : name,
      };
}

/** Nodes in insertion order (the graph's node order), with their attributes; few enough to keep as objects. */
export class NodeTable {
  readonly keys: string[] = [];
  readonly attributes: NodeAttrs[] = [];
  private readonly index = new Map<string, number>();

  has(key: string): boolean {
    return this.index.has(key);
  }

  add(key: string, attributes: NodeAttrs): void {
    this.index.set(key, this.keys.length);
    this.keys.push(key);
    this.attributes.push(attributes);
  }

  indexOf(key: string): number {
    return this.index.get(key)!;
  }

  get length(): number {
    return this.keys.length;
  }
}

/**
 * Receives the directed edges of each cable (MENTIONS, SIGNED, …) in graph order, as they are
 * made, with the node positions of their ends.
 */
export type EdgeSink = (
  key: string,
  source: string,
  target: string,
  attributes: EdgeAttrs,
  sourceNode: number,
  targetNode: number,
) => void;

/** What a cable gave the graph, before its edges go to the EdgeSink: for writers that keep more than the edges. */
export interface CableVisit {
  /** The cable's position in cable-id order, and its node's position. */
  index: number;
  node: number;
  /** The node position of an entity of the graph (by id). */
  entityNode: (id: string) => number;
  record: CableRecord;
  /** Its mentions that resolved to an entity, by start. */
  mentions: ResolvedMention[];
  /** Its entities as automatic resolution made them, and as curation left them (the same list without decisions). */
  automatic: CableEntity[];
  current: CableEntity[];
}

/** Optional observers of a compilation (the graph database writer uses them). */
export interface CompileObservers {
  /** Makes the co-mention evidence log once the number of pairs is known. */
  evidenceLog?: EvidenceLogFactory;
  /** Which pairs keep their co-mention evidence, asked once the per-cable pass is over (default: all). */
  evidenceFilter?: EvidenceFilterFactory;
  /** Each cable, in cable-id order, as the per-cable pass reaches it. */
  cable?: (visit: CableVisit) => void;
  /** Automatic resolution's entities (before curation), once resolved. */
  resolved?: (entities: readonly Entity[]) => void;
}

/**
 * Curation as the graph stage takes it: automatic resolution's entities (all, and per cable), the
 * cables and their mentions → the entities the analyst's decisions leave. The composition root
 * (src/build) makes it from the decisions; the graph stage only calls it.
 */
export type CurateEntities = (
  resolution: { entities: Entity[]; perCable: CableEntity[][] },
  cables: Array<{ id: string }>,
  mentions: Mention[][],
) => { entities: Entity[]; perCable: CableEntity[][] };

/**
 * A graph as a build makes it, before metrics: its nodes, the count and endpoints of the per-cable
 * edges (their attributes went to the sink), and the co-mentions in typed arrays. Edge order is
 * the per-cable edges in cable order, then the CO_MENTIONED edges by endpoint ids.
 */
export interface CompiledGraph {
  nodes: NodeTable;
  entities: Entity[];
  /** Edges by type (all of them, CO_MENTIONED included). */
  edgeTypes: Map<string, number>;
  edgeCount: number;
  coMentions: CoMentions;
  cableIds: string[];
  cableDates: Array<string | undefined>;
  /** The metrics' view of the graph. */
  metricsInput: MetricsInput;
}

/**
 * Cables and resolved entities → the graph (the model of ARCHITECTURE.md), one cable at a time:
 * records are read twice (resolution, then edges) through `records.get`, which may read them from
 * disk, per-cable edges go to `sink` as they are made, and the co-mention evidence to the log
 * `evidenceLog` makes (in memory unless it spills to disk). Deterministic: records come in cable-id
 * order and every random choice is seeded, so the same cables give the same graph however they
 * arrived (a full build, or a build plus `--append`).
 *
 * Co-mentions are bounded by paragraph windows: two entities get a CO_MENTIONED edge when they
 * share a paragraph (in a paragraph naming more than `maxEntitiesPerWindow` entities, only
 * neighbours within that many mentions pair up). For every such pair the cable-level count is
 * exact: every cable where both appear counts, whether or not they share a paragraph there.
 * weight = cables where both appear + paragraphs where both appear. Paragraph 0 is the header
 * (subject, references); the authorship lines (Classified By, signature) take part in no co-mention.
 */
export function compileGraph(
  records: SortedRecords,
  options: BuildOptions,
  sink: EdgeSink,
  observers: CompileObservers = {},
  curate?: CurateEntities,
): CompiledGraph {
  const nodes = new NodeTable();
  const cableIds: string[] = [];
  const cableDates: Array<string | undefined> = [];
  const cableNodes: NodeAttrs[] = [];
  // Curation needs every cable's mentions (surface counts): kept only when there are decisions.
  const curating = curate !== undefined;
  const mentions: Mention[][] = [];
  // `let`: released after the per-cable pass, so that the co-mention counting runs without it.
  let resolution: CorpusResolution | undefined = resolveCorpus(records.length, (i) => {
    const record = records.get(i);
    if (curating) mentions.push(record.mentions);
    const c = record.cable;
    const attributes: NodeAttrs = {
      kind: 'Cable',
      label: c.id,
      inCorpus: true,
      classification: c.classification ?? '',
      paragraphCount: c.paragraphs.length,
      versions: record.versions.length,
    };
    if (c.created) attributes.date = c.created.slice(0, 10);
    if (c.created) attributes.created = c.created;
    if (c.subject) attributes.subject = c.subject;
    if (c.origin) attributes.origin = c.origin;
    if (c.caveats.length > 0) attributes.caveats = c.caveats;
    cableNodes.push(attributes);
    cableIds.push(c.id);
    cableDates.push(c.created?.slice(0, 10));
    return record;
  });
  // The analyst's decisions (merge, split, rename …) apply to automatic resolution's result.
  // (Curation works on every cable's entities at once; an uncurated build makes them cable by cable.)
  let curated = curate
    ? curate(
        { entities: resolution.entities, perCable: cableIds.map((_id, i) => resolution!.cableEntities(i)) },
        cableIds.map((id) => ({ id })),
        mentions,
      )
    : undefined;
  traceMemory('resolution');
  observers.resolved?.(resolution.entities);
  // Entities in id order: entity i is node i, and the co-mention edges (ordered by their ends' ids) follow node order.
  const entities = [...(curated?.entities ?? resolution.entities)].sort((x, y) =>
    x.id < y.id ? -1 : x.id > y.id ? 1 : 0,
  );
  const entitiesOf = (i: number): CableEntity[] => (curated ? curated.perCable[i] : resolution!.cableEntities(i));
  mentions.length = 0;

  // Entity nodes (entity i is node i).
  for (const e of entities) {
    nodes.add(e.id, {
      kind: KIND_OF_TYPE[e.type],
      label: e.name,
      name: e.name,
      aliases: e.aliases,
      cableCount: e.cables.length,
    });
  }
  // Cable nodes next (so references can tell in-corpus cables from cited-only ones).
  cableIds.forEach((id, i) => nodes.add(id, cableNodes[i]));
  cableNodes.length = 0;

  const ensureNode = (key: string, attributes: () => NodeAttrs): void => {
    if (!nodes.has(key)) nodes.add(key, attributes());
  };
  const ensurePerson = (person: { id: string; name: string }): void =>
    ensureNode(person.id, () => ({
      kind: 'Person',
      label: person.name,
      name: person.name,
      aliases: [{ text: person.name, count: 1 }],
      cableCount: 0,
    }));
  // Every readable form each post is written in: the node is named after the cables it sent
  // (the origin line), else the form its routing lines use most (set once all cables are read).
  const postNames = new Map<string, Map<string, { from: number; routing: number }>>();
  const ensurePost = (written: string, readable: string, from: boolean): string => {
    const key = postKey(written, readable);
    ensureNode(key, () => ({ kind: 'Post', label: readable, name: readable }));
    let forms = postNames.get(key);
    if (!forms) postNames.set(key, (forms = new Map<string, { from: number; routing: number }>()));
    const seen = forms.get(readable) ?? { from: 0, routing: 0 };
    if (from) seen.from += 1;
    else seen.routing += 1;
    forms.set(readable, seen);
    return key;
  };
  const edgeTypes = new Map<string, number>();
  let ends: IntList | undefined = new IntList();
  // Every per-cable edge key holds the cable id: duplicates can only come from the same cable.
  const cableEdges = new Set<string>();
  const addEdge = (type: EdgeType, source: string, target: string, attributes: Omit<EdgeAttrs, 'type'> = {}): void => {
    const key = `${type}:${source}->${target}`;
    if (cableEdges.has(key)) return;
    cableEdges.add(key);
    // Each end looked up once (a Map of a million string keys: the lookups were a tenth of this function).
    const s = nodes.indexOf(source);
    const t = nodes.indexOf(target);
    sink(key, source, target, { type, ...attributes }, s, t);
    ends!.push(s);
    ends!.push(t);
    edgeTypes.set(type, (edgeTypes.get(type) ?? 0) + 1);
  };

  const indexOf = new Map(entities.map((e, i) => [e.id, i]));
  const byId = entities.map((_e, i) => i).sort((x, y) => (entities[x].id < entities[y].id ? -1 : 1));
  const rank = new Int32Array(entities.length);
  byId.forEach((e, r) => (rank[e] = r));
  const coMentions = new CoMentions(
    entities.map((e) => e.id),
    rank,
    options.maxEvidence,
    observers.evidenceLog,
    observers.evidenceFilter,
  );
  // Each cable's content entities and their sorted paragraphs, as integers, for the counting pass:
  // [entity count, then per entity: index, paragraph count, paragraphs…].
  const content = new IntList();
  const contentAt = new IntList();

  for (let i = 0; i < records.length; i += 1) {
    const record = records.get(i);
    const c = record.cable;
    const resolved = entitiesOf(i);
    if (curated) curated.perCable[i] = [];
    cableEdges.clear();
    const ce = entitiesOfCable(c, record.mentions, resolved);
    for (const [id, e] of ce.entities)
      addEdge('MENTIONS', c.id, id, {
        count: e.count,
        paragraphs: [...e.paragraphs].sort((x, y) => x - y),
        offsets: e.offsets,
      });
    for (const signer of c.signers) {
      const person = personFor(signer, resolved);
      ensurePerson(person);
      addEdge('SIGNED', person.id, c.id);
    }
    if (c.classifiedBy?.name) {
      const person = personFor(c.classifiedBy.name, resolved);
      ensurePerson(person);
      addEdge('CLASSIFIED', person.id, c.id, c.classifiedBy.title ? { title: c.classifiedBy.title } : {});
    }
    const origin = c.origin ?? (c.routing.from ? readableOrigin(c.routing.from.name) : undefined);
    if (origin) addEdge('FROM', c.id, ensurePost(origin, origin, true));
    for (const [type, posts] of [
      ['TO', c.routing.to],
      ['INFO', c.routing.info],
    ] as const) {
      for (const post of posts)
        addEdge(
          type,
          c.id,
          ensurePost(post.name, readableOrigin(post.name), false),
          post.precedence ? { precedence: post.precedence } : {},
        );
    }
    for (const tag of c.tags) {
      ensureNode(tagId(tag.code), () => ({
        kind: 'Tag',
        label: tag.code,
        code: tag.code,
        tagKind: tag.kind,
        ...(tag.label ? { name: tag.label } : {}),
      }));
      addEdge('TAGGED', c.id, tagId(tag.code));
    }
    for (const ref of c.references) {
      const cited = ref.cableId;
      if (!cited || cited === c.id) continue;
      ensureNode(cited, () => ({ kind: 'Cable', label: cited, inCorpus: false }));
      addEdge('REFERENCES', c.id, cited);
    }
    // After the cable's edges: its posts and signers are nodes by now (relations point at them).
    observers.cable?.({
      index: i,
      node: nodes.indexOf(c.id),
      entityNode: (id) => indexOf.get(id) ?? nodes.indexOf(id),
      record,
      mentions: ce.mentions,
      automatic: curated ? resolution.cableEntities(i) : resolved,
      current: resolved,
    });
    // Paragraph windows: the pairs that become edges.
    for (const [, ids] of ce.windows)
      coMentions.addWindow(
        ids.map((id) => indexOf.get(id)!),
        options.maxEntitiesPerWindow,
      );
    contentAt.push(content.length);
    content.push(ce.content.size);
    for (const [id, paragraphs] of ce.content) {
      content.push(indexOf.get(id)!);
      content.push(paragraphs.size);
      for (const p of [...paragraphs].sort((x, y) => x - y)) content.push(p);
    }
  }

  resolution = undefined;
  curated = undefined;
  for (const [key, forms] of postNames) {
    const [name] = [...forms].sort(
      ([x, a], [y, b]) => b.from - a.from || b.routing - a.routing || (x < y ? -1 : x > y ? 1 : 0),
    )[0];
    Object.assign(nodes.attributes[nodes.indexOf(key)], { label: name, name });
  }
  postNames.clear();
  // The per-cable edges' ends, trimmed to their length now (the list grew by doubling: up to as
  // much again, ~130 MB at full-corpus scale, held through the counting and into the metrics).
  const endpoints = ends.view().slice();
  ends = undefined;
  // No cable's text is read after the per-cable pass: the memo tables of names and titles go.
  forgetMemos();
  traceMemory('per-cable edges and co-mention pairs');

  // Exact cable-level counts for the pairs: every cable where both appear.
  for (let i = 0; i < records.length; i += 1) {
    let at = contentAt.get(i);
    const n = content.get(at++);
    const ids: number[] = [];
    const paragraphs: number[][] = [];
    for (let k = 0; k < n; k += 1) {
      ids.push(content.get(at++));
      const count = content.get(at++);
      const list: number[] = [];
      for (let j = 0; j < count; j += 1) list.push(content.get(at++));
      paragraphs.push(list);
    }
    coMentions.count(i, ids, paragraphs, cableDates[i], cableDates);
  }
  coMentions.endCounting();
  if (coMentions.size > 0) edgeTypes.set('CO_MENTIONED', coMentions.size);

  // Entity first/last dates (for the timeline): from the cables that mention them.
  entities.forEach((e, i) => {
    const dates = e.cables
      .map((id) => nodes.attributes[nodes.indexOf(id)].date)
      .filter((d): d is string => !!d)
      .sort();
    if (dates.length > 0)
      Object.assign(nodes.attributes[i], { firstDate: dates[0], lastDate: dates[dates.length - 1] });
  });

  const edgeCount = endpoints.length / 2 + coMentions.size;
  const metricsInput = metricsInputOf(nodes.keys, endpoints, coMentions);
  return { nodes, entities, edgeTypes, edgeCount, coMentions, cableIds, cableDates, metricsInput };
}

/**
 * The metrics' view of a compiled graph. Made here, not inside compileGraph: closures share their
 * function's whole scope, and ones made there kept the compile's entity list, id index and
 * resolution alive as long as the metrics input (hundreds of MB at full-corpus scale).
 */
function metricsInputOf(keys: readonly string[], endpoints: Int32Array, coMentions: CoMentions): MetricsInput {
  // Walked once, by the metrics: the endpoint list (~140 MB at full-corpus scale) is let go after.
  let ends: Int32Array | undefined = endpoints;
  return {
    keys,
    edges: endpoints.length / 2,
    forEachEdge: (callback) => {
      if (!ends) throw new Error('compileGraph: the metrics input is walked once');
      const view = ends;
      ends = undefined;
      for (let k = 0; k < view.length; k += 2) callback(view[k], view[k + 1], 1);
    },
    // Every per-cable edge has its cable at one end, no co-mention has: the co-mentions (one per
    // pair of entities) are distinct from them and from each other, and need no pair index.
    forEachDistinctEdge: (callback) => coMentions.forEachWeight(callback), // entity index = node index
  };
}

/** compileGraph into a graphology graph, with metrics: for callers that hold their records in memory. */
export function buildGraph(
  records: Iterable<CableRecord>,
  partial: Partial<BuildOptions> = {},
  curate?: CurateEntities,
): { graph: CableGraph; entities: Entity[] } {
  const options: BuildOptions = { ...DEFAULT_BUILD_OPTIONS, ...partial };
  const edges: Array<[string, string, string, EdgeAttrs]> = [];
  const relations: CableRelationRows = { roles: [], affiliations: [], meetings: [] };
  const compiled = compileGraph(
    sortedInMemory(records),
    options,
    (key, source, target, attributes) => edges.push([key, source, target, attributes]),
    { cable: (visit) => addRelationRows(relations, relationRows(visit)) },
    curate,
  );
  const metrics = metricsOf(compiled.metricsInput, options);
  const graph = new Graph<NodeAttrs, EdgeAttrs>({ type: 'mixed', multi: true, allowSelfLoops: false });
  compiled.nodes.keys.forEach((key, i) => graph.addNode(key, Object.assign(compiled.nodes.attributes[i], metrics(i))));
  for (const [key, source, target, attributes] of edges) graph.addDirectedEdgeWithKey(key, source, target, attributes);
  for (const e of compiled.coMentions.edges(compiled.cableIds, compiled.cableDates))
    graph.addUndirectedEdgeWithKey(e.key, e.source, e.target, e.attributes);
  for (const e of relationEdges(relations, (node) => compiled.nodes.keys[node], options.maxEvidence))
    graph.addDirectedEdgeWithKey(e.key, e.source, e.target, e.attributes);
  return { graph, entities: compiled.entities };
}
