// Property-based tests of the parser (fast-check): random and mutated cables never throw, and every
// paragraph and annotation offset stays inside the cable text and points at what it says.
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { readCableText } from '../../src/ingest';
import { parseCable } from '../../src/parse';

const SHARED = path.resolve(__dirname, '../../../shared');
const SEEDS = fs
  .readdirSync(path.join(SHARED, 'seeds'))
  .sort()
  .map((f) => fs.readFileSync(path.join(SHARED, 'seeds', f), 'utf8'));
const PAGE = fs.readFileSync(path.join(SHARED, 'corpus/cablegate/cable/2008/01/08BAGHDAD293.html'), 'utf8');

const PIECES = [
  '\n',
  '\n\n',
  ' ',
  '1. ',
  '2. (C) ',
  '(S/NF) ',
  'TAGS: ',
  'PREL PGOV FR',
  'SUBJECT: ',
  'REF: A. 04STATE274965 B. 04PARIS9098\n',
  'Classified By: Ambassador X, reasons 1.4(b) and (d)\n',
  'FM AMEMBASSY PARIS\n',
  'TO SECSTATE WASHDC IMMEDIATE 1234\n',
  'INFO ',
  'E.O. 12958: DECL: 01/05/2015\n',
  'C O N F I D E N T I A L',
  'SECTION 01 OF 02',
  'END SUMMARY.',
  'COMMENT:',
  'END COMMENT.',
  '[PER Kouchner ]',
  '[ORG MFA ]',
  'STAPLETON\n',
  '"',
  '¶',
  '\t',
];
const random = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 10 })), { maxLength: 120 })
  .map((p) => p.join(''));
const mutated = (bases: string[]): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom(...bases),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3000 }), fc.boolean(), random), { minLength: 1, maxLength: 5 }),
    )
    .map(([base, edits]) => {
      let text = base;
      for (const [at, length, insert, junk] of edits) {
        const start = at % (text.length + 1);
        const end = Math.min(text.length, start + length);
        text = insert ? text.slice(0, start) + junk + text.slice(start) : text.slice(0, start) + text.slice(end);
      }
      return text;
    });

describe('parseCable on random and mutated cables (property-based)', () => {
  test('never throws; paragraphs and annotations point inside the text at what they hold', () => {
    fc.assert(
      fc.property(
        fc.oneof(random, mutated(SEEDS), mutated([PAGE])),
        fc.constantFrom<'text' | 'markdown' | 'annotated' | 'html'>('text', 'markdown', 'annotated', 'html'),
        (source, format) => {
          const cable = parseCable(readCableText(source, format, 'p.txt'));
          expect(typeof cable.id).toBe('string');
          for (const p of cable.paragraphs) {
            expect(p.start).toBeGreaterThanOrEqual(0);
            expect(p.end).toBeGreaterThanOrEqual(p.start);
            expect(p.end).toBeLessThanOrEqual(cable.text.length);
            expect(cable.text.slice(p.start, p.end)).toBe(p.text);
          }
          for (const a of cable.annotations ?? []) {
            expect(a.end).toBeLessThanOrEqual(cable.text.length);
            expect(cable.text.slice(a.start, a.end)).toBe(a.text);
          }
          for (const d of cable.diagnostics) expect(['info', 'warning', 'error']).toContain(d.severity);
        },
      ),
      { numRuns: 400 },
    );
  });
});
