import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CablegraphError } from '../../src/common/diagnostics';
import { createExtractor } from '../../src/extract';
import { CoreNlpExtractor } from '../../src/extract/corenlp';
import { readCableText } from '../../src/ingest';
import { parseCable } from '../../src/parse';
import type { Cable } from '../../src/parse/types';
import { makeCable } from './helpers';
import { ENTITY_TYPES, type Mention } from '../../src/model';

/*
 * Runs against a real CoreNLP server (bash scripts/corenlp-fetch.sh && bash scripts/corenlp-start.sh).
 * Not up: the live tests fail under CI (which starts it) and are skipped locally.
 */
const SHARED = path.resolve(__dirname, '../../../shared');
const URL = (process.env.CORENLP_URL ?? 'http://localhost:9000').replace(/\/+$/, '');

/** Synchronous probe, so that the live tests can be skipped at collection time. */
function serverUp(): boolean {
  try {
    execFileSync(
      process.execPath,
      [
        '-e',
        `fetch(${JSON.stringify(`${URL}/ready`)}, { signal: AbortSignal.timeout(3000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`,
      ],
      { stdio: 'ignore', timeout: 10000 },
    );
    return true;
  } catch {
    return false;
  }
}
const UP = serverUp();
if (!UP && !process.env.CI) {
  console.log(
    `corenlp tests skipped: no CoreNLP server at ${URL} (start one with: bash scripts/corenlp-fetch.sh && bash scripts/corenlp-start.sh)`,
  );
}

const seedFile = path.join(SHARED, 'seeds', '002_d07167338e538831.txt');
const seed002 = (): Cable => parseCable(readCableText(readFileSync(seedFile, 'utf8'), 'annotated', seedFile));
const names = (ms: Mention[]) => new Set(ms.map((m) => `${m.type}:${m.text}`));

function expectValid(cable: Cable, ms: Mention[]) {
  for (const m of ms) {
    expect(cable.text.slice(m.start, m.end)).toBe(m.text);
    expect(ENTITY_TYPES).toContain(m.type);
    expect(m.start).toBeLessThan(m.end);
  }
  const starts = ms.map((m) => m.start);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
}

describe('corenlp extractor (no server needed)', () => {
  it('fails with EXTRACTOR_UNAVAILABLE and a one-line hint when the server is unreachable', async () => {
    const x = new CoreNlpExtractor({ url: 'http://127.0.0.1:1' });
    const err = await x.extract([makeCable('X', '1. Kouchner visited Iraq.')]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CablegraphError);
    expect((err as CablegraphError).code).toBe('EXTRACTOR_UNAVAILABLE');
    expect((err as Error).message).toContain('scripts/corenlp-start.sh');
    expect((err as Error).message).toContain('http://127.0.0.1:1');
    expect((err as Error).message).not.toContain('\n');
  });

  it('is built by createExtractor with its options, and checks them', () => {
    const x = createExtractor('corenlp', {
      corenlp: { url: 'http://example.test:9001/', batchChars: 5000, concurrency: 3 },
    }) as CoreNlpExtractor;
    expect(x.name).toBe('corenlp');
    expect([x.url, x.batchChars, x.concurrency]).toEqual(['http://example.test:9001', 5000, 3]);
    expect(() => new CoreNlpExtractor({ batchChars: -1 })).toThrow(/batchChars/);
    expect(() => new CoreNlpExtractor({ url: 'localhost' })).toThrow(/url/);
  });

  it('sends nothing for no cables or blank texts', async () => {
    const x = new CoreNlpExtractor({ url: 'http://127.0.0.1:1' });
    expect(await x.extract([])).toEqual([]);
    expect(await x.extract([makeCable('E', ''), makeCable('B', ' \n\n ')])).toEqual([[], []]);
  });
});

const live = UP ? describe : process.env.CI ? describe : describe.skip;

live(`corenlp extractor against the server at ${URL}`, () => {
  beforeAll(() => {
    if (!UP)
      throw new Error(
        `no CoreNLP server at ${URL}: CI must start it (bash scripts/corenlp-fetch.sh && bash scripts/corenlp-start.sh)`,
      );
  });

  it('tags seed 002 with exact offsets and paragraph numbers', async () => {
    const cable = seed002();
    const [ms] = await new CoreNlpExtractor().extract([cable]);
    expectValid(cable, ms);
    const got = names(ms);
    for (const e of [
      'PERSON:Kouchner',
      'PERSON:Josiah Rosenblatt',
      'PERSON:Olivier Masseret',
      'PERSON:Sarkozy',
      'PLACE:Iraq',
      'PLACE:France',
      'PLACE:Irbil',
      'PLACE:Washington',
      'ORGANIZATION:MFA',
      'ORGANIZATION:EU',
    ])
      expect(got).toContain(e);
    // header codes and markings are not entities; nationalities (MISC) are not kept
    for (const bad of [
      'ORGANIZATION:PREL',
      'ORGANIZATION:PGOV',
      'ORGANIZATION:SIPDIS',
      'PLACE:DECL',
      'PLACE:French',
      'PLACE:Iraqi',
    ])
      expect(got).not.toContain(bad);
    // the first "Kouchner" of paragraph 1: in "French FM Kouchner's visit"
    const p1 = cable.paragraphs.find((p) => p.number === 1)!;
    const k = ms.find((m) => m.text === 'Kouchner' && m.start >= p1.start)!;
    expect(k).toMatchObject({
      type: 'PERSON',
      start: cable.text.indexOf("Kouchner's visit to Iraq", p1.start),
      paragraph: 1,
    });
    expect(ms.filter((m) => m.start >= p1.start).every((m) => typeof m.paragraph === 'number')).toBe(true);
    expect(new Set(ms.map((m) => m.paragraph))).toEqual(new Set([undefined, 1, 2, 3, 4, 5, 6, 7, 8]));
  });

  it('agrees with the seed annotations (CoNLL PER/ORG/LOC) on most names', async () => {
    const cable = seed002();
    const [ms] = await new CoreNlpExtractor().extract([cable]);
    const mine = new Set(ms.map((m) => `${m.type}@${m.start}`));
    const map = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'PLACE' } as Record<string, string>;
    const seed = (cable.annotations ?? []).filter((a) => map[a.type] && !/^(DECL|PARIS)/.test(a.text));
    expect(seed.length).toBeGreaterThan(40);
    const hit = seed.filter((a) => mine.has(`${map[a.type]}@${a.start}`)).length;
    expect(hit / seed.length).toBeGreaterThan(0.8);
  });

  it('gives the same mentions whether a cable goes in one request or in several, and keeps cable order', async () => {
    const cable = seed002();
    const caps = makeCable(
      '86MADRID1',
      'S E C R E T MADRID 05480\n\nE.O. 12356: DECL: OADR\nTAGS: PTER PINR PREL SP LY\nSUBJECT: QADHAFI RETALIATES\n\n' +
        'REF: A) MADRID 5426, B) MADRID 5425\n\n1. (C) FOREIGN MINISTER FRANCISCO ORDONEZ TOLD THE AMBASSADOR THAT SPAIN WOULD CONSULT NATO ' +
        'ON LIBYA. ORDONEZ SAID MADRID WOULD WAIT.\n\nENDERS\n',
    );
    const short = makeCable('X', '1. (C/NF) Chancellor Angela Merkel met Nicolas Sarkozy in Berlin on Monday.\n');
    const whole = await new CoreNlpExtractor().extract([short, cable, caps]);
    const split = await new CoreNlpExtractor({ batchChars: 3000, concurrency: 3 }).extract([short, cable, caps]);
    expect(split).toEqual(whole);
    expect(whole).toHaveLength(3);
    expectValid(short, whole[0]);
    expectValid(cable, whole[1]);
    expectValid(caps, whole[2]);
    expect(whole[0].map((m) => `${m.type}:${m.text}:${m.paragraph}`)).toEqual([
      'PERSON:Angela Merkel:1',
      'PERSON:Nicolas Sarkozy:1',
      'PLACE:Berlin:1',
    ]);
    // all caps: truecased before tagging; no TAGS codes, no "MADRID 5426" cable numbers
    const got = names(whole[2]);
    for (const e of [
      'PERSON:FRANCISCO ORDONEZ',
      'PERSON:ORDONEZ',
      'PLACE:SPAIN',
      'PLACE:LIBYA',
      'ORGANIZATION:NATO',
      'PERSON:ENDERS',
    ])
      expect(got).toContain(e);
    expect(whole[2].filter((m) => m.start < caps.text.indexOf('1. (C)'))).toEqual([
      expect.objectContaining({ type: 'PERSON', text: 'QADHAFI' }),
    ]);
  });

  it('maps offsets of non-ASCII text (UTF-16 code units, as in JS strings)', async () => {
    const cable = makeCable(
      'U',
      '1. 😀 Ségolène Royal met José Manuel Barroso in Zürich.\r\n\r\n2. 😀😀 Ahmet Davutoğlu visited Diyarbakır.\n',
    );
    const [ms] = await new CoreNlpExtractor().extract([cable]);
    expectValid(cable, ms);
    const got = names(ms);
    for (const e of ['PERSON:José Manuel Barroso', 'PLACE:Zürich', 'PERSON:Ahmet Davutoğlu']) expect(got).toContain(e);
    expect(ms.find((m) => m.text === 'Zürich')).toMatchObject({ start: cable.text.indexOf('Zürich'), paragraph: 1 });
    expect(ms.find((m) => m.text === 'Ahmet Davutoğlu')).toMatchObject({
      start: cable.text.indexOf('Ahmet'),
      paragraph: 2,
    });
  });
});
