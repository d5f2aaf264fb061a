import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { readGraphFile } from '../graph';
import type { CableRecord } from '../graph/types';
import { compare, editDistance, maxEdits, searchTokens } from './search';
import { spanOverlaps, type CableFacts, type CableText, type EdgeFilter, type GraphStore, type MentionsIn, type NodeFilter, type SearchCandidate, type SharedCable } from './store';
import { ENTITY_KIND_LIST, type Alias, type CableRef, type EdgeView, type EntityKind, type GraphStats, type NodeView } from './types';
import { cableRef, edgeView, nodeView, sortFacts } from './views';

const ENTITY = new Set<string>(ENTITY_KIND_LIST);

const byId = (x: { id: string }, y: { id: string }): number => compare(x.id, y.id);

interface Adjacency {
  index: Map<string, number>;
  ids: string[];
  /** Neighbours of entity i: neighbours[offsets[i] .. offsets[i + 1]), with the edges' weights. */
  offsets: Int32Array;
  neighbours: Int32Array;
  weights: Float64Array;
  /** The co-mention's attributes at each slot of `neighbours` (references, not copies). */
  attributes: Attributes[];
  /** Entity kind by index. */
  kinds: string[];
}

interface Side {
  distance: Int32Array;
  predecessors: Map<number, number[]>;
  frontier: number[];
  depth: number;
}

/**
 * The embedded store: a graph file in memory (graphology), with the cable records for texts.
 * Indexes built once at open: entity words for search, entities by PageRank.
 */
export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  private readonly texts = new Map<string, CableText>();
  /** Sorted distinct words of entity names and aliases, and the entities using each. */
  private readonly words: string[];
  private readonly entitiesByWord = new Map<string, string[]>();
  private readonly byPagerank: string[];

  private constructor(private readonly graph: Graph, records: readonly CableRecord[]) {
    for (const { cable } of records) {
      this.texts.set(cable.id, { text: cable.text, paragraphs: cable.paragraphs.map((p, i) => ({ number: p.number ?? i + 1, start: p.start, end: p.end })) });
    }
    const entities: string[] = [];
    graph.forEachNode((id, a) => {
      if (!ENTITY.has(a.kind as string)) return;
      entities.push(id);
      for (const name of this.namesOf(id)) {
        for (const word of searchTokens(name)) {
          const list = this.entitiesByWord.get(word);
          if (!list) this.entitiesByWord.set(word, [id]);
          else if (list[list.length - 1] !== id) list.push(id);
        }
      }
    });
    this.words = [...this.entitiesByWord.keys()].sort(compare);
    this.byPagerank = entities.sort((x, y) => (graph.getNodeAttribute(y, 'pagerank') as number) - (graph.getNodeAttribute(x, 'pagerank') as number) || compare(x, y));
  }

  static async open(file: string): Promise<EmbeddedStore> {
    const { graph, records } = await readGraphFile(file);
    return new EmbeddedStore(graph, records);
  }

  static fromGraph(graph: Graph, records: readonly CableRecord[]): EmbeddedStore {
    return new EmbeddedStore(graph, records);
  }

  private isEntity(id: string): boolean {
    return this.graph.hasNode(id) && ENTITY.has(this.graph.getNodeAttribute(id, 'kind') as string);
  }

  private namesOf(id: string): string[] {
    const a = this.graph.getNodeAttributes(id);
    const aliases = (a.aliases as Alias[] | undefined) ?? [];
    return [String(a.name), ...aliases.map((x) => x.text).filter((t) => t !== a.name)];
  }

  async stats(): Promise<GraphStats> {
    let cables = 0;
    let entities = 0;
    let firstDate: string | undefined;
    let lastDate: string | undefined;
    const communities = new Set<number>();
    this.graph.forEachNode((_id, a) => {
      if (a.kind === 'Cable' && a.inCorpus) {
        cables += 1;
        const date = a.date as string | undefined;
        if (date && (!firstDate || date < firstDate)) firstDate = date;
        if (date && (!lastDate || date > lastDate)) lastDate = date;
      } else if (ENTITY.has(a.kind as string)) {
        entities += 1;
        communities.add(a.community as number);
      }
    });
    let coMentions = 0;
    this.graph.forEachUndirectedEdge((_e, a) => (coMentions += a.type === 'CO_MENTIONED' ? 1 : 0));
    return { store: 'embedded', cables, entities, coMentions, ...(firstDate ? { firstDate } : {}), ...(lastDate ? { lastDate } : {}), communities: communities.size };
  }

  async entities(ids: readonly string[]): Promise<NodeView[]> {
    return ids.filter((id) => this.isEntity(id)).map((id) => nodeView(id, this.graph.getNodeAttributes(id)));
  }

  async aliases(id: string): Promise<Alias[]> {
    if (!this.isEntity(id)) return [];
    const aliases = [...((this.graph.getNodeAttribute(id, 'aliases') as Alias[] | undefined) ?? [])];
    return aliases.sort((x, y) => y.count - x.count || compare(x.text, y.text));
  }

  async timeline(id: string): Promise<Array<{ month: string; cables: number }>> {
    const months = new Map<string, number>();
    if (!this.isEntity(id)) return [];
    this.graph.forEachInEdge(id, (_e, a, _source, _t, sa) => {
      if (a.type !== 'MENTIONS' || !sa.date) return;
      const month = String(sa.date).slice(0, 7);
      months.set(month, (months.get(month) ?? 0) + 1);
    });
    return [...months].sort(([x], [y]) => compare(x, y)).map(([month, cables]) => ({ month, cables }));
  }

  /** Entities with, for every query word, a word that it starts or that is within its typo budget. */
  async searchCandidates(tokens: readonly string[], types: readonly EntityKind[] | undefined, cap: number): Promise<SearchCandidate[]> {
    let matching: Set<string> | undefined;
    for (const token of tokens) {
      const found = new Set<string>();
      // Words starting with the token form one range of the sorted list.
      let lo = 0;
      let hi = this.words.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.words[mid]! < token) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < this.words.length && this.words[i]!.startsWith(token); i += 1) for (const id of this.entitiesByWord.get(this.words[i]!)!) found.add(id);
      const limit = maxEdits(token);
      if (limit > 0) {
        for (const word of this.words) {
          if (Math.abs(word.length - token.length) <= limit && editDistance(token, word, limit) <= limit) for (const id of this.entitiesByWord.get(word)!) found.add(id);
        }
      }
      matching = matching ? new Set([...matching].filter((id) => found.has(id))) : found;
      if (matching.size === 0) break;
    }
    const ids = [...(matching ?? [])].filter((id) => !types || types.includes(this.graph.getNodeAttribute(id, 'kind') as EntityKind));
    // The most cited first, so the cap keeps what a reader most likely means.
    ids.sort((x, y) => (this.graph.getNodeAttribute(y, 'cableCount') as number) - (this.graph.getNodeAttribute(x, 'cableCount') as number) || compare(x, y));
    return ids.slice(0, cap).map((id) => ({ ...nodeView(id, this.graph.getNodeAttributes(id)), names: this.namesOf(id) }));
  }

  /** Whether a co-mention at a slot of the compact adjacency passes the filter (`types`: the other end's kind). */
  private passesCompact(compact: Adjacency, k: number, filter: EdgeFilter, types: readonly EntityKind[] | undefined): boolean {
    if (compact.weights[k]! < filter.minWeight) return false;
    const a = compact.attributes[k]!;
    if ((filter.since || filter.until) && !spanOverlaps(a.firstDate as string | undefined, a.lastDate as string | undefined, filter.since, filter.until)) return false;
    return !types || types.includes(compact.kinds[compact.neighbours[k]!] as EntityKind);
  }

  // incident and among walk the compact adjacency (typed arrays), not graphology's multigraph
  // iteration: a hub's neighbourhood touches tens of thousands of edges, ten times faster so.
  async incident(ids: readonly string[], filter: EdgeFilter): Promise<EdgeView[]> {
    const compact = this.adjacency();
    const edges = new Map<string, EdgeView>();
    for (const id of ids) {
      const u = compact.index.get(id);
      if (u === undefined) continue;
      for (let k = compact.offsets[u]!; k < compact.offsets[u + 1]!; k += 1) {
        if (!this.passesCompact(compact, k, filter, filter.types)) continue;
        const view = edgeView(id, compact.ids[compact.neighbours[k]!]!, compact.attributes[k]!);
        if (!edges.has(view.id)) edges.set(view.id, view);
      }
    }
    return [...edges.values()].sort(byId);
  }

  async among(ids: readonly string[], filter: EdgeFilter): Promise<EdgeView[]> {
    const compact = this.adjacency();
    const chosen = new Uint8Array(compact.ids.length);
    const members: number[] = [];
    for (const id of ids) {
      const u = compact.index.get(id);
      if (u === undefined || chosen[u]) continue;
      chosen[u] = 1;
      members.push(u);
    }
    // By id, and each member's edges by the other end: the list comes out (nearly) in edge-id order.
    members.sort((x, y) => compare(compact.ids[x]!, compact.ids[y]!));
    const edges: EdgeView[] = [];
    let examined = 0;
    for (const u of members) {
      const id = compact.ids[u]!;
      const own: EdgeView[] = [];
      for (let k = compact.offsets[u]!; k < compact.offsets[u + 1]!; k += 1) {
        const v = compact.neighbours[k]!;
        // Each edge once: from its smaller endpoint. The nodes are chosen already: no type filter.
        if (!chosen[v] || compact.ids[v]! < id || !this.passesCompact(compact, k, filter, undefined)) continue;
        own.push(edgeView(id, compact.ids[v]!, compact.attributes[k]!));
      }
      own.sort(byId);
      for (const edge of own) edges.push(edge);
      examined += compact.offsets[u + 1]! - compact.offsets[u]!;
      // A large set (a GEXF export of thousands of entities): other requests are answered meanwhile.
      if (examined > 50_000) {
        examined = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    return edges.sort(byId);
  }

  async top(filter: NodeFilter, limit: number): Promise<NodeView[]> {
    const out: NodeView[] = [];
    for (const id of this.byPagerank) {
      if (out.length >= limit) break;
      const a = this.graph.getNodeAttributes(id);
      if (filter.types && !filter.types.includes(a.kind as EntityKind)) continue;
      if (filter.community !== undefined && a.community !== filter.community) continue;
      if (!spanOverlaps(a.firstDate as string | undefined, a.lastDate as string | undefined, filter.since, filter.until)) continue;
      out.push(nodeView(id, a));
    }
    return out;
  }

  /**
   * Bidirectional breadth first over the compact co-mention adjacency, always growing the smaller
   * frontier, keeping every predecessor at the shortest distance on each side; the paths are then
   * every shortest prefix to a meeting node joined to every shortest suffix from it.
   */
  async shortestPaths(from: string, to: string, maxHops: number, minWeight: number, cap: number): Promise<string[][]> {
    const { index, ids, offsets, neighbours, weights } = this.adjacency();
    const s = index.get(from);
    const t = index.get(to);
    if (s === undefined || t === undefined) return [];
    const sides = [s, t].map((start) => {
      const distance = new Int32Array(ids.length).fill(-1);
      distance[start] = 0;
      return { distance, predecessors: new Map<number, number[]>(), frontier: [start], depth: 0 };
    }) as [Side, Side];
    let meeting: number[] = [];
    while (meeting.length === 0 && sides[0].frontier.length > 0 && sides[1].frontier.length > 0 && sides[0].depth + sides[1].depth < maxHops) {
      const [grow, other] = sides[0].frontier.length <= sides[1].frontier.length ? [sides[0], sides[1]] : [sides[1], sides[0]];
      const next: number[] = [];
      const depth = grow.depth + 1;
      for (const u of grow.frontier) {
        for (let k = offsets[u]!; k < offsets[u + 1]!; k += 1) {
          if (weights[k]! < minWeight) continue;
          const v = neighbours[k]!;
          if (grow.distance[v] === -1) {
            grow.distance[v] = depth;
            grow.predecessors.set(v, [u]);
            next.push(v);
          } else if (grow.distance[v] === depth) grow.predecessors.get(v)!.push(u);
        }
      }
      grow.frontier = next;
      grow.depth = depth;
      meeting = next.filter((v) => other.distance[v] !== -1);
    }
    if (meeting.length === 0) return [];
    const length = Math.min(...meeting.map((m) => sides[0].distance[m]! + sides[1].distance[m]!));
    meeting = meeting.filter((m) => sides[0].distance[m]! + sides[1].distance[m]! === length).sort((x, y) => compare(ids[x]!, ids[y]!));
    // Every shortest chain from a side's start to `node`, start first.
    const chains = (side: Side, node: number): number[][] => {
      const predecessors = side.predecessors.get(node);
      if (!predecessors) return [[node]];
      return [...new Set(predecessors)].sort((x, y) => compare(ids[x]!, ids[y]!)).flatMap((p) => chains(side, p).map((chain) => [...chain, node]));
    };
    const paths: string[][] = [];
    for (const m of meeting) {
      const suffixes = chains(sides[1], m).map((chain) => chain.reverse().slice(1));
      for (const prefix of chains(sides[0], m)) {
        for (const suffix of suffixes) {
          if (paths.length >= cap) return paths;
          paths.push([...prefix, ...suffix].map((i) => ids[i]!));
        }
      }
    }
    return paths;
  }

  private compact: Adjacency | undefined;

  /** Co-mention adjacency as flat typed arrays (built on first use): paths search runs on these. */
  private adjacency(): Adjacency {
    if (!this.compact) for (const _slice of this.buildAdjacency());
    return this.compact!;
  }

  /**
   * Builds the compact adjacency (once; seconds on a large graph) a slice at a time, the event
   * loop answering other requests between slices: the server calls it before serving a store.
   */
  async prepare(): Promise<void> {
    if (this.compact) return;
    for (const _slice of this.buildAdjacency()) await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** The adjacency's build, yielding every few thousand entities; sets `compact` at the end. */
  private *buildAdjacency(): Generator<void> {
    const SLICE = 2000;
    const ids = this.graph.filterNodes((_id, a) => ENTITY.has(a.kind as string));
    const index = new Map(ids.map((id, i) => [id, i]));
    const offsets = new Int32Array(ids.length + 1);
    for (let i = 0; i < ids.length; i += 1) {
      let degree = 0;
      this.graph.forEachUndirectedEdge(ids[i]!, (_e, a) => (degree += a.type === 'CO_MENTIONED' ? 1 : 0));
      offsets[i + 1] = offsets[i]! + degree;
      if (i % SLICE === SLICE - 1) yield;
    }
    const neighbours = new Int32Array(offsets[ids.length]!);
    const weights = new Float64Array(offsets[ids.length]!);
    const attributes: Attributes[] = new Array<Attributes>(offsets[ids.length]!);
    const kinds = ids.map((id) => String(this.graph.getNodeAttribute(id, 'kind')));
    for (let i = 0; i < ids.length; i += 1) {
      const id = ids[i]!;
      let k = offsets[i]!;
      this.graph.forEachUndirectedEdge(id, (_e, a, source, target) => {
        if (a.type !== 'CO_MENTIONED') return;
        neighbours[k] = index.get(source === id ? target : source)!;
        weights[k] = a.weight as number;
        attributes[k] = a;
        k += 1;
      });
      if (i % SLICE === SLICE - 1) yield;
    }
    // A prepare() running while a request built it synchronously: keep the first.
    this.compact ??= { index, ids, offsets, neighbours, weights, attributes, kinds };
  }

  async edge(a: string, b: string): Promise<(EdgeView & { cables: string[] }) | undefined> {
    if (!this.isEntity(a) || !this.isEntity(b)) return undefined;
    // The build's key for a co-mention: its endpoints in id order.
    const key = a < b ? `CO_MENTIONED:${a}--${b}` : `CO_MENTIONED:${b}--${a}`;
    if (!this.graph.hasEdge(key)) return undefined;
    const attributes = this.graph.getEdgeAttributes(key);
    return { ...edgeView(a, b, attributes), cables: [...((attributes.cables as string[] | undefined) ?? [])] };
  }

  async cables(ids: readonly string[]): Promise<CableRef[]> {
    return ids.filter((id) => this.graph.hasNode(id) && this.graph.getNodeAttribute(id, 'kind') === 'Cable').map((id) => cableRef(id, this.graph.getNodeAttributes(id)));
  }

  private mentionsOf(id: string): Map<string, MentionsIn> {
    const out = new Map<string, MentionsIn>();
    if (!this.isEntity(id)) return out;
    this.graph.forEachInEdge(id, (_e, a, source) => {
      if (a.type === 'MENTIONS') out.set(source, { paragraphs: [...((a.paragraphs as number[] | undefined) ?? [])], offsets: [...((a.offsets as number[] | undefined) ?? [])] });
    });
    return out;
  }

  async sharedCables(a: string, b: string): Promise<SharedCable[]> {
    const inA = this.mentionsOf(a);
    const inB = this.mentionsOf(b);
    const shared: SharedCable[] = [];
    for (const [cable, mentions] of inA) {
      const other = inB.get(cable);
      if (other) shared.push({ cable: cableRef(cable, this.graph.getNodeAttributes(cable)), a: mentions, b: other });
    }
    return shared.sort((x, y) => compare(x.cable.date ?? '9999', y.cable.date ?? '9999') || compare(x.cable.id, y.cable.id));
  }

  async cableTexts(ids: readonly string[]): Promise<Map<string, CableText>> {
    return new Map(ids.flatMap((id) => (this.texts.has(id) ? [[id, this.texts.get(id)!] as const] : [])));
  }

  async cable(id: string): Promise<CableFacts | undefined> {
    if (!this.graph.hasNode(id) || this.graph.getNodeAttribute(id, 'kind') !== 'Cable') return undefined;
    const a = this.graph.getNodeAttributes(id);
    const facts: CableFacts = { ...cableRef(id, a), caveats: [...((a.caveats as string[] | undefined) ?? [])], inCorpus: !!a.inCorpus, tags: [], references: [], signers: [], to: [], info: [], entities: [] };
    if (a.created) facts.created = String(a.created);
    this.graph.forEachOutEdge(id, (_e, e, _s, target, _sa, ta) => {
      if (e.type === 'TAGGED') facts.tags.push({ code: String(ta.code), ...(ta.name ? { label: String(ta.name) } : {}) });
      else if (e.type === 'REFERENCES') facts.references.push(target);
      else if (e.type === 'FROM') facts.from = String(ta.name);
      else if (e.type === 'TO') facts.to.push(String(ta.name));
      else if (e.type === 'INFO') facts.info.push(String(ta.name));
      else if (e.type === 'MENTIONS') facts.entities.push({ id: target, type: ta.kind as EntityKind, name: String(ta.name), offsets: [...((e.offsets as number[] | undefined) ?? [])] });
    });
    this.graph.forEachInEdge(id, (_e, e, _s, _t, sa) => {
      if (e.type === 'SIGNED') facts.signers.push(String(sa.name));
      else if (e.type === 'CLASSIFIED') facts.classifiedBy = String(sa.name);
    });
    return sortFacts(facts);
  }

  async close(): Promise<void> {}
}
