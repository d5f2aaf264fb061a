// The viewer's operations (neighbourhood, overview, paths, evidence, search) written once over any GraphStore.
import { canonicalCableId } from '../parse/ids';
import { compare, rankSearch, searchTokens } from './search';
import { relationViews } from './relation-views';
import type {
  EntityRelations,
  MeetingLink,
  MeetingLinks,
  PairMeetings,
  StatementEdgeRef,
  StatementPage,
} from '../model';
import { spanOverlaps, type DateRange } from '../model';
import { readablePassage } from './passage-text';
import type { CableText, EdgeFilter, GraphStore, MentionsIn, NodeFilter, SharedCable } from './store';
import type {
  CableDetail,
  EdgeView,
  EntityDetail,
  EntityKind,
  EntityPath,
  EvidenceCable,
  GraphFilter,
  NodeView,
  PairEvidence,
  Passage,
  PathsResult,
  SearchHit,
  Subgraph,
} from '../model';

/** Upper bounds of every limit the API takes (a request asking for more gets these). */
export const LIMITS = {
  search: 50,
  neighbours: 100,
  neighbourhood: 1000,
  hops: 3,
  overview: 5000,
  overviewEdges: 50000,
  pathHops: 6,
  paths: 10,
  evidence: 100,
  statements: 200,
  gexfNodes: 5000,
  textSearch: 100,
} as const;
/** Shortest paths enumerated before ranking (both stores stop at the same count). */
const PATH_CAP = 5000;
/** Search candidates ranked (the store may find more; explore ranks these). */
const SEARCH_CAP = 1000;
/** Cables shown per link of a path. */
const CABLES_PER_STEP = 5;

const byWeight = (a: EdgeView, b: EdgeView): number => b.weight - a.weight || compare(a.id, b.id);
const other = (edge: EdgeView, id: string): string => (edge.source === id ? edge.target : edge.source);
const edgeFilter = (filter: GraphFilter): EdgeFilter => ({
  minWeight: filter.minWeight ?? 1,
  ...(filter.since ? { since: filter.since } : {}),
  ...(filter.until ? { until: filter.until } : {}),
  ...(filter.types ? { types: filter.types } : {}),
});

/**
 * The viewer's questions, answered from any GraphStore. With a signal (the server's: its client
 * left, or its deadline passed), the heavy questions stop between their steps and let the event
 * loop answer other requests there.
 */
export class Explorer {
  constructor(
    readonly store: GraphStore,
    private readonly signal?: AbortSignal,
  ) {}

  /** Between two steps of a question: stop when aborted, else let other requests in. */
  private async step(): Promise<void> {
    if (!this.signal) return;
    this.signal.throwIfAborted();
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.signal.throwIfAborted();
  }

  async search(query: string, types: readonly EntityKind[] | undefined, limit: number): Promise<SearchHit[]> {
    const tokens = searchTokens(query);
    if (tokens.length === 0) return [];
    const candidates = await this.store.searchCandidates(tokens, types, SEARCH_CAP, limit);
    return rankSearch(query, candidates, limit);
  }

  async entity(id: string, neighbourLimit: number = 20): Promise<EntityDetail | undefined> {
    const [node] = await this.store.entities([id]);
    if (!node) return undefined;
    const [aliases, timeline, edges, degree] = await Promise.all([
      this.store.aliases(id),
      this.store.timeline(id),
      this.store.incident([id], { minWeight: 1 }, neighbourLimit),
      this.store.coMentionCount(id),
    ]);
    edges.sort(byWeight);
    const top = edges.slice(0, neighbourLimit);
    const nodes = new Map((await this.store.entities(top.map((e) => other(e, id)))).map((n) => [n.id, n]));
    const neighbours = top.flatMap((e) => {
      const n = nodes.get(other(e, id));
      return n ? [{ ...n, edgeWeight: e.weight, edgeCableCount: e.cableCount }] : [];
    });
    return { ...node, aliases, degree, neighbours, timeline };
  }

  /** A page of a HOLDS_ROLE or AFFILIATED_WITH edge's statements (all of them, where the edge lists at most maxEvidence). */
  async statements(edge: StatementEdgeRef, offset: number, limit: number): Promise<StatementPage | undefined> {
    return this.store.relationStatements(edge, offset, limit);
  }

  /** An entity's or a post's roles (as the person, or as the owner), affiliations and meetings, each with its passages. */
  async relations(id: string): Promise<EntityRelations | undefined> {
    const found = await this.store.relationEdges(id);
    if (!found) return undefined;
    return relationViews(found.edges, new Map(found.nodes.map((n) => [n.id, n])));
  }

  /**
   * The canvas's meeting links among shown entities: one per pair that met (either way), in the
   * date range (a meeting's date: the one the text gives, else the cable's), by source then target.
   */
  async meetingLinks(ids: readonly string[], range: DateRange): Promise<MeetingLinks> {
    const byPair = new Map<string, MeetingLink>();
    for (const m of await this.store.meetingsAmong([...new Set(ids)])) {
      if (m.source === m.target || !spanOverlaps(m.date, m.date, range.since, range.until)) continue;
      const [source, target] = compare(m.source, m.target) < 0 ? [m.source, m.target] : [m.target, m.source];
      const key = `${source}\u0000${target}`;
      let link = byPair.get(key);
      if (!link) byPair.set(key, (link = { source, target, meetings: 0 }));
      link.meetings += 1;
      if (m.date && (!link.firstDate || m.date < link.firstDate)) link.firstDate = m.date;
      if (m.date && (!link.lastDate || m.date > link.lastDate)) link.lastDate = m.date;
    }
    const links = [...byPair.values()].sort((x, y) => compare(x.source, y.source) || compare(x.target, y.target));
    // Fixed key order: the same bytes whichever store answered.
    return {
      links: links.map(({ source, target, meetings, firstDate, lastDate }) => ({
        source,
        target,
        meetings,
        ...(firstDate ? { firstDate } : {}),
        ...(lastDate ? { lastDate } : {}),
      })),
    };
  }

  /** Every meeting of two entities (either one the party who met), with its passage; undefined when either is unknown. */
  async pairMeetings(a: string, b: string): Promise<PairMeetings | undefined> {
    const [found, ends] = await Promise.all([this.store.relationEdges(a), this.store.entities([a, b])]);
    if (!found || ends.length !== 2) return undefined;
    const [x, y] = ends.map((n) => ({ id: n.id, name: n.name, kind: n.type }));
    const views = relationViews(
      found.edges.filter((e) => e.type === 'MET' && (e.source === b || e.target === b)),
      new Map(found.nodes.map((n) => [n.id, n])),
    );
    return { a: x, b: y, meetings: views.meetings };
  }

  /**
   * Breadth first from the entity, one ring per hop: each ring keeps its strongest newcomers
   * (by the heaviest edge reaching them, then name and id) until `limit` nodes are shown; then
   * every edge among the shown nodes that passes the filter.
   */
  async neighbourhood(id: string, filter: GraphFilter, hops: number, limit: number): Promise<Subgraph | undefined> {
    const [centre] = await this.store.entities([id]);
    if (!centre) return undefined;
    const edges = edgeFilter(filter);
    const shown = new Map<string, NodeView>([[id, centre]]);
    let frontier = [id];
    let truncated = false;
    for (let hop = 1; hop <= hops && frontier.length > 0 && !truncated; hop += 1) {
      await this.step();
      const room = limit - shown.size;
      const ring = await this.ring(frontier, edges, shown, room);
      truncated = ring.truncated;
      const { strongest } = ring;
      // Only the candidates that can make the cut (weight at least the room-th strongest, ties
      // included) are fetched and ranked: a hub has thousands of newcomers, a ring keeps hundreds.
      let candidates = [...strongest.keys()];
      if (candidates.length > room) {
        const weights = [...strongest.values()].sort((a, b) => b - a);
        const cut = weights[Math.max(0, room - 1)];
        candidates = candidates.filter((c) => strongest.get(c)! >= cut);
      }
      const newcomers = await this.store.entities(candidates);
      newcomers.sort(
        (a, b) => strongest.get(b.id)! - strongest.get(a.id)! || compare(a.name, b.name) || compare(a.id, b.id),
      );
      frontier = [];
      for (const node of newcomers.slice(0, Math.max(0, room))) {
        shown.set(node.id, node);
        frontier.push(node.id);
      }
    }
    await this.step();
    return { nodes: [...shown.values()], edges: await this.store.among([...shown.keys()], edges), truncated };
  }

  /**
   * The newcomers a ring can take, each with the heaviest edge reaching it from the frontier: all
   * of them when they fit in `room`, else (truncated) at least those that can make the cut, with
   * their true weights. Read first from each frontier entity's heaviest links (enough of them to
   * hold `room` newcomers), then, when that already overflows, every link at least as heavy as the
   * room-th newcomer so far — the cut can only be higher — never a hub's whole adjacency.
   */
  private async ring(
    frontier: readonly string[],
    filter: EdgeFilter,
    shown: ReadonlyMap<string, NodeView>,
    room: number,
  ): Promise<{ strongest: Map<string, number>; truncated: boolean }> {
    const strongestOf = (links: readonly EdgeView[]): Map<string, number> => {
      const strongest = new Map<string, number>();
      for (const edge of links)
        for (const end of [edge.source, edge.target])
          if (!shown.has(end)) strongest.set(end, Math.max(strongest.get(end) ?? 0, edge.weight));
      return strongest;
    };
    // An entity whose heaviest links stop short of its adjacency returned at least room + shown
    // links, so at least room + 1 newcomers: a first read holding at most `room` is complete.
    const first = strongestOf(await this.store.incident(frontier, filter, room + shown.size));
    if (first.size <= room) return { strongest: first, truncated: false };
    const floor = [...first.values()].sort((a, b) => b - a)[Math.max(0, room - 1)];
    await this.step();
    const heavy = await this.store.incident(frontier, { ...filter, minWeight: Math.max(filter.minWeight, floor) });
    return { strongest: strongestOf(heavy), truncated: true };
  }

  /**
   * The landing view: the top entities by PageRank and the edges among them — the heaviest
   * `maxEdges` of them (a view of 5,000 entities can hold 150,000 co-mentions; a screen cannot).
   */
  async overview(filter: GraphFilter, limit: number, maxEdges: number = LIMITS.overviewEdges): Promise<Subgraph> {
    const nodeFilter: NodeFilter = {
      ...(filter.types ? { types: filter.types } : {}),
      ...(filter.since ? { since: filter.since } : {}),
      ...(filter.until ? { until: filter.until } : {}),
      ...(filter.community !== undefined ? { community: filter.community } : {}),
    };
    const nodes = await this.store.top(nodeFilter, limit + 1);
    const truncated = nodes.length > limit;
    if (truncated) nodes.pop();
    await this.step();
    let edges = await this.store.among(
      nodes.map((n) => n.id),
      edgeFilter(filter),
    );
    const sub: Subgraph = { nodes, edges, truncated };
    if (edges.length > maxEdges) {
      edges = [...edges]
        .sort(byWeight)
        .slice(0, maxEdges)
        .sort((a, b) => compare(a.id, b.id));
      sub.edges = edges;
      sub.edgesTruncated = true;
    }
    return sub;
  }

  /** Nodes and edges of an explicit set of entities (the viewer's current view, for GEXF). */
  async subgraph(ids: readonly string[], filter: GraphFilter): Promise<Subgraph> {
    const nodes = await this.store.entities(ids);
    await this.step();
    return {
      nodes,
      edges: await this.store.among(
        nodes.map((n) => n.id),
        edgeFilter(filter),
      ),
      truncated: false,
    };
  }

  /**
   * Shortest co-mention paths, strongest first: by their weakest link, then their total weight,
   * then their node ids — so the same paths come back in the same order from either store.
   */
  async paths(
    from: string,
    to: string,
    maxHops: number,
    minWeight: number,
    limit: number,
  ): Promise<PathsResult | undefined> {
    const ends = await this.store.entities([from, to]);
    const fromNode = ends.find((n) => n.id === from);
    const toNode = ends.find((n) => n.id === to);
    if (!fromNode || !toNode) return undefined;
    if (from === to) return { from: fromNode, to: toNode, paths: [{ nodes: [fromNode], edges: [] }], hops: 0 };
    await this.step();
    const sequences = await this.store.shortestPaths(from, to, maxHops, minWeight, PATH_CAP, this.signal);
    if (sequences.length === 0) return { from: fromNode, to: toNode, paths: [], hops: null };
    await this.step();
    // Rank on the weights of the paths' links (one question for all of them: never every link
    // among the paths' nodes, hubs included); then read the chosen paths' links with their cables
    // (one question again).
    const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
    const linkPairs = (ids: readonly string[]): Array<[string, string]> =>
      ids.slice(1).map((id, i) => (ids[i] < id ? [ids[i], id] : [id, ids[i]]));
    const distinct = (pairs: Array<[string, string]>): Array<[string, string]> => [
      ...new Map(pairs.map((p) => [pairKey(p[0], p[1]), p])).values(),
    ];
    const weights = new Map(
      (await this.store.links(distinct(sequences.flatMap(linkPairs)), minWeight)).map((e) => [
        pairKey(e.source, e.target),
        e.weight,
      ]),
    );
    const scored = sequences.map((ids) => {
      const linkWeights = ids.slice(1).map((id, i) => weights.get(pairKey(ids[i], id)) ?? 0);
      return { ids, weakest: Math.min(...linkWeights), total: linkWeights.reduce((sum, w) => sum + w, 0) };
    });
    scored.sort(
      (x, y) => y.weakest - x.weakest || y.total - x.total || compare(x.ids.join('\u0000'), y.ids.join('\u0000')),
    );
    const top = scored.slice(0, limit);
    await this.step();
    const links = new Map(
      (await this.store.edges(distinct(top.flatMap((p) => linkPairs(p.ids))))).map((e) => [
        pairKey(e.source, e.target),
        e,
      ]),
    );
    const chosen = top.map((p) => ({
      ids: p.ids,
      links: p.ids.slice(1).map((id, i) => links.get(pairKey(p.ids[i], id))),
    }));
    const nodes = new Map(
      (await this.store.entities([...new Set(chosen.flatMap((p) => p.ids))])).map((n) => [n.id, n]),
    );
    const cableIds = [...new Set(chosen.flatMap((p) => p.links.flatMap((l) => l?.cables ?? [])))];
    const cables = new Map((await this.store.cables(cableIds)).map((c) => [c.id, c]));
    const paths: EntityPath[] = chosen.map((p) => ({
      nodes: p.ids.map((id) => nodes.get(id)!),
      edges: p.links.map((link) => {
        const { cables: ids, ...edge } = link!;
        const refs = ids.flatMap((id) => (cables.has(id) ? [cables.get(id)!] : []));
        refs.sort((x, y) => compare(x.date ?? '9999', y.date ?? '9999') || compare(x.id, y.id));
        return { ...edge, cables: refs.slice(0, CABLES_PER_STEP) };
      }),
    }));
    return { from: fromNode, to: toNode, paths, hops: sequences[0].length - 1 };
  }

  /** The cables where both entities appear, with the passages that name them, highlighted. */
  async evidence(a: string, b: string, limit: number, offset: number): Promise<PairEvidence | undefined> {
    const ends = await this.store.entities([a, b]);
    const aNode = ends.find((n) => n.id === a);
    const bNode = ends.find((n) => n.id === b);
    if (!aNode || !bNode) return undefined;
    const [edge, all] = await Promise.all([this.store.edge(a, b), this.store.sharedCables(a, b)]);
    // The cables where both share a paragraph first (oldest first), then those naming them apart.
    const together = (s: SharedCable): boolean => s.a.paragraphs.some((p) => s.b.paragraphs.includes(p));
    const shared = [...all.filter(together), ...all.filter((s) => !together(s))];
    const page = shared.slice(offset, offset + limit);
    await this.step();
    const texts = await this.store.cableTexts(page.map((s) => s.cable.id));
    const cables: EvidenceCable[] = page.map((s) => {
      const both = s.a.paragraphs.filter((p) => s.b.paragraphs.includes(p));
      const text = texts.get(s.cable.id);
      return {
        ...s.cable,
        sharedParagraphs: both,
        passages: text ? passages(text, both, s.a, s.b, aNode.id, bNode.id) : [],
      };
    });
    const result: PairEvidence = { a: aNode, b: bNode, total: shared.length, offset, cables };
    if (edge) {
      const { cables: _cables, ...view } = edge;
      result.edge = view;
    }
    return result;
  }

  /** A cable by its id as the graph keys it, or in any other form the parser reads (`07 PARIS 3534`, `2007PARIS003534`). */
  async cable(typed: string): Promise<CableDetail | undefined> {
    const canonical = canonicalCableId(typed);
    const facts =
      (await this.store.cable(typed)) ??
      (canonical && canonical !== typed ? await this.store.cable(canonical) : undefined);
    if (!facts) return undefined;
    const id = facts.id;
    const text = (await this.store.cableTexts([id])).get(id);
    const { entities, inCorpus: _inCorpus, ...rest } = facts;
    return {
      ...rest,
      text: text?.text ?? '',
      paragraphs: text?.paragraphs ?? [],
      entities: entities.map((e) => ({
        id: e.id,
        type: e.type,
        name: e.name,
        mentions: pairs(e.offsets).map(([start, end]) => ({ start, end, text: text?.text.slice(start, end) ?? '' })),
      })),
    };
  }
}

const pairs = (flat: readonly number[]): Array<[number, number]> => {
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
};

/** Paragraph text of a cable; paragraph 0 is the header (everything before the first paragraph). */
function paragraphSpan(text: CableText, number: number): { start: number; end: number } | undefined {
  if (number === 0) return { start: 0, end: text.paragraphs[0]?.start ?? text.text.length };
  const p = text.paragraphs.find((x) => x.number === number);
  return p ? { start: p.start, end: p.end } : undefined;
}

/**
 * The passages to read: the paragraphs naming both (or, when they never share one, the first
 * paragraph naming each), with both entities' mentions as offsets into the passage.
 */
function passages(text: CableText, both: number[], a: MentionsIn, b: MentionsIn, aId: string, bId: string): Passage[] {
  const numbers =
    both.length > 0
      ? both
      : [...new Set([a.paragraphs[0], b.paragraphs[0]].filter((p): p is number => p !== undefined))].sort(
          (x, y) => x - y,
        );
  return numbers.flatMap((number) => {
    const span = paragraphSpan(text, number);
    if (!span) return [];
    const highlights = [
      ...pairs(a.offsets).map(([start, end]) => ({ start, end, entity: aId })),
      ...pairs(b.offsets).map(([start, end]) => ({ start, end, entity: bId })),
    ]
      .filter((h) => h.start >= span.start && h.end <= span.end)
      .map((h) => ({ ...h, start: h.start - span.start, end: h.end - span.start }))
      .sort((x, y) => x.start - y.start || x.end - y.end);
    return [{ paragraph: number, ...readablePassage(text.text.slice(span.start, span.end), highlights) }];
  });
}
