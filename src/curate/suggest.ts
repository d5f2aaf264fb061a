// Likely duplicate entities, ranked by evidence (spelling, surname, initials, acronym), for review.
import { editDistance } from '../common/edit-distance';
import { COUNTRY_CODE } from '../lexicon/gazetteer-core';
import { normalizeName } from '../resolve';
import { isEntityKind, type EntityKind, type Suggestion, type SuggestionReason, type CableGraph } from '../model';

interface Info {
  id: string;
  name: string;
  type: EntityKind;
  cables: number;
  norm: string;
  words: string[];
}

// A person split in two (a surname alone beside the full name) is what users meet most: it leads.
const STRENGTH: Record<SuggestionReason, number> = { surname: 3, acronym: 2.5, initials: 2.5, spelling: 2 };
/** Full names a lone surname is weighed against (the best by evidence is proposed). */
const SURNAME_CANDIDATES = 6;
const OPPOSITES = new Set([
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'upper',
  'lower',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
]);
const MINOR = new Set(['of', 'for', 'the', 'and', 'de', 'du', 'des', 'la', 'le', 'al', 'el', 'on', 'in', 'to']);

/** Country codes named by a name's words ("government of iraq" → IZ). */
function countriesIn(words: readonly string[]): string[] {
  const codes = new Set<string>();
  for (let i = 0; i < words.length; i += 1) {
    for (let j = i + 1; j <= Math.min(words.length, i + 3); j += 1) {
      const code = COUNTRY_CODE.get(words.slice(i, j).join(' '));
      if (code) codes.add(code);
    }
  }
  return [...codes].sort();
}

/** Every string one deletion away (and the string itself): names sharing one are within two edits. */
function deletions(s: string): string[] {
  const out = [s];
  for (let i = 0; i < s.length; i += 1) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

/** What the suggestions read: a graph in memory (graphology) or the graph database. */
export interface SuggestSource {
  forEachEntity(callback: (id: string, name: string, kind: EntityKind, cableCount: number) => void): void;
  /** Co-mentioned entities. */
  neighbours(id: string): Set<string>;
  /** Country tags of the cables mentioning it. */
  countries(id: string): Set<string>;
  /** Cables mentioning it. */
  cables(id: string): Set<string>;
}

/** A graphology graph as a SuggestSource. */
function graphSource(graph: CableGraph): SuggestSource {
  return {
    forEachEntity: (callback) =>
      graph.forEachNode((id, a) => {
        if (isEntityKind(a.kind)) callback(id, String(a.name), a.kind, Number(a.cableCount ?? 0));
      }),
    neighbours: (id) => {
      const set = new Set<string>();
      graph.forEachUndirectedNeighbor(id, (n) => set.add(n));
      return set;
    },
    countries: (id) => {
      const set = new Set<string>();
      graph.forEachInNeighbor(id, (cable, a) => {
        if (a.kind !== 'Cable') return;
        graph.forEachOutNeighbor(cable, (_tag, t) => {
          if (t.kind === 'Tag' && t.tagKind === 'country') set.add(String(t.code));
        });
      });
      return set;
    },
    cables: (id) => new Set(graph.filterInNeighbors(id, (_n, a) => a.kind === 'Cable')),
  };
}

/**
 * Likely duplicates among the graph's entities, ranked by evidence, for review (never applied):
 * spelling variants of one type ("Bagdhad"/"Baghdad": within two edits, found through shared
 * one-deletion variants rather than comparing all pairs), a surname alone beside one full name
 * ending with it, an initial beside the full first name ("J. Smith"/"John Smith"), and an acronym
 * beside its expansion ("IOM"/"International Organization for Migration"). Evidence: shared
 * co-mentioned entities, shared country tags of their cables, and — against — cables naming both.
 */
export function suggestDuplicates(graph: CableGraph | SuggestSource, limit = 50): Suggestion[] {
  const source = 'forEachEntity' in graph ? graph : graphSource(graph);
  const infos = new Map<string, Info>();
  source.forEachEntity((id, name, kind, cableCount) => {
    const norm = normalizeName(name);
    if (!norm) return;
    infos.set(id, { id, name, type: kind, cables: cableCount, norm, words: norm.split(' ') });
  });
  const candidates = new Map<string, SuggestionReason>();
  const propose = (x: Info, y: Info, reason: SuggestionReason): void => {
    if (x.id === y.id || (x.norm === y.norm && x.type === y.type && reason !== 'spelling')) return;
    const key = x.id < y.id ? `${x.id}\u0000${y.id}` : `${y.id}\u0000${x.id}`;
    const known = candidates.get(key);
    if (!known || STRENGTH[reason] > STRENGTH[known]) candidates.set(key, reason);
  };

  // Spelling: same type, names of 5+ letters sharing a one-deletion variant, within two edits.
  const byVariant = new Map<string, Info[]>();
  for (const info of infos.values()) {
    if (info.norm.length < 5) continue;
    for (const variant of new Set(deletions(info.norm))) {
      const key = `${info.type}|${variant}`;
      const list = byVariant.get(key);
      if (list) list.push(info);
      else byVariant.set(key, [info]);
    }
  }
  for (const list of byVariant.values()) {
    if (list.length < 2 || list.length > 20) continue; // a variant shared by many names says nothing
    for (let i = 0; i < list.length; i += 1) {
      for (let j = i + 1; j < list.length; j += 1) {
        const [x, y] = [list[i], list[j]];
        // Differing only in a number ("Resolution 1546"/"Resolution 1559") or in a one-letter word
        // (list items "A. OSC", "B. OSC" read as initials) is not a spelling variant.
        if (x.norm.replace(/\d/g, '') === y.norm.replace(/\d/g, '') && /\d/.test(x.norm)) continue;
        if (
          x.words.length === y.words.length &&
          x.words.every((w, k) => w === y.words[k] || (w.length === 1 && y.words[k].length === 1))
        )
          continue;
        // Office symbols ("EUR/WE", "NEA/I") are codes, and "Eastern"/"Western Europe" are opposites.
        if (x.norm.includes('/') || y.norm.includes('/') || /[/]/.test(x.name + y.name)) continue;
        if (x.words.some((w, k) => w !== y.words[k] && OPPOSITES.has(w) && OPPOSITES.has(y.words[k] ?? ''))) continue;
        // Two different countries ("Iraq"/"Iran", "Government of Iraq"/"… of Iran") are facts, not typos.
        const cx = countriesIn(x.words);
        const cy = countriesIn(y.words);
        if (cx.length > 0 && cy.length > 0 && cx.join() !== cy.join()) continue;
        const limit = Math.min(x.norm.length, y.norm.length) >= 8 ? 2 : 1;
        if (editDistance(x.norm, y.norm, limit) <= limit) propose(x, y, 'spelling');
      }
    }
  }

  // People: a surname alone and full names ending with it; an initial and a full first name.
  const people = [...infos.values()].filter((i) => i.type === 'Person');
  const bySurname = new Map<string, Info[]>();
  for (const p of people) {
    if (p.words.length < 2) continue;
    const surname = p.words[p.words.length - 1];
    if (!bySurname.has(surname)) bySurname.set(surname, []);
    bySurname.get(surname)!.push(p);
  }
  for (const p of people) {
    const full = bySurname.get(p.words[p.words.length - 1]) ?? [];
    if (p.words.length === 1) {
      // Each full name carrying that surname is weighed; only the clear best is kept (below):
      // "Smith" beside two Smiths with no evidence for either is anyone's guess.
      const others = full
        .filter((f) => f.words.length >= 2)
        .sort((a, b) => b.cables - a.cables || (a.id < b.id ? -1 : 1));
      for (const f of others.slice(0, SURNAME_CANDIDATES)) propose(p, f, 'surname');
    } else if (p.words[0].length === 1) {
      for (const f of full)
        if (f.id !== p.id && f.words.length === p.words.length && f.words[0].length > 1 && f.words[0][0] === p.words[0])
          propose(p, f, 'initials');
    }
  }

  // Organizations: an acronym and the names whose initials (minor words skipped) spell it.
  const acronyms = new Map<string, Info[]>();
  for (const o of infos.values())
    if (o.type === 'Organization' && o.words.length === 1 && /^[A-Z]{2,7}$/.test(o.name)) {
      if (!acronyms.has(o.norm)) acronyms.set(o.norm, []);
      acronyms.get(o.norm)!.push(o);
    }
  for (const o of infos.values()) {
    if (o.type !== 'Organization' || o.words.length < 2) continue;
    const initials = o.words
      .filter((w) => !MINOR.has(w))
      .map((w) => w[0])
      .join('');
    for (const a of acronyms.get(initials) ?? []) propose(a, o, 'acronym');
  }

  const neighbours = (id: string): Set<string> => source.neighbours(id);
  const countries = (id: string): Set<string> => source.countries(id);
  const cablesOf = (id: string): Set<string> => source.cables(id);

  const suggestions: Suggestion[] = [];
  for (const [key, reason] of candidates) {
    const [xId, yId] = key.split('\u0000') as [string, string];
    const [x, y] = [infos.get(xId)!, infos.get(yId)!];
    // The full name, the expansion of an acronym, else the entity with more cables is kept.
    const fuller =
      reason === 'surname' || reason === 'acronym' || reason === 'initials'
        ? x.norm.length >= y.norm.length
          ? x
          : y
        : undefined;
    const [keep, merge] = fuller
      ? fuller === x
        ? [x, y]
        : [y, x]
      : x.cables > y.cables || (x.cables === y.cables && x.norm.length >= y.norm.length)
        ? [x, y]
        : [y, x];
    const nk = neighbours(keep.id);
    const nm = neighbours(merge.id);
    nk.delete(merge.id);
    nm.delete(keep.id);
    const shared = [...nm].filter((n) => nk.has(n)).length;
    const union = nk.size + nm.size - shared;
    const overlap = union === 0 ? 0 : shared / union;
    const ck = countries(keep.id);
    const sharedCountries = [...countries(merge.id)].filter((c) => ck.has(c)).sort();
    const cablesKeep = cablesOf(keep.id);
    const sharedCables = [...cablesOf(merge.id)].filter((c) => cablesKeep.has(c)).length;
    // A surname left alone in a cable naming the full person was not theirs (resolution would have
    // joined them); typos and acronyms, though, sit beside the right form in the same cable.
    const against = reason === 'surname' ? Math.min(1, sharedCables / Math.max(1, merge.cables)) : 0;
    // Plus the size of the fix: a duplicate spread over many cables first (a one-cable acronym last).
    const score =
      STRENGTH[reason] +
      2 * overlap +
      (sharedCountries.length > 0 ? 1 : 0) -
      against +
      Math.log2(1 + Math.min(keep.cables, merge.cables));
    const view = (i: Info) => ({ id: i.id, name: i.name, type: i.type, cables: i.cables });
    suggestions.push({
      keep: view(keep),
      merge: view(merge),
      reason,
      score: Number(score.toFixed(3)),
      evidence: {
        sharedNeighbours: shared,
        neighbourOverlap: Number(overlap.toFixed(3)),
        sharedCountries,
        sharedCables,
      },
    });
  }
  // A lone surname goes to its best full name, when that one leads the next by a clear margin.
  const bySurnameAlone = new Map<string, Suggestion[]>();
  for (const x of suggestions) {
    if (x.reason !== 'surname') continue;
    const alone = x.keep.name.includes(' ') ? x.merge.id : x.keep.id;
    if (!bySurnameAlone.has(alone)) bySurnameAlone.set(alone, []);
    bySurnameAlone.get(alone)!.push(x);
  }
  const dropped = new Set<Suggestion>();
  for (const list of bySurnameAlone.values()) {
    list.sort((a, b) => b.score - a.score);
    for (const x of list.slice(1)) dropped.add(x);
    if (list.length > 1 && list[0].score - list[1].score < 1) dropped.add(list[0]);
  }
  const kept = suggestions.filter((x) => !dropped.has(x));
  kept.sort(
    (a, b) =>
      b.score - a.score ||
      b.keep.cables + b.merge.cables - (a.keep.cables + a.merge.cables) ||
      (a.merge.id < b.merge.id ? -1 : 1),
  );
  return kept.slice(0, limit);
}
