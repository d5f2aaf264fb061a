import type { Mention } from '../../src/extract';
import { entityId, resolveEntities } from '../../src/resolve';
import { makeCable } from '../extract/helpers';

/** Mentions located by surface in the text (first occurrence after the previous one). */
function at(text: string, items: Array<[Mention['type'], string]>): Mention[] {
  let from = 0;
  return items.map(([type, s]) => {
    const start = text.indexOf(s, from);
    from = start + s.length;
    return { type, text: s, start, end: start + s.length };
  });
}
const fr = [{ code: 'FR', kind: 'country' as const }];

describe('resolveEntities', () => {
  it('merges KOUCHNER in one Paris cable with Bernard Kouchner in another', () => {
    const t1 = 'FM KOUCHNER SAID THE GOF AGREES.';
    const t2 = 'Foreign Minister Bernard Kouchner met Kouchner aides.';
    const c1 = makeCable('07PARIS1', t1, { tags: fr });
    const c2 = makeCable('07PARIS2', t2, { tags: fr });
    const { entities, perCable } = resolveEntities([c1, c2], [at(t1, [['PERSON', 'KOUCHNER'], ['ORGANIZATION', 'GOF']]), at(t2, [['PERSON', 'Bernard Kouchner'], ['PERSON', 'Kouchner']])]);
    const k = entities.filter((e) => e.type === 'PERSON');
    expect(k).toHaveLength(1);
    expect(k[0].name).toBe('Bernard Kouchner');
    expect(k[0].aliases).toEqual([{ text: 'Bernard Kouchner', count: 1 }, { text: 'KOUCHNER', count: 1 }, { text: 'Kouchner', count: 1 }]);
    expect(perCable[0].find((e) => e.type === 'ORGANIZATION')!.name).toBe('Government of France');
    expect(perCable[0][0].id).toBe(perCable[1][0].id);
  });

  it('keeps two Smiths of different countries apart', () => {
    const t1 = 'Ambassador John Smith met Smith.';
    const t2 = 'Minister Jane Smith spoke.';
    const t3 = 'Smith said so.';
    const cs = [makeCable('07PARIS3', t1, { tags: fr }), makeCable('07LONDON4', t2, { tags: [{ code: 'UK', kind: 'country' }] }), makeCable('07LONDON5', t3)];
    const { entities } = resolveEntities(cs, [at(t1, [['PERSON', 'John Smith'], ['PERSON', 'Smith']]), at(t2, [['PERSON', 'Jane Smith']]), at(t3, [['PERSON', 'Smith']])]);
    expect(entities.filter((e) => e.type === 'PERSON').map((e) => e.name).sort()).toEqual(['Jane Smith', 'John Smith']);
  });

  it('reads MFA with the posting country, and ids are stable across input order', () => {
    const t = 'The MFA and the Quai agree.';
    const c = makeCable('07PARIS9', t, { tags: fr });
    const m = at(t, [['ORGANIZATION', 'MFA'], ['ORGANIZATION', 'Quai']]);
    const r = resolveEntities([c], [m]);
    expect(r.perCable[0]).toHaveLength(1);
    expect(r.perCable[0][0]).toEqual({ type: 'ORGANIZATION', name: 'Ministry of Foreign Affairs (France)', id: entityId('ORGANIZATION', 'Ministry of Foreign Affairs (France)'), mentions: ['MFA', 'Quai'] });
    const other = makeCable('05PARIS77', 'x');
    expect(resolveEntities([other, c], [[], m]).perCable[1][0].id).toBe(r.perCable[0][0].id);
  });
});

describe('resolveCable aliases', () => {
  it('a short form in parentheses after a name is an alias of that name', () => {
    const t = 'Sheikh Abdullah bin Zayed Al Nahyan (AbZ) met us. AbZ said no.';
    const c = makeCable('10ABUDHABI1', t);
    const r = resolveEntities([c], [at(t, [['PERSON', 'Abdullah bin Zayed Al Nahyan'], ['ORGANIZATION', 'AbZ'], ['ORGANIZATION', 'AbZ']])]);
    expect(r.perCable[0]).toHaveLength(1);
    expect(r.perCable[0][0]).toMatchObject({ type: 'PERSON', name: 'Abdullah bin Zayed Al Nahyan', mentions: ['Abdullah bin Zayed Al Nahyan', 'AbZ'] });
    expect(r.entities[0].aliases).toEqual([{ text: 'AbZ', count: 2 }, { text: 'Abdullah bin Zayed Al Nahyan', count: 1 }]);
  });
});

describe('canonical names', () => {
  it('never keep a possessive', () => {
    const text = "Iran's nuclear program worries Iran's neighbours; Iran denies it.";
    const cable = { id: '09PARIS1', origin: 'Embassy Paris', routing: { to: [], info: [] }, tags: [], paragraphs: [], text } as never;
    const at = (surface: string, from = 0) => { const start = text.indexOf(surface, from); return { type: 'PLACE' as const, text: surface, start, end: start + surface.length }; };
    const { entities } = resolveEntities([cable], [[at("Iran's"), at("Iran's", 5), at('Iran', 40)]]);
    expect(entities.map((e) => e.name)).toEqual(['Iran']);
  });
});
