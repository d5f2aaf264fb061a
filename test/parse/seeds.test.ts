import * as fs from 'fs';
import * as path from 'path';
import { parseCable } from '../../src/parse';
import { SHARED, rawFromAnnotated, rawFromText } from './helpers';

const seed = (n: string) => fs.readFileSync(path.join(SHARED, 'seeds', n), 'utf8');

describe('seed 000 (05PARIS77, markdown partial extract)', () => {
  const c = parseCable(rawFromText(seed('000_95b061aa67c0afb6.txt'), '000.txt', 'markdown'));
  test('id', () => expect(c.id).toBe('05PARIS77'));
  test('tags', () => expect(c.tags.map((t) => t.code)).toEqual(['PREL', 'PROP', 'PHUM', 'IZ', 'FR']));
  test('tag labels', () => {
    expect(c.tags[0]).toEqual({ code: 'PREL', kind: 'subject', label: 'External Political Relations' });
    expect(c.tags[3]).toEqual({ code: 'IZ', kind: 'country', label: 'Iraq' });
  });
  test('classification', () => expect(c.classification).toBe('CONFIDENTIAL'));
  test('caveats', () => expect(c.caveats).toContain('SIPDIS'));
  test('subject', () =>
    expect(c.subject).toBe(
      "GOF WON'T BE JOINING INTERNATIONAL MISSION FOR IRAQ ELECTIONS, STRESSES SUPPORT VIA OTHER MEANS",
    ));
  test('references', () =>
    expect(c.references).toEqual([
      { letter: 'A', cableId: '04STATE274965', text: '04 STATE 274965' },
      { letter: 'B', cableId: '04PARIS9098', text: '04 PARIS 9098' },
    ]));
  test('classified by', () => {
    expect(c.classifiedBy?.name).toBe('Josiah Rosenblatt');
    expect(c.classifiedBy?.title).toBe('Political Minister-Counselor');
    expect(c.classifiedBy?.reasons).toEqual(['1.4(b)', '1.4(d)']);
  });
  test('signer', () => expect(c.signers).toEqual(['Leach']));
  test('paragraphs', () => {
    expect(c.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4]);
    expect(c.paragraphs[0].classification).toBe('C');
    expect(c.paragraphs[2].isComment).toBe(true);
    for (const p of c.paragraphs) expect(c.text.slice(p.start, p.end)).toBe(p.text);
  });
  test('no created date invented', () => expect(c.created).toBeUndefined());
});

describe('seed 002 (07PARIS3534, annotated)', () => {
  const c = parseCable(rawFromAnnotated(seed('002_d07167338e538831.txt'), '002.txt'));
  test('id', () => expect(c.id).toBe('07PARIS3534'));
  test('tags', () => expect(c.tags.map((t) => t.code)).toEqual(['PREL', 'PGOV', 'FR', 'IZ', 'US']));
  test('signer', () => expect(c.signers).toEqual(['PEKALA']));
  test('classified by', () => {
    expect(c.classifiedBy?.name).toBe('Josiah Rosenblatt');
    expect(c.classifiedBy?.reasons).toEqual(['1.4(b)', '1.4(d)']);
  });
  test('summary paragraph', () => expect(c.paragraphs[0].isSummary).toBe(true));
});
