import * as fs from 'fs';
import * as path from 'path';
import { canonicalCableId, parseCable } from '../../src/parse';
import { rawFromText } from './helpers';

const fx = (n: string) => parseCable(rawFromText(fs.readFileSync(path.join(__dirname, 'fixtures', n), 'utf8'), n));

describe('multi-line subject, lettered refs without year, signer + classification line', () => {
  const c = fx('multiline-subject-lettered-refs.txt');
  test('tags wrapped over lines', () => expect(c.tags.map((t) => t.code)).toEqual(['PREL', 'PGOV', 'FR', 'IZ']));
  test('subject joined, portion mark removed', () =>
    expect(c.subject).toBe("FRANCE'S CHANGING AFRICA POLICY: PART I (BACKGROUND AND OUTLINE OF THE REVIEW)"));
  test('references', () =>
    expect(c.references).toEqual([
      { letter: 'A', cableId: '08PARIS1499', text: 'PARIS 1499' },
      { letter: 'B', cableId: '07STATE12345', text: '07 STATE 12345' },
      { letter: 'C', cableId: '08USUNNEWYORK555', text: 'USUN NEW YORK 000555' },
      { letter: 'D', text: 'EMBASSY PARIS E-MAIL OF 10/21/08' },
    ]));
  test('classified by with misspellings', () => {
    expect(c.classifiedBy).toMatchObject({
      name: 'Kathleen Allegrone',
      title: 'Political Minister-Councelor',
      reasons: ['1.4(b)', '1.4(d)'],
    });
  });
  test('signer before CONFIDENTIAL/NNNN', () => expect(c.signers).toEqual(['STAPLETON']));
  test('paragraphs', () => {
    expect(c.paragraphs.map((p) => [p.number, p.classification, p.isSummary, p.isComment])).toEqual([
      [1, 'C', true, false],
      [2, 'S/NF', false, true],
    ]);
  });
  test('id year guessed from DECL is marked inferred', () => {
    expect(c.id).toBe('08PARIS1501');
    expect(c.idSource).toBe('inferred');
  });
});

describe('all-caps old cable', () => {
  const c = fx('all-caps-old.txt');
  test('tags without colon', () => expect(c.tags.map((t) => t.code)).toEqual(['PINR', 'PINS', 'PGOV']));
  test('classification', () => expect(c.classification).toBe('UNCLASSIFIED'));
  test('refs', () => {
    expect(c.references[0]).toEqual({ letter: 'A', cableId: '66STATE106206', text: 'STATE 106206 CIRCULAR' });
    expect(c.references[1].cableId).toBeUndefined();
  });
  test('unnumbered paragraphs', () => {
    expect(c.paragraphs.length).toBe(3);
    expect(c.paragraphs[0].number).toBeUndefined();
  });
  test('signer', () => expect(c.signers).toEqual(['RUSK']));
  test('date from routing DTG, routing posts', () => {
    expect(c.created).toBe('1966-11-05T12:30:00Z');
    expect(c.routing.precedence).toBe('R');
    expect(c.routing.from?.name).toBe('SECSTATE WASHDC');
    expect(c.routing.to).toEqual([{ name: 'AMEMBASSY BUENOS AIRES', precedence: 'PRIORITY' }]);
    expect(c.routing.info).toEqual([{ name: 'AMEMBASSY LIMA', routingIndicator: 'RUEHC', precedence: 'ROUTINE' }]);
    expect(c.origin).toBe('Secretary of State');
    expect(c.id).toBe('66STATE106206');
    expect(c.idSource).toBe('text');
  });
});

describe('fragments never throw', () => {
  test('REF only', () => {
    const c = fx('fragment-ref-only.txt');
    expect(c.references.map((r) => r.cableId)).toEqual(['04STATE274965', '04PARIS9098']);
    expect(c.diagnostics.map((d) => d.rule)).toEqual(
      expect.arrayContaining(['parse:missing-tags', 'parse:missing-subject']),
    );
  });
  test('signer only', () => expect(fx('fragment-signer-only.txt').signers).toEqual(['Leach']));
  test('empty', () => expect(() => parseCable(rawFromText(''))).not.toThrow());
  test('--id wins, mismatch warned', () => {
    const c = parseCable(
      rawFromText(fs.readFileSync(path.join(__dirname, 'fixtures/multiline-subject-lettered-refs.txt'), 'utf8')),
      { id: '08 PARIS 1502' },
    );
    expect(c.id).toBe('08PARIS1502');
    expect(c.idSource).toBe('option');
    expect(c.diagnostics.some((d) => d.rule === 'parse:id-mismatch')).toBe(true);
  });
});

test.each([
  ['PARIS 000077', 2005, '05PARIS77'],
  ['05 paris 77', undefined, '05PARIS77'],
  ['USUN NEW YORK 12', 2008, '08USUNNEWYORK12'],
  ['SECSTATE 5', 1975, '75STATE5'],
  ['RPO DUBAI 000042', 2009, '09RPODUBAI42'],
  ['07BAGHDAD123', undefined, '07BAGHDAD123'],
])('canonicalCableId(%p, %p) = %p', (t, y, id) => expect(canonicalCableId(t, y)).toBe(id));

describe('fragments', () => {
  test('the last lines only: paragraph 12 keeps its number and mark, the signer is found', () => {
    const c = parseCable(
      rawFromText('a continuing demarche.\n\n12. (C) Embassy will follow up.\nSTAPLETON\n', 'tail.txt'),
      { id: '07PARIS100' },
    );
    expect(c.id).toBe('07PARIS100');
    expect(c.signers).toEqual(['STAPLETON']);
    expect(c.paragraphs.map((p) => [p.number, p.classification])).toEqual([[12, 'C']]);
  });
  test('numbered paragraphs after redacted ones (partial extracts) start where the text does', () => {
    const c = parseCable(
      rawFromText(
        'SUBJECT: TALKS\n\nXXXXXXXXXXXX\n\n6. (C) Moratinos said he looked forward to it.\n\n7. (C) He added more.\n',
        'redacted.txt',
      ),
    );
    expect(c.paragraphs.map((p) => p.number)).toEqual([6, 7]);
  });
});
