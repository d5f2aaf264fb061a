import Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import type { Mention } from '../extract/types';
import { readableOrigin } from '../parse/routing';
import type { Cable } from '../parse/types';
import { entityId, normalizeName, resolveEntities, type CableEntity, type Entity } from '../resolve';
import { applyCuration } from '../curate/apply';
import { computeMetrics } from './metrics';
import { mergeRecords } from './records';
import { DEFAULT_BUILD_OPTIONS, ENTITY_KIND, type BuildOptions, type CableRecord, type EdgeType, type Evidence } from './types';

const postId = (name: string): string => `post:${name}`;
const tagId = (code: string): string => `tag:${code}`;

/** Paragraph of an offset: its number, or its 1-based position in unnumbered cables; 0 = header. */
function paragraphOf(cable: Cable, offset: number): number {
  const i = cable.paragraphs.findIndex((p) => offset >= p.start && offset < p.end);
  if (i < 0) return 0;
  return cable.paragraphs[i]!.number ?? i + 1;
}

interface CableEntities {
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
function authorshipTest(cable: Cable): (m: Mention) => boolean {
  const first = cable.paragraphs[0];
  const last = cable.paragraphs[cable.paragraphs.length - 1];
  // The line's text is normalized by the parser (joined lines): find its start, match by name.
  const classifiedAt = first && cable.classifiedBy?.name ? cable.text.slice(0, first.start).search(/classified\s+by\b/i) : -1;
  const classifier = cable.classifiedBy?.name ? normalizeName(cable.classifiedBy.name) : '';
  const signers = new Set(cable.signers.map((n) => normalizeName(n)));
  return (m) => {
    if (!first || !last) return false;
    if (m.start >= last.end) return true;
    if (classifiedAt >= 0 && m.start >= classifiedAt && m.start < first.start && m.type === 'PERSON' && classifier.includes(normalizeName(m.text))) return true;
    return m.type === 'PERSON' && m.start >= last.start && cable.text.length - m.end < 80 && signers.has(normalizeName(m.text));
  };
}

/** Which resolved entity each mention of a cable belongs to (by type and surface string). */
function entitiesOfCable(cable: Cable, mentions: Mention[], resolved: CableEntity[]): CableEntities {
  const bySurface = new Map<string, string>();
  for (const e of resolved) for (const surface of e.mentions) bySurface.set(`${e.type}|${surface}`, e.id);
  const isAuthorship = authorshipTest(cable);
  const entities: CableEntities['entities'] = new Map();
  const content: CableEntities['content'] = new Map();
  const windows: CableEntities['windows'] = new Map();
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    const id = bySurface.get(`${m.type}|${m.text}`);
    if (!id) continue;
    const paragraph = m.paragraph ?? paragraphOf(cable, m.start);
    let e = entities.get(id);
    if (!e) entities.set(id, (e = { paragraphs: new Set(), count: 0, offsets: [] }));
    e.count += 1;
    e.offsets.push(m.start, m.end);
    e.paragraphs.add(paragraph);
    if (isAuthorship(m)) continue;
    let c = content.get(id);
    if (!c) content.set(id, (c = new Set()));
    c.add(paragraph);
    let w = windows.get(paragraph);
    if (!w) windows.set(paragraph, (w = []));
    if (!w.includes(id)) w.push(id);
  }
  return { entities, content, windows };
}

/** The person node of a signer or "Classified By" name: the cable's own entity when it mentions that name. */
function personFor(name: string, resolved: CableEntity[]): { id: string; name: string } {
  const key = normalizeName(name);
  const surname = key.split(' ').pop() ?? key;
  const own = resolved.find((e) => e.type === 'PERSON' && e.mentions.some((m) => normalizeName(m) === key))
    ?? resolved.find((e) => e.type === 'PERSON' && key.split(' ').length === 1 && normalizeName(e.name).split(' ').pop() === surname);
  return own ? { id: own.id, name: own.name } : { id: entityId('PERSON', name), name: name === name.toUpperCase() ? name[0] + name.slice(1).toLowerCase() : name };
}

/**
 * Cables and resolved entities → a graphology graph (the model of ARCHITECTURE.md). Deterministic:
 * records are taken in cable-id order and every random choice is seeded, so the same cables give
 * the same graph however they arrived (a full build, or a build plus `--append`).
 *
 * Co-mentions are bounded by paragraph windows: two entities get a CO_MENTIONED edge when they
 * share a paragraph (in a paragraph naming more than `maxEntitiesPerWindow` entities, only
 * neighbours within that many mentions pair up). For every such pair the cable-level count is
 * exact: every cable where both appear counts, whether or not they share a paragraph there.
 * weight = cables where both appear + paragraphs where both appear. Paragraph 0 is the header
 * (subject, references); the authorship lines (Classified By, signature) take part in no co-mention.
 */
export function buildGraph(records: Iterable<CableRecord>, partial: Partial<BuildOptions> = {}): { graph: Graph; entities: Entity[] } {
  const options: BuildOptions = { ...DEFAULT_BUILD_OPTIONS, ...partial };
  // One record per cable id (mergeRecords keeps the latest version), in id order.
  const sorted = [...mergeRecords([], records).values()].sort((a, b) => (a.cable.id < b.cable.id ? -1 : a.cable.id > b.cable.id ? 1 : 0));
  const cables = sorted.map((r) => r.cable);
  const mentions = sorted.map((r) => r.mentions);
  // The analyst's decisions (merge, split, rename …) apply to automatic resolution's result.
  const { entities, perCable } = applyCuration(resolveEntities(cables, mentions), cables, mentions, options.curation ?? []);
  const graph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });

  // Entity nodes.
  for (const e of entities) {
    graph.addNode(e.id, { kind: ENTITY_KIND[e.type], label: e.name, name: e.name, aliases: e.aliases, cableCount: e.cables.length });
  }
  const ensurePerson = (person: { id: string; name: string }): void => {
    if (!graph.hasNode(person.id)) graph.addNode(person.id, { kind: 'Person', label: person.name, name: person.name, aliases: [{ text: person.name, count: 1 }], cableCount: 0 });
  };
  const addEdge = (type: EdgeType, source: string, target: string, attributes: Attributes = {}): void => {
    const key = `${type}:${source}->${target}`;
    if (!graph.hasEdge(key)) graph.addDirectedEdgeWithKey(key, source, target, { type, ...attributes });
  };
  const ensureCable = (id: string): void => {
    if (!graph.hasNode(id)) graph.addNode(id, { kind: 'Cable', label: id, inCorpus: false });
  };

  // Cable nodes first (so references can tell in-corpus cables from cited-only ones).
  for (const record of sorted) {
    const c = record.cable;
    const attributes: Attributes = { kind: 'Cable', label: c.id, inCorpus: true, classification: c.classification ?? '', paragraphCount: c.paragraphs.length, versions: record.versions.length };
    if (c.created) attributes.date = c.created.slice(0, 10);
    if (c.created) attributes.created = c.created;
    if (c.subject) attributes.subject = c.subject;
    if (c.origin) attributes.origin = c.origin;
    if (c.caveats.length > 0) attributes.caveats = c.caveats;
    graph.addNode(c.id, attributes);
  }

  const perCableEntities: CableEntities[] = [];
  // Pairs keyed by a number built from the two entities' indexes: millions of visits, no string keys.
  const indexOf = new Map(entities.map((e, i) => [e.id, i]));
  const stride = entities.length + 1;
  const pairKey = (a: string, b: string): number => {
    const ia = indexOf.get(a)!;
    const ib = indexOf.get(b)!;
    return ia < ib ? ia * stride + ib : ib * stride + ia;
  };
  const pairs = new Map<number, { a: string; b: string; cables: number; paragraphs: number; evidence: Evidence[]; firstDate?: string; lastDate?: string }>();
  sorted.forEach((record, i) => {
    const c = record.cable;
    const resolved = perCable[i] ?? [];
    const ce = entitiesOfCable(c, record.mentions, resolved);
    perCableEntities.push(ce);
    for (const [id, e] of ce.entities) addEdge('MENTIONS', c.id, id, { count: e.count, paragraphs: [...e.paragraphs].sort((x, y) => x - y), offsets: e.offsets });
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
    if (origin) {
      if (!graph.hasNode(postId(origin))) graph.addNode(postId(origin), { kind: 'Post', label: origin, name: origin });
      addEdge('FROM', c.id, postId(origin));
    }
    for (const [type, posts] of [['TO', c.routing.to], ['INFO', c.routing.info]] as const) {
      for (const post of posts) {
        const name = readableOrigin(post.name);
        if (!graph.hasNode(postId(name))) graph.addNode(postId(name), { kind: 'Post', label: name, name });
        addEdge(type, c.id, postId(name), post.precedence ? { precedence: post.precedence } : {});
      }
    }
    for (const tag of c.tags) {
      if (!graph.hasNode(tagId(tag.code))) graph.addNode(tagId(tag.code), { kind: 'Tag', label: tag.code, code: tag.code, tagKind: tag.kind, ...(tag.label ? { name: tag.label } : {}) });
      addEdge('TAGGED', c.id, tagId(tag.code));
    }
    for (const ref of c.references) {
      if (!ref.cableId || ref.cableId === c.id) continue;
      ensureCable(ref.cableId);
      addEdge('REFERENCES', c.id, ref.cableId);
    }
    // Paragraph windows: the pairs that become edges.
    for (const [, ids] of ce.windows) {
      for (let x = 0; x < ids.length; x += 1) {
        for (let y = x + 1; y < ids.length && y <= x + options.maxEntitiesPerWindow; y += 1) {
          const key = pairKey(ids[x]!, ids[y]!);
          if (!pairs.has(key)) {
            const [a, b] = ids[x]! < ids[y]! ? [ids[x]!, ids[y]!] : [ids[y]!, ids[x]!];
            pairs.set(key, { a, b, cables: 0, paragraphs: 0, evidence: [] });
          }
        }
      }
    }
  });

  // Exact cable-level counts for the pairs: every cable where both appear.
  const neighbours = new Map<string, Set<string>>();
  for (const { a, b } of pairs.values()) {
    if (!neighbours.has(a)) neighbours.set(a, new Set());
    if (!neighbours.has(b)) neighbours.set(b, new Set());
    neighbours.get(a)!.add(b);
    neighbours.get(b)!.add(a);
  }
  sorted.forEach((record, i) => {
    const c = record.cable;
    const { content: inCable } = perCableEntities[i]!;
    const ids = [...inCable.keys()].sort();
    const idx = ids.map((id) => indexOf.get(id)!);
    const position = new Map(ids.map((id, k) => [id, k]));
    const date = c.created?.slice(0, 10);
    const sortedParagraphs = new Map<string, number[]>();
    for (const [id, paragraphs] of inCable) sortedParagraphs.set(id, [...paragraphs].sort((x, y) => x - y));
    const visit = (x: number, y: number): void => {
      const ia = idx[x]!;
      const ib = idx[y]!;
      const pair = pairs.get(ia < ib ? ia * stride + ib : ib * stride + ia);
      if (!pair) return;
      // Both lists are sorted: intersect by merging.
      const pa = sortedParagraphs.get(ids[x]!)!;
      const pb = sortedParagraphs.get(ids[y]!)!;
      const shared: number[] = [];
      for (let x = 0, y = 0; x < pa.length && y < pb.length; ) {
        if (pa[x]! < pb[y]!) x += 1;
        else if (pa[x]! > pb[y]!) y += 1;
        else {
          shared.push(pa[x]!);
          x += 1;
          y += 1;
        }
      }
      pair.cables += 1;
      pair.paragraphs += shared.length;
      // Counts are exact; the evidence list is capped (the MENTIONS edges hold the rest).
      if (pair.evidence.length < options.maxEvidence) pair.evidence.push({ cable: c.id, paragraphs: shared });
      if (date) {
        if (!pair.firstDate || date < pair.firstDate) pair.firstDate = date;
        if (!pair.lastDate || date > pair.lastDate) pair.lastDate = date;
      }
    };
    // Whichever is cheaper: all pairs of the cable's entities, or their known neighbours.
    const pairCost = (ids.length * (ids.length - 1)) / 2;
    const neighbourCost = ids.reduce((sum, id) => sum + (neighbours.get(id)?.size ?? 0), 0);
    if (pairCost <= neighbourCost) {
      for (let x = 0; x < ids.length; x += 1) for (let y = x + 1; y < ids.length; y += 1) visit(x, y);
    } else {
      ids.forEach((a, x) => {
        for (const b of neighbours.get(a) ?? []) {
          const y = position.get(b);
          if (y !== undefined && x < y) visit(x, y);
        }
      });
    }
  });
  // Edges in a fixed order (by endpoint ids), whatever the map's insertion order.
  for (const pair of [...pairs.values()].sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0))) {
    graph.addUndirectedEdgeWithKey(`CO_MENTIONED:${pair.a}--${pair.b}`, pair.a, pair.b, {
      type: 'CO_MENTIONED',
      weight: pair.cables + pair.paragraphs,
      cableCount: pair.cables,
      paragraphCount: pair.paragraphs,
      cables: pair.evidence.map((e) => e.cable),
      evidence: pair.evidence,
      ...(pair.cables > pair.evidence.length ? { evidenceTruncated: true } : {}),
      ...(pair.firstDate ? { firstDate: pair.firstDate, lastDate: pair.lastDate } : {}),
    });
  }
  // Entity first/last dates (for the timeline): from the cables that mention them.
  for (const e of entities) {
    const dates = e.cables.map((id) => graph.getNodeAttribute(id, 'date') as string | undefined).filter((d): d is string => !!d).sort();
    if (dates.length > 0) graph.mergeNodeAttributes(e.id, { firstDate: dates[0], lastDate: dates[dates.length - 1] });
  }
  computeMetrics(graph, options);
  return { graph, entities };
}

