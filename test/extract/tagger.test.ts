import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  TaggerExtractor,
  addTitleDepartments,
  extendGroupCounts,
  mentionsOf,
  retypeCompanyShortNames,
  splitPortfolioFromPerson,
  taggerInput,
} from '../../src/extract/tagger';
import type { Mention } from '../../src/model';
import { BuiltinExtractor } from '../../src/extract/builtin';
import { TAGS, nameRuns } from '../../src/extract/tagger/features';
import { Perceptron, PerceptronTrainer, allowed } from '../../src/extract/tagger/perceptron';
import { shapeOf, tokenizeForTagger } from '../../src/extract/tagger/tokens';
import { USAGE_COUNTS, usageBitsOf, usageOf } from '../../src/extract/tagger/usage';
import { makeCable } from './helpers';

describe('tagger tokens', () => {
  it('keeps offsets, splits a possessive and trailing dots, and marks subject and header lines', () => {
    const text = "SUBJECT: KOUCHNER MEETS EUR/WE\n\n1. (C) Kouchner's aide met Mr. Levitte.";
    const { tokens, lines } = tokenizeForTagger(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toEqual([
      'SUBJECT',
      ':',
      'KOUCHNER',
      'MEETS',
      'EUR',
      '/',
      'WE',
      '1',
      '.',
      '(',
      'C',
      ')',
      'Kouchner',
      "'s",
      'aide',
      'met',
      'Mr.',
      'Levitte',
      '.',
    ]);
    expect(lines[0]).toEqual({ caps: true, subject: true, header: true });
    expect(lines[2]).toEqual({ caps: false, subject: false, header: false });
    expect(shapeOf('Kouchner')).toBe('Xx');
    expect(shapeOf('EUR')).toBe('X');
    expect(shapeOf('G-8')).toBe('X-d');
  });
});

describe('tagger tokens of hyphenated words', () => {
  it('splits hyphenated words and the Q-for-apostrophe possessive into parts, offsets kept', () => {
    const text = 'Dubai-based Jean-David Levitte met MugabeQs envoy on U.S.-Iran talks.';
    const { tokens } = tokenizeForTagger(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toEqual([
      'Dubai',
      '-',
      'based',
      'Jean',
      '-',
      'David',
      'Levitte',
      'met',
      'Mugabe',
      'Qs',
      'envoy',
      'on',
      'U.S.',
      '-',
      'Iran',
      'talks',
      '.',
    ]);
  });

  it('leaves out of scoring tokens with no capital within two tokens and no rule label, and lower-case words that join no name', () => {
    const cable = makeCable('07PARIS9', 'the talks went on and on without end. Later Kouchner of France spoke.');
    const input = taggerInput(cable, new BuiltinExtractor());
    const outside = input.tokens.filter((_t, i) => input.outside[i]).map((t) => t.text);
    // "of" joins two capitalized words: scored; "end" and "spoke" are next to capitals but join nothing
    expect(outside).toEqual(['the', 'talks', 'went', 'on', 'and', 'on', 'without', 'end', '.', 'spoke', '.']);
  });

  it('never scores paragraph classification markings or handling words, but the same names outside them', () => {
    const cable = makeCable(
      '07PARIS9',
      'SIPDIS\n\n1. (C/REL NATO) NATO allies met. 2. (S//NF) Karzai spoke (FM) today.',
    );
    const input = taggerInput(cable, new BuiltinExtractor());
    const scored = (w: string, nth = 0) => input.outside[input.tokens.map((t) => t.text).indexOf(w, nth)] === 0;
    const at = (w: string, nth: number) => input.tokens.findIndex((t, i) => t.text === w && i >= nth);
    expect(input.outside[at('SIPDIS', 0)]).toBe(1);
    for (const w of ['C', 'REL', 'S', 'NF']) expect(scored(w)).toBe(false);
    expect(input.outside[at('NATO', 0)]).toBe(1);
    // the NATO after the marking, Karzai and an acronym in parentheses are scored
    expect(input.outside[at('NATO', at('NATO', 0) + 1)]).toBe(0);
    expect(scored('Karzai')).toBe(true);
    expect(scored('FM')).toBe(true);
  });

  it('keeps scoring the lower-case parts of names: particles between capitals, head nouns after one, parts of one word', () => {
    const cable = makeCable(
      '07PARIS8',
      'Officials said the Bush administration and al-Qaida met at Incirlik air base near Abu Bakr al Baghdadi.',
    );
    const input = taggerInput(cable, new BuiltinExtractor());
    const scored = new Set(input.tokens.filter((_t, i) => !input.outside[i]).map((t) => t.text));
    for (const w of ['administration', 'al', 'base', 'Baghdadi']) expect(scored.has(w)).toBe(true);
    for (const w of ['said', 'met', 'near']) expect(scored.has(w)).toBe(false);
  });

  it('scores lower-case words next to capitals in a cable that writes its names in lower case', () => {
    const text = `${'we met officials there and they said nothing new about it. '.repeat(6)}kouchner visited Paris today.`;
    const input = taggerInput(makeCable('07PARIS7', text), new BuiltinExtractor());
    const scored = input.tokens.filter((_t, i) => !input.outside[i]).map((t) => t.text);
    expect(scored).toEqual(['kouchner', 'visited', 'Paris', 'today', '.']);
  });
});

describe('tagger span features', () => {
  const runsOf = (text: string) => {
    const { tokens, lines } = tokenizeForTagger(text);
    const runs = nameRuns(tokens, lines, new Uint32Array(tokens.length));
    /** The index of the `nth` token written `w`. */
    const at = (w: string, nth = 0) => tokens.map((t, i) => [t.text, i] as const).filter(([t]) => t === w)[nth][1];
    return { runs, at };
  };

  it('marks an acronym in parentheses spelled by the words before it, function words spelled or skipped', () => {
    const { runs, at } = runsOf(
      'He met the Ministry of Foreign Affairs (MOFA), then the NATIONAL BANK OF UKRAINE (NBU), the Foreign Ministry (MFA) and Hamas (FM).',
    );
    const role = (w: string, nth = 0) => runs.acronym[at(w, nth)];
    expect([role('MOFA'), role('Ministry'), role('of'), role('Affairs'), role('the')]).toEqual([1, 2, 3, 3, 0]);
    expect([role('NBU'), role('NATIONAL'), role('UKRAINE')]).toEqual([1, 2, 3]);
    // "Foreign Ministry" does not spell MFA: an acronym that spells nothing before it, no expansion
    expect([role('MFA'), role('Foreign', 1), role('Ministry', 1)]).toEqual([4, 0, 0]);
    expect([role('FM'), role('Hamas')]).toEqual([4, 0]);
  });

  it('gives the words of a capitalized run its first and last words as context; none to lower-case words or all-caps lines', () => {
    const long = runsOf('SUBJECT: PARTY NEWS\nofficials of the Socialist Party of France met Jean-Marc Ayrault.');
    const short = runsOf('officials of the Socialist Party met Jean-Marc Ayrault.');
    // "of" between capitals joins the run: "Socialist" is first in a run ending in France, not in Party
    expect(long.runs.last[long.at('of', 1)]).not.toBe(0);
    expect(long.runs.last[long.at('Socialist')]).not.toBe(short.runs.last[short.at('Socialist')]);
    // the same first word and the same length give the same `first` context at the same place in the run
    expect(long.runs.first[long.at('Jean')]).toBe(short.runs.first[short.at('Jean')]);
    expect(long.runs.first[long.at('Jean')]).not.toBe(long.runs.first[long.at('Ayrault')]);
    for (const w of ['officials', 'the', 'met', 'PARTY', 'NEWS']) expect(long.runs.last[long.at(w)]).toBe(0);
  });
});

describe('corpus usage of capitalized words', () => {
  const counts = (c: Partial<Record<(typeof USAGE_COUNTS)[number], number>>) => USAGE_COUNTS.map((k) => c[k] ?? 0);
  it('turns context counts into bits by share, so a rare word and a frequent one compare', () => {
    expect(usageBitsOf(counts({ seen: 10, plural: 3, article: 2 }))).toBe(1 | 2);
    // two plurals in 100 uses is under 5%: no plural bit; 100 uses is frequent
    expect(usageBitsOf(counts({ seen: 100, plural: 2 }))).toBe(64);
    expect(usageBitsOf(counts({ seen: 8, person: 4 }))).toBe(4);
    expect(usageBitsOf(counts({ seen: 5, org: 1 }))).toBe(0);
    expect(usageBitsOf(counts({ seen: 2, slash: 6 }))).toBe(16);
  });

  it('reads the committed table: PRT a plural common noun spelled out as a team, EUR an office symbol, Karzai after titles', () => {
    const prt = usageOf('prt');
    expect(prt.bits & (1 | 2)).toBe(1 | 2);
    expect(prt.head).toBe('team');
    expect(usageOf('eur').bits & 16).toBe(16);
    expect(usageOf('karzai').bits & 4).toBe(4);
    expect(usageOf('karzai').bits & 16).toBe(0);
    expect(usageOf('no-such-word-xyz')).toEqual({ bits: 0, rule: 0, head: '' });
  });
});

describe('BIO decoding', () => {
  it('lets I-X follow only B-X or I-X, and reads mentions off the tags', () => {
    expect(allowed(TAGS.indexOf('B-PERSON'), TAGS.indexOf('I-PERSON'))).toBe(true);
    expect(allowed(TAGS.indexOf('B-PLACE'), TAGS.indexOf('I-PERSON'))).toBe(false);
    expect(allowed(0, TAGS.indexOf('I-PLACE'))).toBe(false);
    const cable = makeCable('07PARIS1', 'Bernard Kouchner visited Paris.');
    const { tokens } = tokenizeForTagger(cable.text);
    const tags = Uint8Array.from(
      ['B-PERSON', 'I-PERSON', 'O', 'B-PLACE', 'O'].map((t) => TAGS.indexOf(t as (typeof TAGS)[number])),
    );
    expect(mentionsOf(cable, tokens, tags)).toEqual([
      { type: 'PERSON', text: 'Bernard Kouchner', start: 0, end: 16 },
      { type: 'PLACE', text: 'Paris', start: 25, end: 30 },
    ]);
  });

  it('trims the punctuation a span takes in at its ends, and drops the markings', () => {
    const text = 'Missions in Afghanistan.) He told the P5 1, and U.S.- Iraq talks.\n\nSIPDIS\n\nDEPARTMENT FOR P';
    const cable = makeCable('08OTTAWA918', text);
    const { tokens } = tokenizeForTagger(text);
    const tag = (words: Record<string, string>) =>
      Uint8Array.from(tokens.map((t) => TAGS.indexOf((words[`${t.start}`] ?? 'O') as (typeof TAGS)[number])));
    const at = (s: string, from = 0) => `${tokens.find((t) => t.start >= text.indexOf(s, from))!.start}`;
    const dot = text.indexOf('.)');
    const tags = tag({
      [at('Afghanistan')]: 'B-PLACE',
      [`${dot}`]: 'I-PLACE',
      [at('P5')]: 'B-ORGANIZATION',
      [at('1,')]: 'I-ORGANIZATION',
      [at('U.S')]: 'B-PLACE',
      [at('.- Iraq')]: 'I-PLACE',
      [at('SIPDIS')]: 'B-ORGANIZATION',
      [at('DEPARTMENT')]: 'B-ORGANIZATION',
      [at('P', text.indexOf('FOR'))]: 'B-ORGANIZATION',
    });
    // the "." of "Afghanistan." is a token of its own, as is ".-"; "1," is one number token
    expect(tokens.map((t) => t.text)).toEqual(expect.arrayContaining(['Afghanistan', '.', '1,', 'U.S', '.-']));
    expect(mentionsOf(cable, tokens, tags).map((m) => [m.type, m.text, text.slice(m.start, m.end)])).toEqual([
      ['PLACE', 'Afghanistan', 'Afghanistan'],
      ['ORGANIZATION', 'P5 1', 'P5 1'],
      ['PLACE', 'U.S', 'U.S'],
      ['ORGANIZATION', 'DEPARTMENT', 'DEPARTMENT'],
      ['ORGANIZATION', 'P', 'P'],
    ]);
  });
});

describe('the averaged perceptron', () => {
  const rules = new BuiltinExtractor();
  const cable = makeCable('07PARIS2', 'Ambassador Stapleton met Zorbanian in Paris. Zorbanian said nothing.');
  const input = taggerInput(cable, rules);
  const gold = new Uint8Array(input.tokens.length);
  input.tokens.forEach((t, i) => {
    if (t.text === 'Zorbanian' || t.text === 'Stapleton') gold[i] = TAGS.indexOf('B-PERSON');
    if (t.text === 'Paris') gold[i] = TAGS.indexOf('B-PLACE');
  });

  it('learns a cable it is trained on, the same weights on every run, and survives serialization', () => {
    const train = () => {
      const tr = new PerceptronTrainer();
      for (let e = 0; e < 5; e++) tr.train(input, gold);
      return tr.averaged();
    };
    const model = train();
    expect(Array.from(model.decode(input))).toEqual(Array.from(gold));
    const again = train();
    expect(Buffer.compare(model.serialize(), again.serialize())).toBe(0);
    const reloaded = Perceptron.deserialize(model.serialize());
    expect(Array.from(reloaded.decode(input))).toEqual(Array.from(gold));
    expect(new TaggerExtractor({ model }).extractOne(cable).map((m) => `${m.type}:${m.text}`)).toEqual([
      'PERSON:Stapleton',
      'PERSON:Zorbanian',
      'PLACE:Paris',
      'PERSON:Zorbanian',
    ]);
  });

  it('refuses a weight file that is not one, naming it', () => {
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tagger-')), 'weights.bin.gz');
    fs.writeFileSync(bad, 'not gzip');
    expect(() => new TaggerExtractor({ weights: bad })).toThrow(
      new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not tagger weights`),
    );
  });

  it('the committed weights tag a cable', () => {
    const c = makeCable(
      '08PARIS3',
      'SUBJECT: FM KOUCHNER ON IRAN\n\n1. (C) Foreign Minister Bernard Kouchner told the Ambassador in Paris that the EU would act.',
    );
    const found = new TaggerExtractor().extractOne(c).map((m) => `${m.type}:${m.text}`);
    expect(found).toEqual(
      expect.arrayContaining(['PERSON:Bernard Kouchner', 'PLACE:Paris', 'ORGANIZATION:EU', 'PLACE:IRAN']),
    );
  });
});

describe('splitPortfolioFromPerson', () => {
  const at = (text: string, type: Mention['type'], s: string): Mention => {
    const start = text.indexOf(s);
    return { type, text: s, start, end: start + s.length };
  };
  it('cuts the officeholder off a portfolio read as one organization after a title', () => {
    const t =
      'Minister of Justice Cicek, Secretary of Defense Robert Gates and Minister of Economic Development Scajola met. Gates said so.';
    const ms = [
      at(t, 'ORGANIZATION', 'Justice Cicek'),
      at(t, 'ORGANIZATION', 'Defense Robert Gates'),
      at(t, 'ORGANIZATION', 'Economic Development Scajola'),
      { type: 'PERSON' as const, text: 'Gates', start: t.lastIndexOf('Gates'), end: t.lastIndexOf('Gates') + 5 },
    ];
    splitPortfolioFromPerson(t, ms);
    expect(ms.map((m) => [m.type, m.text, t.slice(m.start, m.end)])).toEqual([
      ['ORGANIZATION', 'Justice', 'Justice'],
      ['PERSON', 'Cicek', 'Cicek'],
      ['ORGANIZATION', 'Defense', 'Defense'],
      ['PERSON', 'Robert Gates', 'Robert Gates'],
      ['ORGANIZATION', 'Economic Development', 'Economic Development'],
      ['PERSON', 'Scajola', 'Scajola'],
      ['PERSON', 'Gates', 'Gates'],
    ]);
  });
  it('leaves a body alone without a title before it, or whose last word is English or a title', () => {
    const t =
      'The Sanchez de Lozada Administration, the Minister of Public Security and Justice, Minister of Foreign Affairs Shaykh.';
    const ms = [
      at(t, 'ORGANIZATION', 'Sanchez de Lozada Administration'),
      at(t, 'ORGANIZATION', 'Public Security and Justice'),
      at(t, 'ORGANIZATION', 'Foreign Affairs Shaykh'),
    ];
    const before = ms.map((m) => ({ ...m }));
    splitPortfolioFromPerson(t, ms);
    expect(ms).toEqual(before);
  });
});

describe('addTitleDepartments', () => {
  it("adds the department of a US cabinet title or a routing line no mention covers, not a British minister's", () => {
    const t =
      'DEFENSE FOR OSD/POLICY\nSUBJECT: SECRETARY OF DEFENSE VISIT\nSecretary of State Clinton, Undersecretary of Defense Flournoy and the Secretary of State for International Development met the Secretary of\nState.';
    const cable = makeCable('09STATE1', t);
    const at = t.indexOf('Flournoy');
    const ms: Mention[] = [{ type: 'PERSON', text: 'Flournoy', start: at, end: at + 8 }];
    addTitleDepartments(cable, ms);
    expect(ms.map((m) => [m.type, m.text, t.slice(m.start, m.end)])).toEqual([
      ['ORGANIZATION', 'DEFENSE', 'DEFENSE'],
      ['ORGANIZATION', 'DEFENSE', 'DEFENSE'],
      ['ORGANIZATION', 'State', 'State'],
      ['ORGANIZATION', 'Defense', 'Defense'],
      ['PERSON', 'Flournoy', 'Flournoy'],
      ['ORGANIZATION', 'State', 'State'],
    ]);
    expect(ms[0].start).toBe(0);
  });
});

describe('extendGroupCounts', () => {
  it('extends a group of states over the number that enlarges it, and nothing else', () => {
    const t = 'The P5-plus-1, the P5 plus 1, the P5+1, the G8-plus-5 and the P5 in 1995.';
    const ms: Mention[] = [];
    let from = 0;
    for (const s of ['P5-plus', 'P5', 'P5', 'G8-plus', 'P5']) {
      const start = t.indexOf(s, from);
      from = start + s.length + 2;
      ms.push({ type: 'ORGANIZATION', text: s, start, end: start + s.length });
    }
    extendGroupCounts(t, ms);
    expect(ms.map((m) => [m.text, t.slice(m.start, m.end)])).toEqual([
      ['P5-plus-1', 'P5-plus-1'],
      ['P5 plus 1', 'P5 plus 1'],
      ['P5+1', 'P5+1'],
      ['G8-plus-5', 'G8-plus-5'],
      ['P5', 'P5'],
    ]);
  });
});

describe('retypeCompanyShortNames', () => {
  it('types a lone word the cable also names a company by as the company, not a person named with it', () => {
    const mk = (type: Mention['type'], text: string): Mention => ({ type, text, start: 0, end: text.length });
    const ms = [
      mk('ORGANIZATION', 'Tullow Oil'),
      mk('PERSON', 'Tullow'),
      mk('ORGANIZATION', 'Qadhafi Holdings'),
      mk('PERSON', 'Muammar Qadhafi'),
      mk('PERSON', 'Qadhafi'),
      mk('PERSON', 'Smith'),
    ];
    retypeCompanyShortNames(ms);
    expect(ms.map((m) => m.type)).toEqual([
      'ORGANIZATION',
      'ORGANIZATION',
      'ORGANIZATION',
      'PERSON',
      'PERSON',
      'PERSON',
    ]);
  });
});
