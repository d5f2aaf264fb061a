// Organizations named only by their acronym in some cables and spelled out in others, joined across the corpus.

/** An acronym as a surface: capitals only, 2–6 of them ("GCC", "ISI"; not "P5+1", not "MoD"). */
const ACRONYM = /^[A-Z]{2,6}$/;
/** How many times the cables of the other claimants together one spelled-out name needs to keep an acronym. */
const DOMINANT = 3;
/** In how many cables a name must write an acronym that is not its English initials to claim it ("Socialist Party (PSOE)"). */
const LOOSE_CABLES = 2;
/** Words that tell no body from another ("Party of the Regions"): the name's other words do. */
const SMALL_WORDS = new Set([
  'of',
  'the',
  'and',
  'for',
  'de',
  'del',
  'la',
  'el',
  'los',
  'las',
  'des',
  'du',
  'der',
  'die',
]);

/** Words every kind of body is named with: two names that share only these may be two bodies. */
const INSTITUTION_WORDS = new Set([
  'government',
  'ministry',
  'party',
  'council',
  'department',
  'office',
  'bureau',
  'agency',
  'committee',
  'commission',
  'union',
  'organization',
  'authority',
  'assembly',
]);

interface Named {
  key: string;
  display: string;
}

/**
 * Which spelled-out organization an acronym stands for across the corpus. A cable that writes
 * "Gulf Cooperation Council (GCC)" gives the spelled-out entity the acronym as its alias; a cable
 * that writes only "GCC" made an entity of its own (22 cables beside 10 on the shared corpus). An
 * acronym that is the initials of exactly one spelled-out organization the corpus gives it to is
 * one entity with it, under the form more cables use ("NATO" keeps its name and id; "Gulf
 * Cooperation Council" joins "GCC"); an acronym two bodies claim ("PA") stays as it is written,
 * unless one of them claims it in at least DOMINANT times as many cables as all the others together
 * (a tagger slip, "Christian Democrat/Social Union (CDU/CSU)" read as "... (CDU)" in one cable, must
 * not keep "CDU" from the "Christian Democratic Union" ten cables spell out).
 *
 * An acronym in another language or word order ("Socialist Party (PSOE)", "Revolutionary Armed
 * Forces of Colombia (FARC)") claims too, when the name writes it beside it in LOOSE_CABLES cables
 * or more and writes no other such acronym (a name every country has, "Democratic Party", is
 * written beside PD, DP and DS: none of them is its); unless the names it is the initials of then
 * lose the DOMINANT share they held alone. Names that claim one acronym and are one body by their
 * words (`sameBody`: "Popular Party" and "Partido Popular" for PP, "Islamic" and "Iranian
 * Revolutionary Guard Corps" for IRGC) claim it together, and all join.
 *
 * Fed with every cable's organizations (pass 1: `add`), then with each cable's organization keys
 * again (`countCable`: a spelled-out name's cables, not only those that write the acronym), settled,
 * then read (pass 2).
 */
export class AcronymIndex {
  /** Acronym key → the spelled-out organizations' keys that wrote it beside them → in how many cables. */
  private readonly claims = new Map<string, Map<string, number>>();
  /** Name key → the acronyms it wrote beside it that are not its English initials. */
  private readonly looseOf = new Map<string, Set<string>>();
  /** `acronym|name key` → the cable it was last written in (a corpus may hold a cable twice). */
  private readonly lastCable = new Map<string, string>();
  /** `acronym|name key` → the countries of the cables that wrote it (their first) → how many. */
  private readonly countries = new Map<string, Map<string, number>>();
  /** Cables per key, of the acronyms (`add`) and of the spelled-out names that claim one (`countCable`). */
  private readonly cables = new Map<string, number>();
  /** The spelled-out names that wrote an acronym beside them in some cable. */
  private readonly claimants = new Set<string>();
  /** Display names (as first seen) of those keys. */
  private readonly displays = new Map<string, string>();
  private readonly renamed = new Map<string, Named>();
  /** Acronym key → the countries of the cables that write it (the first of each cable's countries). */
  private readonly written = new Map<string, Set<string>>();
  /** A name that is not the initials of the acronym it joins → the countries in whose cables it joins: those that write the acronym. */
  private readonly joinsWithin = new Map<string, Set<string>>();

  /**
   * One cable's organization (`key`, `display`) and the surfaces the cable wrote it as. An
   * acronym (a key without a space, written in capitals) is counted; a name in words claims the
   * acronyms its surfaces write (its cables are counted by `countCable`). `cable` (its id) counts a
   * cable the corpus holds twice once.
   */
  add(
    key: string,
    display: string,
    surfaces: Iterable<string>,
    initials: (name: string) => string,
    norm: (s: string) => string,
    cable = '',
    country = '',
  ): void {
    if (!key.includes(' ')) {
      if (!ACRONYM.test(display)) return;
      this.count(key, display);
      this.writtenIn(key, country);
      // a name the cable joined to the acronym ("the Foreign Office" of a cable that writes FCO) claims it too
      for (const surface of surfaces)
        if (/\s/.test(surface) && /^[A-Z]/.test(surface))
          this.claim(key, norm(surface), surface, initials(surface) !== display, cable, country);
      return;
    }
    let own: string | undefined;
    for (const surface of surfaces) {
      if (!ACRONYM.test(surface)) continue;
      own ??= initials(display.replace(/\s*\([^()]*\)$/, ''));
      const acronym = norm(surface);
      this.writtenIn(acronym, country);
      this.claim(acronym, key, display, own !== surface, cable, country);
    }
  }

  /** A name (`key`) written beside an acronym, or joined to it, in one cable: `loose` when the acronym is not its English initials. */
  private claim(acronym: string, key: string, display: string, loose: boolean, cable: string, country: string): void {
    if (loose) {
      let of = this.looseOf.get(key);
      if (!of) this.looseOf.set(key, (of = new Set()));
      of.add(acronym);
    }
    const seen = `${acronym}|${key}`;
    if (cable && this.lastCable.get(seen) === cable) return;
    this.lastCable.set(seen, cable);
    if (country) {
      let where = this.countries.get(seen);
      if (!where) this.countries.set(seen, (where = new Map<string, number>()));
      where.set(country, (where.get(country) ?? 0) + 1);
    }
    let by = this.claims.get(acronym);
    if (!by) this.claims.set(acronym, (by = new Map<string, number>()));
    by.set(key, (by.get(key) ?? 0) + 1);
    this.claimants.add(key);
    if (!this.displays.has(key)) this.displays.set(key, display);
  }

  private writtenIn(acronym: string, country: string): void {
    let where = this.written.get(acronym);
    if (!where) this.written.set(acronym, (where = new Set()));
    where.add(country);
  }

  /**
   * One cable's organization key, after every cable was added: a spelled-out name that claims an
   * acronym is counted in each of its cables, so that "the form more cables use" compares all the
   * cables of both forms (a name spelled out in 30 cables, 5 of them with the acronym, outweighs
   * the acronym alone in 25).
   */
  countCable(key: string): void {
    if (this.claimants.has(key)) this.cables.set(key, (this.cables.get(key) ?? 0) + 1);
  }

  /** After every cable was added and counted: each acronym and the body that claims it go under the form more cables use. */
  settle(): void {
    for (const [acronym, all] of this.claims) {
      const by = new Map([...all].filter(([key, n]) => this.claimsBy(key, acronym, n)));
      const same = (a: string, b: string) =>
        sameBody(
          this.displays.get(a) ?? a,
          this.displays.get(b) ?? b,
          this.countryOf(acronym, a) === this.countryOf(acronym, b),
        );
      // the names it is the initials of, as before, when the names it is not of do not outweigh them
      const body =
        dominantBody(by, same) ??
        dominantBody(new Map([...by].filter(([key]) => !this.looseOf.get(key)?.has(acronym))), same);
      if (!body) continue;
      const forms = this.cables.has(acronym) ? [acronym, ...body] : body;
      if (forms.length < 2) continue;
      // the acronym first: it keeps the entity when as many cables write it
      let into = forms[0];
      for (const f of forms) if ((this.cables.get(f) ?? 0) > (this.cables.get(into) ?? 0)) into = f;
      for (const f of forms) {
        if (f === into) continue;
        this.renamed.set(f, { key: into, display: this.displays.get(into)! });
        // "Foreign Office" is the FCO where cables write FCO, not in Berlin
        if (this.looseOf.get(f)?.has(acronym)) this.joinsWithin.set(f, this.written.get(acronym) ?? new Set());
      }
    }
  }

  /**
   * The entity an organization keyed `key` joins (key and display), if another one; in a cable of
   * `country` (its first), if given: a name joins an acronym that is not its initials only in the
   * countries whose cables write the acronym.
   */
  joins(key: string, country?: string): Named | undefined {
    let to: Named | undefined;
    // a name that joined a body that joined another (two acronyms of one party): the last one
    for (let from = key, hops = 0; hops < 4; hops++) {
      const next = this.renamed.get(from);
      if (!next || next.key === key) break;
      const within = this.joinsWithin.get(from);
      if (within && country !== undefined && !within.has(country)) break;
      to = next;
      from = next.key;
    }
    return to;
  }

  /** Whether a name claims an acronym it wrote beside it in `n` cables: its initials, or another of its names. */
  private claimsBy(key: string, acronym: string, n: number): boolean {
    const loose = this.looseOf.get(key);
    if (!loose?.has(acronym)) return true;
    return n >= LOOSE_CABLES && loose.size === 1;
  }

  /** The country most of the cables that write `key` beside `acronym` are of ('' if none). */
  private countryOf(acronym: string, key: string): string {
    let best = '';
    let most = 0;
    for (const [c, n] of this.countries.get(`${acronym}|${key}`) ?? []) if (n > most) [best, most] = [c, n];
    return best;
  }

  private count(key: string, display: string): void {
    this.cables.set(key, (this.cables.get(key) ?? 0) + 1);
    if (!this.displays.has(key)) this.displays.set(key, display);
  }
}

/**
 * The claimants that are the one body an acronym stands for: the most frequent claimant and those of
 * two cables or more that share its words, if together they claim it in DOMINANT times the cables
 * of all the others.
 */
function dominantBody(by: Map<string, number>, same: (a: string, b: string) => boolean): string[] | undefined {
  let top: string | undefined;
  let topCount = 0;
  let total = 0;
  for (const [key, n] of by) {
    total += n;
    if (n > topCount) [top, topCount] = [key, n];
  }
  if (!top) return undefined;
  const body = [top];
  let count = topCount;
  for (const [key, n] of by)
    if (key !== top && same(top, key)) {
      body.push(key);
      count += n;
    }
  return count >= DOMINANT * (total - count) ? body : undefined;
}

/**
 * Whether two names that claim one acronym are one body: not two countries' ("Ministry of Defense
 * (Spain)", "... (Afghanistan)") nor a part the other names whole ("Front Office of the Bureau of
 * Near Eastern Affairs"); and either one word told apart in names of four words or more ("Islamic"
 * and "Iranian Revolutionary Guard Corps"), of three in cables of one country ("Israel" and "Israeli
 * Defense Forces"; not Iraq's and Lebanon's "Internal Security Forces"), or, written in cables of one country, half the telling
 * words of the shorter in the other ("Popular Party", "Partido Popular"; not "Afghan National
 * Police", "Awami National Party"; not "Government of Iran", "Government of Iraq").
 */
function sameBody(a: string, b: string, sameCountry: boolean): boolean {
  const qa = /\(([^()]*)\)$/.exec(a)?.[1];
  const qb = /\(([^()]*)\)$/.exec(b)?.[1];
  if (qa && qb && qa !== qb) return false;
  const wa = words(a);
  const wb = words(b);
  if (partOf(wa, wb) || partOf(wb, wa)) return false;
  const [short, long] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  const shared = [...short].filter((w) => long.has(w)).length;
  if (short.size === long.size && shared === short.size - 1 && short.size >= (sameCountry ? 3 : 4)) return true;
  if (!sameCountry) return false;
  const ta = [...short].filter((w) => !INSTITUTION_WORDS.has(w));
  const telling = ta.filter((w) => long.has(w)).length;
  return telling > 0 && 2 * telling >= ta.length;
}

/** Whether the words of `a` are all in `b` and `b` adds an institution's word: `b` names a part of `a`. */
function partOf(a: Set<string>, b: Set<string>): boolean {
  for (const w of a) if (!b.has(w)) return false;
  for (const w of b) if (!a.has(w) && INSTITUTION_WORDS.has(w)) return true;
  return false;
}

/** A name's words, lower case, small words left out, its qualifier's too ("Socialist Party (Spain)": socialist, party, spain). */
function words(name: string): Set<string> {
  return new Set(
    name
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((w) => w && !SMALL_WORDS.has(w)),
  );
}
