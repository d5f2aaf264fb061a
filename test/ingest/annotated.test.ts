import * as fs from 'fs';
import * as path from 'path';
import { readAnnotatedText, readCableText } from '../../src/ingest';
import { SHARED } from './helpers';

describe('annotated seed 002', () => {
  const source = fs.readFileSync(path.join(SHARED, 'seeds/002_d07167338e538831.txt'), 'utf8');
  const raw = readCableText(source, 'annotated', '002.txt');
  const annotations = raw.annotations ?? [];

  test('every bracket becomes one annotation whose offsets point at its text in the clean body', () => {
    const brackets = source.match(/\[(?:PER|ORG|LOC|MISC) [^\]]*\]/g) ?? [];
    expect(annotations).toHaveLength(brackets.length);
    for (const a of annotations) expect(raw.body.slice(a.start, a.end)).toBe(a.text);
    expect(raw.body).not.toMatch(/\[(?:PER|ORG|LOC|MISC) /);
  });

  test('types and surfaces as bracketed, MISC kept (the extractor decides what is a node)', () => {
    expect(annotations.slice(0, 6).map((a) => `${a.type}:${a.text}`)).toEqual([
      'LOC:PARIS',
      'LOC:DECL:',
      'MISC:FRENCH',
      'ORG:MFA',
      'LOC:IRAQ',
      'PER:Josiah Rosenblatt',
    ]);
    expect(annotations.filter((a) => a.type === 'PER' && a.text === 'Kouchner').length).toBeGreaterThan(10);
    expect(annotations.some((a) => a.type === 'PER' && a.text === 'Jalal Talabani')).toBe(true);
  });

  test("tokenizer spacing repaired: Kouchner's, (C), 1., quotes", () => {
    expect(raw.body).toContain('SUBJECT: FRENCH MFA "REFLECTING" ON IMPLICATIONS OF KOUCHNER\'S VISIT TO IRAQ');
    expect(raw.body).toContain("\n\n1. (C) Summary: French FM Kouchner's visit to Iraq allowed France");
    expect(raw.body).toContain('left Kouchner "moved" by the extent of destruction in that country.');
    expect(raw.body).not.toMatch(/ 's\b|\( C \)| \.|" [a-z]+ "/);
    expect(raw.body.trimEnd().endsWith('PEKALA')).toBe(true);
  });

  test('paragraphs start on their own lines', () => {
    const numbers = [...raw.body.matchAll(/^(\d+)\. \((?:C|U|S|SBU)\)/gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('bracket removal on small inputs', () => {
  test('offsets stay exact after repairs before and inside brackets', () => {
    const { text, annotations } = readAnnotatedText(
      "( C ) [PER Bernard Kouchner  ] 's aide met [ORG MFA  ] staff in [LOC Irbil  ] .",
    );
    expect(text).toBe("(C) Bernard Kouchner's aide met MFA staff in Irbil.");
    expect(annotations.map((a) => [a.type, a.text, text.slice(a.start, a.end)])).toEqual([
      ['PER', 'Bernard Kouchner', 'Bernard Kouchner'],
      ['ORG', 'MFA', 'MFA'],
      ['LOC', 'Irbil', 'Irbil'],
    ]);
  });
  test('a stray ] or [ that is no annotation stays text', () => {
    const { text, annotations } = readAnnotatedText('see [sic] and a ] here [PER Smith ]');
    expect(text).toBe('see [sic] and a] here Smith');
    expect(annotations).toEqual([{ type: 'PER', text: 'Smith', start: 22, end: 27 }]);
  });
  test('a bracket that never closes does not swallow the text', () => {
    const { text, annotations } = readAnnotatedText('met [PER Smith in Rome .');
    expect(text).toBe('met Smith in Rome.');
    expect(annotations).toEqual([]);
  });
});
