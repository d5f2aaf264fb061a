// The corpus-wide person pass: spellings of one full name joined, and lone surnames given their full name.
/**
 * The corpus-wide person pass: full names spelled two ways ("Barak"/"Barack Obama") become one, and
 * a surname written alone ("Sarkozy") joins the one full name the corpus's context points to — the
 * same country tags, dates within the full name's years, entities named with it — while a surname
 * whose full names differ by decade or country ("Bush", "Clinton") is settled per cable, or left
 * alone. A deterministic function of all the cables' local entities, so a full build and a build
 * plus `--append` (both resolve every cable, in id order) agree.
 */
import { editDistance } from '../common/edit-distance';

/** What the corpus says about one full person name. */
interface FullName {
  key: string;
  cables: number;
  countries: Map<string, number>;
  minYear: number;
  maxYear: number;
  /** Cables where its surname alone stands for it (joined within the cable): how it is usually called. */
  surnameUses: number;
  /** The ranks of the royal titles it was written after (bits: 1 monarch, 2 prince, 4 sheikh): a given name after one may join it. */
  royal: number;
  /** Cables that write it as someone's relative ("Mustafa Erdogan (PM's brother)"). */
  kinCables: number;
  /**
   * Entities named in its cables (ids of `type|key`), the first `contextSize` distinct ones up to a
   * cap, kept sorted (binary search, insertion by a block move) in 4 bytes each: made on its first
   * one in pass 1b, grown by doubling. (As Sets they were most of the pass's memory at corpus
   * scale, ~25 bytes an id, and their garbage most of its collector's work.)
   */
  context: Int32Array;
  contextSize: number;
}

const NO_CONTEXT = new Int32Array(0);

/** Where `id` is in the first `size` of sorted `ids`: its index, or -(insertion point) - 1. */
function findId(ids: Int32Array, size: number, id: number): number {
  let lo = 0;
  let hi = size - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = ids[mid];
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -lo - 1;
}

/** Adds `id` to a full name's sorted context (no-op when there); false when the context is full. */
function addToContext(f: FullName, id: number): boolean {
  if (f.contextSize >= NEIGHBOUR_CAP) return false;
  const at = findId(f.context, f.contextSize, id);
  if (at >= 0) return true;
  const insert = -at - 1;
  if (f.contextSize === f.context.length) {
    const grown = new Int32Array(Math.min(NEIGHBOUR_CAP, Math.max(8, f.context.length * 2)));
    grown.set(f.context);
    f.context = grown;
  }
  f.context.copyWithin(insert + 1, insert, f.contextSize);
  f.context[insert] = id;
  f.contextSize++;
  return true;
}

/** A candidate of a lone surname with the terms of its join score fixed after pass 1 (log2 of cables, countries, surname uses). */
interface RankedName {
  f: FullName;
  cables: number;
  spread: number;
  uses: number;
  /** Their sum: the candidates' order, and the bound on what each can score. */
  attested: number;
}

/** Entities kept per full name as context: enough to recognise a co-mention, bounded for a full corpus. */
const NEIGHBOUR_CAP = 400;
/** A surname alone is never joined to a full name whose cables are further away than this (years). */
const MAX_YEAR_GAP = 4;
/** How far the best candidate must lead the next (score units: a shared country is 2, a doubling of cables 1). */
const MARGIN = 1.5;
/** The most a cable's context adds to a candidate's join score: a country (2), three shared entities (3), its years (1). */
const MAX_CONTEXT_SCORE = 6;
/** Rounding headroom when comparing a bound with scores summed in another order. */
const BOUND_SLACK = 1e-9;

export class SurnameIndex {
  private readonly full = new Map<string, FullName>();
  /** Canonical full name of a variant spelling ("barak obama" → "barack obama"). */
  private readonly variantOf = new Map<string, string>();
  private readonly bySurname = new Map<string, FullName[]>();
  private readonly alone = new Set<string>();
  private entityCables = new Map<number, number>();
  /** bySurname's lists ranked for join (see rankedCandidates). */
  private readonly ranked = new Map<string, RankedName[]>();
  /** Royal full names (canonical) by their first word, the given name, ranked as `ranked`. */
  private readonly byGiven = new Map<string, FullName[]>();
  private readonly rankedGiven = new Map<string, RankedName[]>();
  private cableCount = 0;

  /** Pass 1, per cable: its year (0 unknown), countries, and its entities (`id` of type|key, person key, surname-only). */
  addCable(
    year: number,
    countries: readonly string[],
    entities: ReadonlyArray<{
      id: number;
      personKey?: string;
      surnameOnly: boolean;
      calledBySurname?: boolean;
      given?: boolean;
      royal?: number;
      kin?: boolean;
    }>,
  ): void {
    this.cableCount++;
    for (const e of entities) {
      this.entityCables.set(e.id, (this.entityCables.get(e.id) ?? 0) + 1);
      if (e.personKey === undefined || e.given) continue;
      // ("al-Maliki" alone is the surname of "Nuri al-Maliki")
      if (e.surnameOnly) {
        this.alone.add(e.personKey.replace(/^(?:al|el) /, ''));
        continue;
      }
      let f = this.full.get(e.personKey);
      if (!f) {
        f = {
          key: e.personKey,
          cables: 0,
          countries: new Map(),
          minYear: 0,
          maxYear: 0,
          surnameUses: 0,
          royal: 0,
          kinCables: 0,
          context: NO_CONTEXT,
          contextSize: 0,
        };
        this.full.set(e.personKey, f);
      }
      f.cables++;
      if (e.calledBySurname) f.surnameUses++;
      if (e.royal) f.royal |= e.royal;
      if (e.kin) f.kinCables++;
      for (const cc of countries) f.countries.set(cc, (f.countries.get(cc) ?? 0) + 1);
      if (year) {
        f.minYear = f.minYear ? Math.min(f.minYear, year) : year;
        f.maxYear = Math.max(f.maxYear, year);
      }
    }
  }

  /** After pass 1: spelling variants of full names, and the surnames' candidates. */
  settleNames(): void {
    // (the full names kept for surnames never used alone: a lone variant spelling may join them)
    const keptOf = new Map<string, FullName[]>();
    const groups = new Map<string, FullName[]>();
    for (const f of this.full.values()) {
      const words = f.key.split(' ');
      const sur = words[words.length - 1];
      if (!groups.has(sur)) groups.set(sur, []);
      groups.get(sur)!.push(f);
    }
    for (const [sur, list] of groups) {
      // more cables first, then by key: the spelling kept is the best attested
      list.sort((a, b) => b.cables - a.cables || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      // "Craig Stapleton" in "Craig R. Stapleton", "Asif Zardari" in "Asif Ali Zardari": a shorter
      // form joins the one longer form that holds it (same first and last words), not when two do
      // ("George Bush": "George W. Bush" or "George H. W. Bush"?), and not years apart
      // (only names with the same first word can hold one another: a common surname of a full
      // corpus has thousands of full names, and comparing each with all was quadratic)
      const byFirstWord = bucketed(list, givenOf);
      for (const f of list) {
        const holders = byFirstWord
          .get(givenOf(f.key.split(' ')))!
          .filter((g) => g !== f && holds(g.key, f.key) && overlapping(g, f));
        if (holders.length !== 1 || this.variantOf.has(holders[0].key)) continue;
        this.variantOf.set(f.key, holders[0].key);
        mergeInto(holders[0], f);
      }
      const kept: FullName[] = [];
      // (a spelling variant has the same word count, the same words after the first, the same
      // first letter: only names kept with that shape can be the one it joins, first kept first)
      const keptByShape = new Map<string, FullName[]>();
      // a shorter form held by a longer one is another spelling's too ("Yousaf Gilani" of "Yousuf
      // Gilani", itself "Yousuf Raza Gilani"): the spelling goes to the name that holds the form
      const heldByShape = new Map<string, FullName[]>();
      for (const f of list) {
        if (!this.variantOf.has(f.key)) continue;
        const shape = spellingShape(f.key);
        const same = heldByShape.get(shape);
        if (same) same.push(f);
        else heldByShape.set(shape, [f]);
      }
      for (const f of list) {
        if (this.variantOf.has(f.key)) continue;
        const shape = spellingShape(f.key);
        const kin = keptByShape.get(shape)?.find((k) => sameNameSpelledOtherwise(k, f));
        const held = kin ? undefined : heldByShape.get(shape)?.find((k) => sameNameSpelledOtherwise(k, f));
        const into = kin ?? (held && this.full.get(this.finalOf(held.key)));
        if (into && !(held && into === f)) {
          this.variantOf.set(f.key, into.key);
          mergeInto(into, f);
          continue;
        }
        kept.push(f);
        const same = keptByShape.get(shape);
        if (same) same.push(f);
        else keptByShape.set(shape, [f]);
      }
      this.joinTails(kept);
      // (a name written as someone's relative in half its cables or more is no lone surname's when a
      // name of that surname is not: the surname alone is the famous relative's, "Erdogan" the Prime
      // Minister's, not his brother's; "Kulibayev" is Timur Kulibayev's, the President's son-in-law)
      const notKin = kept.filter((f) => f.kinCables * 2 < f.cables);
      const cands = notKin.length ? notKin : kept;
      if (this.alone.has(sur)) this.bySurname.set(sur, cands);
      else if (sur.length >= VARIANT_MIN_LENGTH) keptOf.set(sur, kept);
    }
    this.joinSurnameVariants(keptOf);
    // variants of variants resolve to the last one kept (chains stay within one surname's names)
    for (const [from, to] of this.variantOf) {
      let t = to;
      while (this.variantOf.has(t)) t = this.variantOf.get(t)!;
      if (t !== to) this.variantOf.set(from, t);
    }
    this.addMiddleWords();
    for (const f of this.full.values()) {
      if (!f.royal || this.variantOf.has(f.key)) continue;
      const given = f.key.slice(0, f.key.indexOf(' ') >>> 0);
      for (let rank = 1; rank <= f.royal; rank <<= 1) {
        if (!(f.royal & rank)) continue;
        const list = this.byGiven.get(`${rank}|${given}`);
        if (list) list.push(f);
        else this.byGiven.set(`${rank}|${given}`, [f]);
      }
    }
  }

  /**
   * A lone surname no full name ends with, spelled as one other surname with one vowel changed
   * ("Ahmedinejad" for "Ahmadinejad"), takes that surname's full names as its candidates: the join
   * still needs the cable's evidence. Only long surnames (8+ letters): short ones differ by a vowel
   * and are other names ("Hasan", "Hassan").
   */
  private joinSurnameVariants(keptOf: Map<string, FullName[]>): void {
    const bySkeleton = new Map<string, string[]>();
    const add = (sur: string) => {
      const k = vowelSkeleton(sur);
      const list = bySkeleton.get(k);
      if (list) list.push(sur);
      else bySkeleton.set(k, [sur]);
    };
    for (const sur of keptOf.keys()) add(sur);
    for (const [sur, kept] of this.bySurname) if (sur.length >= VARIANT_MIN_LENGTH && kept.length) add(sur);
    for (const lone of this.alone) {
      if (lone.length < VARIANT_MIN_LENGTH || this.bySurname.has(lone)) continue;
      const near = (bySkeleton.get(vowelSkeleton(lone)) ?? []).filter((s) => oneCharApart(s, lone));
      if (near.length !== 1) continue;
      const kept = this.bySurname.get(near[0]) ?? keptOf.get(near[0])!;
      if (!kept.length) continue;
      this.bySurname.set(near[0], kept);
      this.bySurname.set(lone, kept);
    }
  }

  /** The full names whose context is worth collecting in pass 1b (those a lone surname may join). */
  wantsNeighbours(personKey: string): FullName | undefined {
    const key = this.canonical(personKey);
    const words = key.split(' ');
    const f = this.full.get(key);
    if (!this.bySurname.has(words[words.length - 1]) && !f?.royal) return undefined;
    return f;
  }

  /** Pass 1b, per cable: the entities named with each candidate full name. */
  addContext(entities: ReadonlyArray<{ id: number; personKey?: string; surnameOnly: boolean }>): void {
    if (this.contextSettled) throw new Error('SurnameIndex: addContext after the first join');
    for (const e of entities) {
      if (e.personKey === undefined || e.surnameOnly) continue;
      const f = this.wantsNeighbours(e.personKey);
      if (!f) continue;
      for (const o of entities) if (o !== e && !addToContext(f, o.id)) break;
    }
  }

  /** Pass 1b is over (the first join): each name's context trimmed to its size. */
  private settleContext(): void {
    this.contextSettled = true;
    for (const f of this.full.values())
      if (f.contextSize < f.context.length) f.context = f.context.slice(0, f.contextSize);
  }

  private contextSettled = false;

  /**
   * A name written without its first given name ("Tayyip Erdogan" of "Recep Tayyip Erdogan") joins the
   * one longer name it ends, when that name has no Arabic or other particle (in "Aisha Muammar
   * al-Qadhafi" the tail is her father) and no fewer cables, in the same years, and whose head is no
   * full name of its own (a tagger's two names in one, "Tina Kaidanow Bridget Brink"). `kept` loses it.
   */
  private joinTails(kept: FullName[]): void {
    if (kept.length < 2) return;
    for (let i = kept.length - 1; i >= 0; i--) {
      const f = kept[i];
      if (!f.key.includes(' ')) continue;
      const holders = kept.filter(
        (g) =>
          g !== f &&
          g.key.endsWith(' ' + f.key) &&
          g.cables >= f.cables &&
          !g.key.split(' ').some((w) => PARTICLES.has(w)) &&
          !this.full.has(g.key.slice(0, g.key.length - f.key.length - 1)) &&
          overlapping(g, f),
      );
      if (holders.length !== 1) continue;
      this.variantOf.set(f.key, holders[0].key);
      mergeInto(holders[0], f);
      kept.splice(i, 1);
    }
  }

  /**
   * A word written alone that no full name ends with, and a word after the second of full names of
   * four words or more ("Lula" of "Luiz Inacio Lula da Silva"), has those names as its candidates: the
   * join still needs the cable's evidence.
   */
  private addMiddleWords(): void {
    const byMiddle = new Map<string, FullName[]>();
    for (const f of this.full.values()) {
      if (this.variantOf.has(f.key) || f.kinCables * 2 >= f.cables) continue;
      const words = f.key.split(' ');
      // (after two words at least: the second word of a name is often a given name, "Jean-David Levitte", "Ali Akbar Velayati")
      for (let k = 2; k < words.length - 1; k++) {
        const w = words[k];
        if (w.length < 3 || !this.alone.has(w) || this.bySurname.has(w) || NAME_PARTICLES.has(w)) continue;
        const list = byMiddle.get(w);
        if (!list) byMiddle.set(w, [f]);
        else if (!list.includes(f)) list.push(f);
      }
    }
    for (const [w, list] of byMiddle) this.bySurname.set(w, list);
  }

  /** The end of a chain of variants (while the chains are being made). */
  private finalOf(key: string): string {
    for (let hops = 0; hops < 8 && this.variantOf.has(key); hops++) key = this.variantOf.get(key)!;
    return key;
  }

  /** The key a full name resolves to (its best-attested spelling). */
  canonical(personKey: string): string {
    return this.variantOf.get(personKey) ?? personKey;
  }

  /**
   * The full name a surname alone joins in one cable, or undefined. Evidence for a candidate: a
   * country of the cable among its cables' countries, entities of this cable named with it (the
   * ubiquitous ones — in a fifth of all cables — say nothing), a date within its years. Candidates
   * more than four years away are out. One candidate needs some evidence; among several, the best
   * must have evidence and lead the next by a clear margin.
   */
  join(surname: string, year: number, countries: readonly string[], entityIds: readonly number[]): string | undefined {
    const cands = this.rankedCandidates(surname) ?? this.rankedCandidates(surname.replace(/^(?:al|el) /, ''));
    return this.joinAmong(cands, year, countries, entityIds);
  }

  /**
   * The royal full name a given name after a royal title joins in one cable ("King Abdullah" in a
   * Riyadh cable: Abdullah bin Abdulaziz Al Saud, the one name opening with it that a royal title
   * was written before), on the evidence `join` asks; never a name it ends ("Abdullah Abdullah").
   */
  joinGiven(
    given: string,
    rank: number,
    year: number,
    countries: readonly string[],
    entityIds: readonly number[],
  ): string | undefined {
    const key = `${rank}|${given}`;
    let cands = this.rankedGiven.get(key);
    if (!cands) {
      // (none of that spelling: those of a given name one letter apart, "King Abdallah" for Abdullah; 6+ letters: Hamid is no Hamad)
      let list = this.byGiven.get(key);
      if (!list && given.length >= 6)
        for (const [k, l] of this.byGiven) {
          const g = k.slice(k.indexOf('|') + 1);
          if (k.startsWith(`${rank}|`) && g[0] === given[0] && editDistance(g, given, 1) <= 1)
            list = [...(list ?? []), ...l];
        }
      cands = ranked(list ?? []);
      this.rankedGiven.set(key, cands);
    }
    return this.joinAmong(cands, year, countries, entityIds);
  }

  private joinAmong(
    cands: readonly RankedName[] | undefined,
    year: number,
    countries: readonly string[],
    entityIds: readonly number[],
  ): string | undefined {
    if (!this.contextSettled) this.settleContext();
    if (!cands || cands.length === 0) return undefined;
    const common = Math.max(20, this.cableCount * 0.2);
    // The cable's entities that can count as shared context (the ubiquitous ones say nothing).
    const telling = entityIds.filter((id) => (this.entityCables.get(id) ?? 0) <= common);
    let best: { f: FullName; score: number; evidence: boolean } | undefined;
    let second = -Infinity;
    // Candidates come by their fixed part of the score, best first. The outcome depends only on
    // the highest score (unique, or a tie: no join) and the next: once no remaining candidate can
    // reach the second score, or come within MARGIN of the best, none can change it.
    // Two more ways the outcome is settled before the list ends (a common surname of a generated
    // full corpus has thousands of one-cable full names that would otherwise all be scored, for
    // every lone use of it): the best has no evidence and none left can pass it; or the best does
    // not lead by MARGIN and none left can reach MARGIN above it (a new best would lead the old
    // one, now second, by less).
    for (const { f, attested, cables, spread, uses } of cands) {
      const bound = MAX_CONTEXT_SCORE + attested + BOUND_SLACK;
      if (
        best &&
        (bound < second ||
          bound < best.score - MARGIN ||
          (!best.evidence && bound <= best.score) ||
          (best.score - second < MARGIN && bound < best.score + MARGIN))
      )
        break;
      let gap = 0;
      if (year && f.minYear) gap = year < f.minYear ? f.minYear - year : year > f.maxYear ? year - f.maxYear : 0;
      if (gap > MAX_YEAR_GAP) continue;
      let country = false;
      for (const cc of countries)
        if (f.countries.has(cc)) {
          country = true;
          break;
        }
      // (only up to three shared entities count)
      let shared = 0;
      for (let k = 0; k < telling.length && shared < 3; k++)
        if (findId(f.context, f.contextSize, telling[k]) >= 0) shared++;
      // evidence for this name in this cable (Nicolas, not Jean Sarkozy)
      const inYears = year > 0 && f.minYear > 0 && gap === 0;
      // then how well attested and how widely known the name is: its cables, and the countries they
      // come from (Hamid Karzai is named from nine countries' cables, Ahmed Wali Karzai from one)
      // (terms added in this order: the same floating-point score whatever the candidates' order)
      const score = (country ? 2 : 0) + Math.min(3, shared) + (inYears ? 1 : 0) - gap * 0.5 + cables + spread + uses;
      // a name usually called by its surname, in its own years, needs no more ("Clinton" in 2009)
      const evidence = country || shared > 0 || (year > 0 && f.minYear > 0 && gap <= 1 && f.surnameUses >= 2);
      if (!best || score > best.score) {
        if (best) second = Math.max(second, best.score);
        best = { f, score, evidence };
      } else second = Math.max(second, score);
    }
    if (!best || !best.evidence) return undefined;
    if (second > -Infinity && best.score - second < MARGIN) return undefined;
    return best.f.key;
  }

  /**
   * A surname's candidate full names with the part of their join score fixed after pass 1, highest
   * first (made once per surname: a common surname of a full corpus has thousands of full names).
   */
  private rankedCandidates(surname: string): RankedName[] | undefined {
    const known = this.ranked.get(surname);
    if (known) return known;
    const cands = this.bySurname.get(surname);
    if (!cands) return undefined;
    const list = ranked(cands);
    this.ranked.set(surname, list);
    return list;
  }
}

/** Candidates with the fixed part of their join score, highest first. */
function ranked(cands: readonly FullName[]): RankedName[] {
  const ranked = cands.map((f) => {
    const [cables, spread, uses] = [
      Math.log2(1 + f.cables),
      Math.log2(1 + f.countries.size),
      0.5 * Math.log2(1 + f.surnameUses),
    ];
    return { f, cables, spread, uses, attested: cables + spread + uses };
  });
  ranked.sort((x, y) => y.attested - x.attested);
  return ranked;
}

/**
 * "Barak Obama"/"Barack Obama", "Nuri"/"Nouri al-Maliki": same surname and word count, first names one
 * edit apart (4+ letters), other words equal; or the first names one given name and its nickname
 * ("Bill"/"William Burns", "Tom"/"Thomas Shannon").
 */
function sameNameSpelledOtherwise(kept: FullName, f: FullName): boolean {
  const a = kept.key.split(' ');
  const b = f.key.split(' ');
  if (a.length !== b.length || a.length < 2) return false;
  for (let k = 1; k < a.length; k++) if (a[k] !== b[k]) return false;
  const [x, y] = [a[0], b[0]];
  if (x === y) return false;
  if (formalName(x) === formalName(y)) return overlapping(kept, f);
  if (Math.min(x.length, y.length) < 4 || x[0] !== y[0]) return false;
  return overlapping(kept, f) && editDistance(x, y, 1) <= 1;
}

/**
 * English given names and their common nicknames (general usage): the cables write "Tom Shannon"
 * and "Thomas A. Shannon", "Bill Burns" and "William J. Burns", "Jim Jones" and "James L. Jones".
 * Only nicknames of one name ("Ted", "Pat", "Alex" stand for several, or for women's names too).
 */
const NICKNAMES = new Map<string, string>(
  (
    'tom:thomas tommy:thomas bill:william billy:william will:william bob:robert bobby:robert rob:robert ' +
    'dick:richard rick:richard rich:richard jim:james jimmy:james mike:michael nick:nicholas dave:david ' +
    'dan:daniel danny:daniel joe:joseph chris:christopher tony:anthony ed:edward eddie:edward ken:kenneth ' +
    'larry:lawrence ben:benjamin andy:andrew matt:matthew greg:gregory jeff:jeffrey fred:frederick ' +
    'charlie:charles chuck:charles hank:henry harry:henry pete:peter phil:philip ron:ronald don:donald ' +
    'doug:douglas walt:walter tim:timothy stan:stanley vince:vincent liz:elizabeth beth:elizabeth ' +
    'kathy:katherine cathy:catherine sue:susan peggy:margaret maggie:margaret jenny:jennifer becky:rebecca'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);
/** A given name as its formal form ("bill" → "william"). */
const formalName = (w: string): string => NICKNAMES.get(w) ?? w;
/** A full name's given name in its formal form, past a leading initial ("r nicholas burns" → "nicholas"). */
const givenOf = (words: readonly string[]): string =>
  formalName(words[0].length === 1 && words.length > 2 ? words[1] : words[0]);

/** Particles of names written by descent ("bin", "al", "ibn", "abu"): a tail of such a name may be the father's. */
const PARTICLES = new Set(['al', 'el', 'bin', 'ben', 'ibn', 'bint', 'abu', 'ould', 'wa']);

/** Particles of names, never a name alone ("da" of "Lula da Silva"). */
const NAME_PARTICLES = new Set([
  ...PARTICLES,
  ...'de da do dos das del della la le van von der den di du y e mc st jr sr ii iii'.split(' '),
]);

/** Shortest surname a vowel's spelling may join to another (see joinSurnameVariants). */
const VARIANT_MIN_LENGTH = 8;

/** A surname with its vowels blanked: spellings one vowel apart share it. */
function vowelSkeleton(s: string): string {
  return s.replace(/[aeiou]/g, '*');
}

/** Same length, one position different (with equal skeletons: one vowel for another). */
function oneCharApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let k = 0; k < a.length && diff < 2; k++) if (a[k] !== b[k]) diff++;
  return diff === 1;
}

/** Full names by a key of their words, each bucket in the list's order. */
function bucketed(list: readonly FullName[], keyOf: (words: string[]) => string): Map<string, FullName[]> {
  const buckets = new Map<string, FullName[]>();
  for (const f of list) {
    const key = keyOf(f.key.split(' '));
    const bucket = buckets.get(key);
    if (bucket) bucket.push(f);
    else buckets.set(key, [f]);
  }
  return buckets;
}

/** What two spellings of one name share (see sameNameSpelledOtherwise): word count, the words after the first, the first letter (of the formal given name). */
function spellingShape(key: string): string {
  const words = key.split(' ');
  return `${words.length}|${words.slice(1).join(' ')}|${formalName(words[0])[0] ?? ''}`;
}

/** Years apart would be two people: the cables of both are within four years, or a date is unknown. */
function overlapping(a: FullName, b: FullName): boolean {
  return !a.minYear || !b.minYear || !(b.maxYear < a.minYear - MAX_YEAR_GAP || b.minYear > a.maxYear + MAX_YEAR_GAP);
}

/**
 * Whether the longer name holds the shorter: same first and last words, the shorter's words in order
 * in it. The first words may be a given name and its nickname ("Tom Shannon" in "Thomas A. Shannon"),
 * and the longer may open with an initial the shorter leaves out ("Nicholas Burns" in "R. Nicholas Burns").
 */
function holds(longer: string, shorter: string): boolean {
  let l = longer.split(' ');
  const s = shorter.split(' ');
  if (l.length <= s.length || l[l.length - 1] !== s[s.length - 1]) return false;
  if (l[0].length === 1 && s[0].length > 1) l = l.slice(1);
  // (not a tail: "Muammar al-Qadhafi" is not "Aisha Muammar al-Qadhafi", his daughter)
  if (l[0] !== s[0] && formalName(l[0]) !== formalName(s[0])) return false;
  let k = 1;
  for (let j = 1; j < l.length; j++) if (l[j] === s[k]) k++;
  return k === s.length;
}

function mergeInto(into: FullName, f: FullName): void {
  into.cables += f.cables;
  into.royal |= f.royal;
  into.kinCables += f.kinCables;
  into.surnameUses += f.surnameUses;
  for (const [cc, n] of f.countries) into.countries.set(cc, (into.countries.get(cc) ?? 0) + n);
  if (f.minYear) {
    into.minYear = into.minYear ? Math.min(into.minYear, f.minYear) : f.minYear;
    into.maxYear = Math.max(into.maxYear, f.maxYear);
  }
}
