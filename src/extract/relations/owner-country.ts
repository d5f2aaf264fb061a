// Whose country a bare title is ("President X", "the Interior Minister"): the one its sentence or paragraph names, else the post's.
/** Whose country a bare title is ("President X", "the Interior Minister"): the one its sentence or paragraph names, else the post's. */
import { sentenceAt, type RelationContext } from './context';
import { countryOf, mayStartCountryPair, type Sentence } from './text';
import { isTitleWord } from './titles';

/** A country (or its people) a sentence names, where, and whether it owns the person or title written right after it. */
interface NamedCountry {
  country: string;
  /** Offset in the cable text. */
  at: number;
  /** "Venezuela's Hugo Chavez", "Colombian President Uribe": the country is theirs, not the sentence's subject. */
  owns: boolean;
  /** After a preposition ("On Iraq,", "a visit to Iran", "relations with Egypt"): a topic or a place, nobody's owner. */
  topic: boolean;
  /** Owns a diplomat or an embassy ("French DCM X", "the Japanese Embassy"): a foreigner at the post, not its subject. */
  envoy: boolean;
}
/** Words before a country that make it a topic or a place rather than the owner of what follows. */
const TOPIC_WORDS = new Set(
  'on to in into with from toward towards about regarding against between at for over of by across and or than via'.split(
    ' ',
  ),
);
/** A unit named after the country it handles ("the MFA's Iran Desk", "Iraq desk officer", "the Afghanistan Division"): a topic. */
const DESK_AFTER = /^\s+(?:[Dd]esk|DESK|Division|Directorate|Department)\b/;
/** A diplomat's title or a mission right after a country ("French DCM", "Japan's Ambassador", "the Saudi Embassy"). */
const ENVOY_AFTER =
  /^(?:['’]s)?\s+(?:\S+\s+)?(?:Ambassador|Amb\.|DCM|Charge|Embassy|Consul|Consulate|diplomat|Counselor|Counsellor|PolCouns|EconCouns|Attache|Poloff|Political|Economic|First|Second|Third|Deputy Chief|Minister[- ]Counsel+or|PermRep|Permanent Representative|Mission|delegation)\b/;
/** Words of a visit or meeting between another country's officeholder and a title: the title is the host's. */
const HOSTED = /\b(?:met|meet|meets|meeting|with|visit\w*|called\s+on|told|hosted|received|receive)\b/i;
/** How many words before a title a country may stand and still be its owner ("Gabon's recently-deceased President Bongo"). */
const OWNER_REACH = 10;

/** The owner a bare title gets when the post's country is not said to be it: one country, none (nobody's for sure). */
export type BareTitleOwner = { country: string } | undefined;

const US = 'United States';
const namedCache = new WeakMap<Sentence, NamedCountry[]>();
const paragraphCache = new WeakMap<Sentence[], Map<number, Set<string>>>();

/**
 * The country of a bare domestic title whose holder the lexicons do not know, read at `titleStart` in the sentence
 * holding `at`:
 * - a country other than the post's and the US named before the title in its sentence, not owning another person or
 *   title, is the title's when it is the only one ("In Rwanda, President Habyarimana"); two of them leave it nobody's;
 * - else the post's country, unless the sentence names none and its paragraph names exactly one other country and
 *   never the post's ("the Cuban triumvirate … Vice President Lage" in a Madrid cable): then that one;
 * - a title after `visiting` is never the post's country's.
 * The US is never read from the context: it is named in most paragraphs of an embassy's cable, and its principals
 * are a lexicon (US_PRINCIPALS, leaders).
 */
export function bareTitleCountry(ctx: RelationContext, at: number, titleStart: number): BareTitleOwner {
  const s = sentenceAt(ctx.sentences, at);
  if (!s) return ctx.home ? { country: ctx.home } : undefined;
  const named = namedIn(ctx, s);
  const foreign = named.filter((n) => n.at < titleStart && !n.owns && n.country !== ctx.home && n.country !== US);
  if (foreign.length) {
    // one country close before the title and not a topic is its owner; any other foreign one makes it nobody's for sure
    const countries = new Set(foreign.map((n) => n.country));
    const near = foreign[foreign.length - 1];
    const words = ctx.cable.text.slice(near.at, titleStart).split(/\s+/).length - 1;
    return countries.size === 1 && !near.topic && words <= OWNER_REACH ? { country: near.country } : undefined;
  }
  // no country named but one other's officeholders, before the title, and never the post's: the title is theirs
  // ("Colombian President Uribe will win again … and former Defense Minister Santos will …" in a Brasilia cable; not
  // after another country's diplomat, who reports on the post's country: "French DCM X said Foreign Minister Y …")
  const owners = named.filter((n) => n.at < titleStart && n.owns && n.country !== US && !n.envoy);
  if (
    owners.length &&
    owners.every((n) => n.country === owners[0].country) &&
    owners[0].country !== ctx.home &&
    !named.some((n) => n.country === ctx.home || (n.envoy && n.at < titleStart)) &&
    // (nor after a visit or meeting the officeholder holds: "Iranian FM Mottaki … will meet with Deputy PM X" is the host)
    !HOSTED.test(ctx.cable.text.slice(owners[owners.length - 1].at, titleStart))
  )
    return { country: owners[0].country };
  const visiting = /\bvisiting\s+(?:\S+\s+){0,3}$/i.test(
    ctx.cable.text.slice(Math.max(s.start, titleStart - 40), titleStart),
  );
  if (!visiting) return ctx.home ? { country: ctx.home } : undefined;
  const inParagraph = s.paragraph === undefined ? undefined : paragraphCountries(ctx, s.paragraph);
  const others = inParagraph ? [...inParagraph].filter((c) => c !== ctx.home && c !== US) : [];
  return others.length === 1 ? { country: others[0] } : undefined;
}

/** Whether the sentence holding `at` names, before `titleStart`, a country other than the post's and the US that owns no person or title. */
export function foreignBefore(ctx: RelationContext, at: number, titleStart: number): boolean {
  const s = sentenceAt(ctx.sentences, at);
  if (!s) return false;
  return namedIn(ctx, s).some((n) => n.at < titleStart && !n.owns && n.country !== ctx.home && n.country !== US);
}

/** The countries every sentence of the paragraph names (owners too: "Colombian President Uribe" says the paragraph is about Colombia). */
function paragraphCountries(ctx: RelationContext, paragraph: number): Set<string> {
  let byParagraph = paragraphCache.get(ctx.sentences);
  if (!byParagraph) {
    byParagraph = new Map();
    paragraphCache.set(ctx.sentences, byParagraph);
  }
  let found = byParagraph.get(paragraph);
  if (!found) {
    found = new Set();
    for (const s of ctx.sentences) if (s.paragraph === paragraph) for (const n of namedIn(ctx, s)) found.add(n.country);
    byParagraph.set(paragraph, found);
  }
  return found;
}

/** The countries and demonyms a sentence names, in order (a capitalized word, or two where a name of two words starts). */
function namedIn(ctx: RelationContext, s: Sentence): NamedCountry[] {
  const cached = namedCache.get(s);
  if (cached) return cached;
  const sentence = ctx.cable.text.slice(s.start, s.end);
  const word = /[A-Z][A-Za-z'’.-]*/g;
  const words: Array<{ w: string; start: number; end: number }> = [];
  for (let m = word.exec(sentence); m; m = word.exec(sentence))
    words.push({ w: m[0].replace(/['’]s$|\.$/g, ''), start: m.index, end: m.index + m[0].length });
  const named: NamedCountry[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const one = words[i];
    const next = words[i + 1];
    const pair = next && mayStartCountryPair(one.w) ? countryOf(`${one.w} ${next.w}`) : undefined;
    const country = pair ?? countryOf(one.w);
    if (country === undefined) continue;
    const end = pair ? next.end : one.end;
    const previous = /(\S+)\s+$/.exec(sentence.slice(Math.max(0, one.start - 20), one.start));
    const topic =
      (previous !== null && TOPIC_WORDS.has(previous[1].toLowerCase())) ||
      DESK_AFTER.test(sentence.slice(end, end + 16));
    const envoy = ENVOY_AFTER.test(sentence.slice(end, end + 40));
    named.push({ country, at: s.start + one.start, owns: ownsNext(ctx, sentence, s.start, end), topic, envoy });
    if (pair) i += 1;
  }
  namedCache.set(s, named);
  return named;
}

/** A country written right before a person or a title is theirs ("Venezuela's Hugo Chavez", "Colombian President Uribe"). */
function ownsNext(ctx: RelationContext, sentence: string, base: number, end: number): boolean {
  const after = /^(?:['’]s)?\s+(\S+)(?:\s+(\S+))?/.exec(sentence.slice(end, end + 60));
  if (!after) return false;
  const at = base + end + after[0].indexOf(after[1]);
  if (ctx.persons.some((p) => p.start === at)) return true;
  return [after[1], after[2] ?? ''].some((w) => isTitleWord(w)) && /^[A-Z]/.test(after[1]);
}
