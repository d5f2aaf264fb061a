import { SurnameIndex } from '../../src/resolve/surnames';

type Entity = { id: number; personKey?: string; surnameOnly: boolean };

/** A surname index of `cables` (year, countries, entities), passes 1 and 1b done. */
function indexOf(cables: Array<{ year: number; countries: string[]; entities: Entity[] }>): SurnameIndex {
  const index = new SurnameIndex();
  for (const c of cables) index.addCable(c.year, c.countries, c.entities);
  index.settleNames();
  for (const c of cables) index.addContext(c.entities);
  return index;
}

describe('SurnameIndex.join with many full names of one surname', () => {
  // John Smith: 50 cables from France; 100 other Smiths (first names too short to be spelling
  // variants of one another), one cable each from their own country; Anna and Maria Jones, three
  // cables each from Germany; every cable of 2005; "Smith" and "Jones" also written alone.
  const cables: Array<{ year: number; countries: string[]; entities: Entity[] }> = [];
  let id = 1;
  const john = id++;
  for (let i = 0; i < 50; i += 1)
    cables.push({
      year: 2005,
      countries: ['FR'],
      entities: [{ id: john, personKey: 'john smith', surnameOnly: false }],
    });
  for (let k = 0; k < 100; k += 1)
    cables.push({
      year: 2005,
      countries: [`C${k}`],
      entities: [{ id: id++, personKey: `k${k} smith`, surnameOnly: false }],
    });
  const [anna, maria] = [id++, id++];
  for (let i = 0; i < 3; i += 1) {
    cables.push({
      year: 2005,
      countries: ['DE'],
      entities: [{ id: anna, personKey: 'anna jones', surnameOnly: false }],
    });
    cables.push({
      year: 2005,
      countries: ['DE'],
      entities: [{ id: maria, personKey: 'maria jones', surnameOnly: false }],
    });
  }
  cables.push({
    year: 2005,
    countries: ['US'],
    entities: [
      { id: id++, personKey: 'smith', surnameOnly: true },
      { id, personKey: 'jones', surnameOnly: true },
    ],
  });
  const index = indexOf(cables);

  test('a lone surname joins the full name its country points to, far ahead of the rest', () => {
    // John Smith: country 2 + years 1 + log2(51) + log2(2) ≈ 9.67; any other Smith at most 3.
    expect(index.join('smith', 2005, ['FR'], [])).toBe('john smith');
  });

  test('the best-attested name without evidence in this cable is not joined, even far ahead', () => {
    // In a C7 cable John Smith still scores highest (7.67 against k7 Smith's 5) but has no evidence there.
    expect(index.join('smith', 2005, ['C7'], [])).toBeUndefined();
  });

  test('two full names with the same score: no join', () => {
    expect(index.join('jones', 2005, ['DE'], [])).toBeUndefined();
  });

  test('more than four years away, a full name is no candidate', () => {
    // Every Smith is of 2005: in 2012 none is left.
    expect(index.join('smith', 2012, ['FR'], [])).toBeUndefined();
  });
});

test('a less attested full name wins on the context of the cable, past better attested ones', () => {
  // John Smith: 50 cables of 2001 from France; 100 other Smiths of 2005, k7 Smith's cable also
  // naming three other entities. A lone Smith in a 2005 cable from C7 naming those three: k7
  // Smith scores 2 + 3 + 1 + 2 = 8, John Smith 6.67 − 2 (four years away) = 4.67.
  const cables: Array<{ year: number; countries: string[]; entities: Entity[] }> = [];
  for (let i = 0; i < 50; i += 1)
    cables.push({ year: 2001, countries: ['FR'], entities: [{ id: 1, personKey: 'john smith', surnameOnly: false }] });
  const context: Entity[] = [
    { id: 500, surnameOnly: false },
    { id: 501, surnameOnly: false },
    { id: 502, surnameOnly: false },
  ];
  for (let k = 0; k < 100; k += 1)
    cables.push({
      year: 2005,
      countries: [`C${k}`],
      entities: [{ id: 10 + k, personKey: `k${k} smith`, surnameOnly: false }, ...(k === 7 ? context : [])],
    });
  cables.push({ year: 2005, countries: ['US'], entities: [{ id: 600, personKey: 'smith', surnameOnly: true }] });
  const index = indexOf(cables);
  expect(index.join('smith', 2005, ['C7'], [500, 501, 502])).toBe('k7 smith');
  // Without the context k7 Smith scores 5: not 1.5 ahead of John Smith's 4.67.
  expect(index.join('smith', 2005, ['C7'], [])).toBeUndefined();
});

describe('SurnameIndex.join stops early only when the rest cannot change the outcome', () => {
  // Anna and Maria Jones tie at the top (three cables each from Germany); 60 one-cable Joneses
  // from Spain rank below them, and Zoe Jones, one cable from Italy, named with entity 900.
  const cables: Array<{ year: number; countries: string[]; entities: Entity[] }> = [];
  let id = 1;
  const [anna, maria] = [id++, id++];
  for (let i = 0; i < 3; i += 1)
    for (const [e, key] of [
      [anna, 'anna jones'],
      [maria, 'maria jones'],
    ] as const)
      cables.push({ year: 2005, countries: ['DE'], entities: [{ id: e, personKey: key, surnameOnly: false }] });
  for (let k = 0; k < 60; k += 1)
    cables.push({
      year: 2005,
      countries: ['ES'],
      entities: [{ id: id++, personKey: `k${k} jones`, surnameOnly: false }],
    });
  cables.push({
    year: 2005,
    countries: ['IT'],
    entities: [
      { id: id++, personKey: 'zoe jones', surnameOnly: false },
      { id: 900, surnameOnly: false },
    ],
  });
  cables.push({ year: 2005, countries: ['US'], entities: [{ id, personKey: 'jones', surnameOnly: true }] });
  const index = indexOf(cables);

  test('a tie at the top is no join when nothing below can lead it by the margin', () => {
    expect(index.join('jones', 2005, ['DE'], [])).toBeUndefined();
  });

  test('a name ranked below the tie still wins when its context lifts it past the margin', () => {
    // Zoe: country 2 + one shared entity 1 + years 1 + 2 = 6; Anna and Maria 4; the Spanish Joneses 3.
    expect(index.join('jones', 2005, ['IT'], [900])).toBe('zoe jones');
  });
});

describe("SurnameIndex: a full name's context is the first 400 entities named with it", () => {
  // Two Karzais of one country and years, equally attested (one cable each, ten surname uses
  // none); Hamid's cable names 500 other entities (ids 1000–1499, written in descending order
  // with 1499 again at the end), Ahmed's none. Only shared context can tell them apart.
  const hamid = 1;
  const ahmed = 2;
  const others = Array.from({ length: 500 }, (_, k) => ({ id: 1499 - k, surnameOnly: false }));
  const cables: Array<{ year: number; countries: string[]; entities: Entity[] }> = [
    {
      year: 2005,
      countries: ['AF'],
      entities: [
        { id: hamid, personKey: 'hamid karzai', surnameOnly: false },
        ...others,
        { id: 1499, surnameOnly: false },
      ],
    },
    { year: 2005, countries: ['AF'], entities: [{ id: ahmed, personKey: 'ahmed karzai', surnameOnly: false }] },
    { year: 2005, countries: ['AF'], entities: [{ id: 3, personKey: 'karzai', surnameOnly: true }] },
  ];
  const index = indexOf(cables);

  test('entities among the first 400 named count as shared context (up to three)', () => {
    // 1499, 1300 and 1100 are the 1st, 200th and 400th distinct entities of Hamid's cable
    expect(index.join('karzai', 2005, ['AF'], [1499, 1300, 1100])).toBe('hamid karzai');
  });

  test('entities past the 400th are not kept: no context, a tie, no join', () => {
    // 1099 is the 401st distinct entity, 1000 the 500th
    expect(index.join('karzai', 2005, ['AF'], [1099, 1000])).toBeUndefined();
  });
});

test('a lone surname spelled with one vowel changed joins the full names of the usual spelling', () => {
  // Mahmoud Ahmadinejad: 10 cables from Iran, 2008; "Ahmedinejad" alone in another. "Hassan" and
  // "Hasan" are too short to be read as one another's spelling.
  const cables: Array<{ year: number; countries: string[]; entities: Entity[] }> = [];
  for (let i = 0; i < 10; i += 1)
    cables.push({
      year: 2008,
      countries: ['IR'],
      entities: [
        { id: 1, personKey: 'mahmoud ahmadinejad', surnameOnly: false },
        { id: 2, personKey: 'ali hassan', surnameOnly: false },
      ],
    });
  cables.push({
    year: 2008,
    countries: ['IR'],
    entities: [
      { id: 3, personKey: 'ahmedinejad', surnameOnly: true },
      { id: 4, personKey: 'hasan', surnameOnly: true },
    ],
  });
  const index = indexOf(cables);
  expect(index.join('ahmedinejad', 2008, ['IR'], [])).toBe('mahmoud ahmadinejad');
  expect(index.join('ahmedinejad', 2008, ['FR'], [])).toBeUndefined();
  expect(index.join('hasan', 2008, ['IR'], [])).toBeUndefined();
  // the usual spelling alone still joins
  expect(index.join('ahmadinejad', 2008, ['IR'], [])).toBe('mahmoud ahmadinejad');
});

describe('spellings of one full name', () => {
  // one cable each, all of 2008 but the last William Smith (1995), "Smith" never alone
  const keys = [
    'tom shannon',
    'thomas a shannon',
    'bill burns',
    'william j burns',
    'nick burns',
    'nicholas burns',
    'r nicholas burns',
    'yousuf raza gilani',
    'yousuf gilani',
    'yousaf gilani',
    'ted kennedy',
    'edward kennedy',
  ];
  const index = new SurnameIndex();
  keys.forEach((personKey, id) => index.addCable(2008, ['US'], [{ id, personKey, surnameOnly: false }]));
  index.addCable(1995, ['US'], [{ id: 99, personKey: 'william smith', surnameOnly: false }]);
  index.addCable(2008, ['US'], [{ id: 98, personKey: 'bill smith', surnameOnly: false }]);
  index.settleNames();

  test('a nickname of the given name is the same name, held by a longer form', () => {
    expect(index.canonical('tom shannon')).toBe('thomas a shannon');
    expect(index.canonical('bill burns')).toBe('william j burns');
  });

  test('a leading initial may be left out, and a nickname then joins the same name', () => {
    expect(index.canonical('nicholas burns')).toBe('r nicholas burns');
    expect(index.canonical('nick burns')).toBe('r nicholas burns');
  });

  test('a spelling of a shorter form goes to the longer name that holds the form', () => {
    expect(index.canonical('yousuf gilani')).toBe('yousuf raza gilani');
    expect(index.canonical('yousaf gilani')).toBe('yousuf raza gilani');
  });

  test('a nickname of several names, or a name years apart, stays apart', () => {
    expect(index.canonical('ted kennedy')).toBe('ted kennedy');
    expect(index.canonical('edward kennedy')).toBe('edward kennedy');
    expect(index.canonical('bill smith')).toBe('bill smith');
  });
});

describe('a full name without its first given name', () => {
  const keys = [
    'recep tayyip erdogan',
    'tayyip erdogan',
    'aisha muammar al qadhafi',
    'muammar al qadhafi',
    'tina kaidanow',
    'tina kaidanow bridget brink',
    'bridget brink',
  ];
  const index = new SurnameIndex();
  keys.forEach((personKey, id) => index.addCable(2009, ['TR'], [{ id, personKey, surnameOnly: false }]));
  index.settleNames();

  test('joins the one longer name it ends', () => {
    expect(index.canonical('tayyip erdogan')).toBe('recep tayyip erdogan');
  });

  test('not a name by descent, whose tail may be the father, nor two names the tagger ran together', () => {
    expect(index.canonical('muammar al qadhafi')).toBe('muammar al qadhafi');
    expect(index.canonical('bridget brink')).toBe('bridget brink');
  });
});

describe('a lone word no full name ends with', () => {
  // Luiz Inacio Lula da Silva and Jean-David Levitte, three cables each from their countries; "Lula" and "David" written alone
  const index = new SurnameIndex();
  const cables: Array<{ year: number; countries: string[]; entities: Entity[] }> = [];
  for (let i = 0; i < 3; i += 1) {
    cables.push({
      year: 2009,
      countries: ['BR'],
      entities: [{ id: 1, personKey: 'luiz inacio lula da silva', surnameOnly: false }],
    });
    cables.push({
      year: 2009,
      countries: ['FR'],
      entities: [{ id: 2, personKey: 'jean david levitte', surnameOnly: false }],
    });
  }
  cables.push({
    year: 2009,
    countries: ['BR'],
    entities: [
      { id: 3, personKey: 'lula', surnameOnly: true },
      { id: 4, personKey: 'david', surnameOnly: true },
    ],
  });
  for (const c of cables) index.addCable(c.year, c.countries, c.entities);
  index.settleNames();
  for (const c of cables) index.addContext(c.entities);

  test('joins a full name it is a word of after the second, on the evidence of the cable', () => {
    expect(index.join('lula', 2009, ['BR'], [])).toBe('luiz inacio lula da silva');
  });

  test('not a full name whose second word it is (often a given name)', () => {
    expect(index.join('david', 2009, ['FR'], [])).toBeUndefined();
  });
});
