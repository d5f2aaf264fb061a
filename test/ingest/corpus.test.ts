import * as path from 'path';
import { parseCable, type Cable } from '../../src/parse';
import { SHARED, readAll } from './helpers';

/**
 * The whole shared corpus, read twice: as 1,055 Cable Viewer pages and as the same cables in
 * cables.csv layout. Facts here were checked by reading the files.
 */
describe('integration: ../shared/corpus, HTML and CSV', () => {
  let html: Map<string, Cable>;
  let csv: Map<string, Cable>;
  let problems: string[];

  beforeAll(async () => {
    const a = await readAll([path.join(SHARED, 'corpus/cablegate')]);
    const b = await readAll([path.join(SHARED, 'corpus/cables-sample.csv')]);
    problems = [
      ...a.diagnostics,
      ...b.diagnostics,
      ...a.cables.flatMap((c) => c.diagnostics),
      ...b.cables.flatMap((c) => c.diagnostics),
    ].map((d) => `${d.file}: ${d.message}`);
    html = new Map(a.cables.map((raw) => parseCable(raw)).map((c) => [c.id, c]));
    csv = new Map(b.cables.map((raw) => parseCable(raw)).map((c) => [c.id, c]));
  }, 60_000);

  test('1,055 cables in each reading, the same ids, read without a problem', () => {
    expect(problems).toEqual([]);
    expect(html.size).toBe(1055);
    expect(csv.size).toBe(1055);
    expect([...csv.keys()].sort()).toEqual([...html.keys()].sort());
  });

  test('every cable has an id, a date, a classification and an origin', () => {
    for (const cable of [...html.values(), ...csv.values()]) {
      expect(cable.id).toMatch(/^\d{2}[A-Z][A-Z0-9-]*\d+$/);
      expect(cable.idSource).toBe('metadata');
      expect(cable.created).toMatch(/^(19[6-9]\d|20[01]\d)-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
      expect(cable.classification).toMatch(
        /^(UNCLASSIFIED|UNCLASSIFIED\/\/FOR OFFICIAL USE ONLY|CONFIDENTIAL|CONFIDENTIAL\/\/NOFORN|SECRET|SECRET\/\/NOFORN)$/,
      );
      expect(cable.origin).toBeTruthy();
    }
  });

  test('paragraph offsets point at their text in every cable', () => {
    const off = [...html.values()].flatMap((c) =>
      c.paragraphs.filter((p) => c.text.slice(p.start, p.end) !== p.text).map((p) => `${c.id} ¶${p.number}`),
    );
    expect(off).toEqual([]);
  });

  test('years 1966 to 2010, most from 2004 on; some cables are all upper case', () => {
    const years = [...html.values()].map((c) => Number(c.created!.slice(0, 4)));
    expect(Math.min(...years)).toBe(1966);
    expect(Math.max(...years)).toBe(2010);
    expect(years.filter((y) => y >= 2004).length / years.length).toBeGreaterThan(0.9);
    const upper = [...html.values()].filter((c) => c.text.length > 500 && c.text === c.text.toUpperCase());
    expect(upper.length).toBeGreaterThanOrEqual(5);
  });

  // The sample CSV was made from the pages by stripping tags, which also ate text after a literal
  // `<` in two cables (`<<220571>>` in 09ULAANBAATAR234, `<\nREF: A. 2009 MADRID 59` in 10MADRID87).
  const CSV_LOST_TEXT = new Set(['09ULAANBAATAR234', '10MADRID87']);

  test('the HTML and CSV readings of each cable agree, field by field', () => {
    const fields = [
      'created',
      'classification',
      'caveats',
      'origin',
      'routing',
      'tags',
      'subject',
      'references',
      'classifiedBy',
      'signers',
    ] as const;
    const disagreements: string[] = [];
    for (const [id, h] of html) {
      if (CSV_LOST_TEXT.has(id)) continue;
      const c = csv.get(id)!;
      for (const field of fields)
        if (JSON.stringify(h[field]) !== JSON.stringify(c[field])) disagreements.push(`${id} ${field}`);
      const paras = (x: Cable) =>
        JSON.stringify(x.paragraphs.map((p) => [p.number, p.classification, p.isSummary, p.isComment, p.text]));
      if (paras(h) !== paras(c)) disagreements.push(`${id} paragraphs`);
      if (h.text !== c.text) disagreements.push(`${id} text`);
    }
    expect(disagreements).toEqual([]);
  });

  test('where the CSV lost text after a literal <, the HTML reading keeps it', () => {
    expect(html.get('09ULAANBAATAR234')!.text.startsWith('<<220571>>\n8/13/2009 8:54\n09ULAANBAATAR234')).toBe(true);
    expect(csv.get('09ULAANBAATAR234')!.text.startsWith('>\n8/13/2009 8:54')).toBe(true);
    expect(html.get('10MADRID87')!.references.map((r) => r.cableId ?? r.text)).toEqual([
      '09MADRID59',
      '10SANTODOMINGO21',
      '09MADRID1146',
      '09HAVANA683',
    ]);
  });

  test('routing headers: sender and addressees of a widely distributed STATE cable', () => {
    const cable = html.get('08STATE103511')!;
    expect(cable.routing.from?.name).toBe('SECSTATE WASHDC');
    expect(cable.routing.to.map((p) => p.name)).toEqual([
      'AMEMBASSY BELMOPAN',
      'AMEMBASSY KYIV',
      'AMEMBASSY MOSCOW',
      'AMEMBASSY NAIROBI',
      'AMEMBASSY RIGA',
    ]);
    expect(cable.routing.to.every((p) => p.precedence === 'NIACT IMMEDIATE')).toBe(true);
    expect(cable.routing.info).toHaveLength(9);
    expect(cable.routing.info.map((p) => p.name)).toContain('COMDT COGARD WASHINGTON DC');
  });
});
