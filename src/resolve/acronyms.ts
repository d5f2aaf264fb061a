// Organizations named only by their acronym in some cables and spelled out in others, joined across the corpus.

/** An acronym as a surface: capitals only, 2–6 of them ("GCC", "ISI"; not "P5+1", not "MoD"). */
const ACRONYM = /^[A-Z]{2,6}$/;
/** How many times the cables of the other claimants together one spelled-out name needs to keep an acronym. */
const DOMINANT = 3;

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
 * Fed with every cable's organizations (pass 1: `add`), then with each cable's organization keys
 * again (`countCable`: a spelled-out name's cables, not only those that write the acronym), settled,
 * then read (pass 2).
 */
export class AcronymIndex {
  /** Acronym key → the spelled-out organizations' keys that claim it → in how many cables. */
  private readonly claims = new Map<string, Map<string, number>>();
  /** Cables per key, of the acronyms (`add`) and of the spelled-out names that claim one (`countCable`). */
  private readonly cables = new Map<string, number>();
  /** The spelled-out names that claimed an acronym in some cable. */
  private readonly claimants = new Set<string>();
  /** Display names (as first seen) of those keys. */
  private readonly displays = new Map<string, string>();
  private readonly renamed = new Map<string, Named>();

  /**
   * One cable's organization (`key`, `display`) and the surfaces the cable wrote it as. An
   * acronym (a key without a space, written in capitals) is counted; a name in words claims the
   * acronym a surface writes as its initials (its cables are counted by `countCable`).
   */
  add(
    key: string,
    display: string,
    surfaces: Iterable<string>,
    initials: (name: string) => string,
    norm: (s: string) => string,
  ): void {
    if (!key.includes(' ')) {
      if (ACRONYM.test(display)) this.count(key, display);
      return;
    }
    let own: string | undefined;
    let claimed = false;
    for (const surface of surfaces) {
      if (!ACRONYM.test(surface)) continue;
      own ??= initials(display.replace(/\s*\([^()]*\)$/, ''));
      if (own !== surface) continue;
      const acronym = norm(surface);
      let by = this.claims.get(acronym);
      if (!by) this.claims.set(acronym, (by = new Map<string, number>()));
      // once per cable: `surfaces` lists a surface once
      by.set(key, (by.get(key) ?? 0) + 1);
      claimed = true;
    }
    if (claimed) {
      this.claimants.add(key);
      if (!this.displays.has(key)) this.displays.set(key, display);
    }
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

  /** After every cable was added and counted: each acronym with one spelled-out name goes under the form more cables use. */
  settle(): void {
    for (const [acronym, by] of this.claims) {
      const full = dominantClaim(by);
      if (!full || !this.cables.has(acronym)) continue;
      const [from, into] =
        this.cables.get(acronym)! >= (this.cables.get(full) ?? 0) ? [full, acronym] : [acronym, full];
      this.renamed.set(from, { key: into, display: this.displays.get(into)! });
    }
  }

  /** The entity an organization keyed `key` joins (key and display), if another one. */
  joins(key: string): Named | undefined {
    return this.renamed.get(key);
  }

  private count(key: string, display: string): void {
    this.cables.set(key, (this.cables.get(key) ?? 0) + 1);
    if (!this.displays.has(key)) this.displays.set(key, display);
  }
}

/** The spelled-out name that claims an acronym alone or in DOMINANT times the cables of all the others. */
function dominantClaim(by: Map<string, number>): string | undefined {
  let top: string | undefined;
  let topCount = 0;
  let total = 0;
  for (const [key, n] of by) {
    total += n;
    if (n > topCount) [top, topCount] = [key, n];
  }
  return topCount >= DOMINANT * (total - topCount) ? top : undefined;
}
