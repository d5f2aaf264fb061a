// The viewer's questions about cables by their metadata (posts, tags, signers, references), answered from any GraphStore.
import { canonicalCableId, canonicalPost, isKnownPost } from '../parse/ids';
import type {
  CableFacets,
  CableFilter,
  CableLinks,
  CableList,
  FilterSubjects,
  LookupHit,
  PostView,
  SignerView,
  TagView,
} from '../model';
import { compare, matchName, searchTokens } from './search';
import type { CableOrder, CatalogEntry, GraphStore } from './store';

/** Upper bounds of the limits the browse routes take. */
export const BROWSE_LIMITS = { cables: 200, facet: 50, lookup: 30, export: 10_000 } as const;
/** Posts and tags whose cables are counted to rank a lookup (the best matches by name first). */
const LOOKUP_CANDIDATES = 300;

/** A post as typed: its id (`post:PARIS`), or a name the parser reads (`PARIS`, `Embassy Paris`, `AMEMBASSY PARIS`). */
export function postIdOf(text: string): string {
  if (text.startsWith('post:')) return text;
  const canonical = canonicalPost(text);
  return `post:${isKnownPost(canonical) ? canonical : text}`;
}

/** A tag as typed: its id (`tag:IZ`) or its code (`IZ`, `iz`). */
export function tagIdOf(text: string): string {
  return text.startsWith('tag:') ? text : `tag:${text.trim().toUpperCase()}`;
}

/** A cable id as the graph keys it, when the text is one in any form the parser reads (`07 PARIS 3534`, `2007PARIS003534`). */
export function cableIdOf(text: string): string {
  return canonicalCableId(text) ?? text.trim();
}

const RANK = { exact: 0, prefix: 1 } as const;

export class Browse {
  constructor(readonly store: GraphStore) {}

  /**
   * Posts and tags by name (every query word starts a word of the post's name or id, of the tag's
   * code or meaning; exact matches first, then by cables), and the cable a query names by its id.
   */
  async lookup(query: string, limit: number): Promise<LookupHit[]> {
    const hits: LookupHit[] = [];
    const cableId = canonicalCableId(query);
    if (cableId) {
      const links = await this.store.cableLinks(cableId);
      if (links) {
        const [ref] = await this.store.cables([cableId]);
        const detail = links.inCorpus
          ? [ref?.date, ref?.subject].filter(Boolean).join(' · ')
          : 'not in the corpus: cited by other cables';
        hits.push({ kind: 'cable', id: cableId, name: cableId, ...(detail ? { detail } : {}) });
      }
    }
    const tokens = searchTokens(query);
    if (tokens.length === 0) return hits;
    const matched: Array<{ entry: CatalogEntry; rank: number }> = [];
    for (const entry of await this.store.catalog()) {
      const names =
        entry.kind === 'post'
          ? [entry.name, entry.id.slice('post:'.length)]
          : [entry.name, ...(entry.label ? [entry.label] : [])];
      let rank: number | undefined;
      for (const name of names) {
        const match = matchName(tokens, name);
        if (match === 'exact' || match === 'prefix') rank = Math.min(rank ?? 9, RANK[match]);
      }
      if (rank !== undefined) matched.push({ entry, rank });
    }
    matched.sort((x, y) => x.rank - y.rank || compare(x.entry.id, y.entry.id));
    const candidates = matched.slice(0, LOOKUP_CANDIDATES);
    const postIds = candidates.filter((c) => c.entry.kind === 'post').map((c) => c.entry.id);
    const tagIds = candidates.filter((c) => c.entry.kind === 'tag').map((c) => c.entry.id);
    const [posts, tags] = await Promise.all([this.store.posts(postIds), this.store.tags(tagIds)]);
    const counts = new Map<string, number>([
      ...posts.map((p) => [p.id, p.cables] as const),
      ...tags.map((t) => [t.id, t.cables] as const),
    ]);
    const ranked = candidates.map((c) => ({ ...c, cables: counts.get(c.entry.id) ?? 0 }));
    ranked.sort(
      (x, y) =>
        x.rank - y.rank ||
        y.cables - x.cables ||
        compare(x.entry.name, y.entry.name) ||
        compare(x.entry.id, y.entry.id),
    );
    for (const { entry, cables } of ranked.slice(0, Math.max(0, limit - hits.length))) {
      hits.push({
        kind: entry.kind,
        id: entry.id,
        name: entry.name,
        ...(entry.label ? { detail: entry.label } : {}),
        cables,
      });
    }
    return hits;
  }

  async post(text: string): Promise<PostView | undefined> {
    const [post] = await this.store.posts([postIdOf(text)]);
    return post;
  }

  async tag(text: string): Promise<TagView | undefined> {
    const [tag] = await this.store.tags([tagIdOf(text)]);
    return tag;
  }

  async signer(id: string): Promise<SignerView | undefined> {
    const [signer] = await this.store.signers([id]);
    return signer;
  }

  /** The filter with its posts and tag as ids, and the nodes it names (or the first it names that the graph lacks). */
  async subjects(filter: CableFilter): Promise<{ filter: CableFilter; subjects: FilterSubjects }> {
    const normal: CableFilter = { ...filter };
    for (const key of ['post', 'from', 'to'] as const) if (normal[key]) normal[key] = postIdOf(normal[key]);
    if (normal.tag) normal.tag = tagIdOf(normal.tag);
    const postIds = [...new Set([normal.post, normal.from, normal.to].filter((id): id is string => !!id))];
    const [posts, tag, signer, entity] = await Promise.all([
      this.store.posts(postIds),
      normal.tag ? this.store.tags([normal.tag]) : [],
      normal.signer ? this.store.signers([normal.signer]) : [],
      normal.entity ? this.store.entities([normal.entity]) : [],
    ]);
    const post = (id: string | undefined): PostView | undefined => posts.find((p) => p.id === id);
    const subjects: FilterSubjects = {};
    for (const key of ['post', 'from', 'to'] as const) {
      const found = post(normal[key]);
      if (found) subjects[key] = found;
    }
    if (tag[0]) subjects.tag = tag[0];
    if (signer[0]) subjects.signer = signer[0];
    if (entity[0]) subjects.entity = entity[0];
    const lacking = (['post', 'from', 'to'] as const).find((key) => normal[key] && !subjects[key]);
    const missing = lacking
      ? `post ${filter[lacking]}`
      : normal.tag && !tag[0]
        ? `tag ${filter.tag}`
        : normal.signer && !signer[0]
          ? `person ${filter.signer}`
          : normal.entity && !entity[0]
            ? `entity ${filter.entity}`
            : undefined;
    if (missing) subjects.missing = missing;
    return { filter: normal, subjects };
  }

  async cables(filter: CableFilter, order: CableOrder, limit: number, offset: number): Promise<CableList> {
    return this.store.cableList(filter, order, limit, offset);
  }

  async facets(filter: CableFilter, size: number): Promise<CableFacets> {
    return this.store.cableFacets(filter, size);
  }

  /** A cable's links, by its id in any form the parser reads. */
  async links(text: string): Promise<CableLinks | undefined> {
    return (
      (await this.store.cableLinks(text)) ??
      (cableIdOf(text) !== text ? this.store.cableLinks(cableIdOf(text)) : undefined)
    );
  }
}
