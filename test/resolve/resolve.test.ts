import { entityId, resolveEntities } from '../../src/resolve';
import { makeCable } from '../extract/helpers';
import type { Mention } from '../../src/model';

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
    const { entities, perCable } = resolveEntities(
      [c1, c2],
      [
        at(t1, [
          ['PERSON', 'KOUCHNER'],
          ['ORGANIZATION', 'GOF'],
        ]),
        at(t2, [
          ['PERSON', 'Bernard Kouchner'],
          ['PERSON', 'Kouchner'],
        ]),
      ],
    );
    const k = entities.filter((e) => e.type === 'PERSON');
    expect(k).toHaveLength(1);
    expect(k[0].name).toBe('Bernard Kouchner');
    expect(k[0].aliases).toEqual([
      { text: 'Bernard Kouchner', count: 1 },
      { text: 'KOUCHNER', count: 1 },
      { text: 'Kouchner', count: 1 },
    ]);
    expect(perCable[0].find((e) => e.type === 'ORGANIZATION')!.name).toBe('Government of France');
    expect(perCable[0][0].id).toBe(perCable[1][0].id);
  });

  it('lists a name a line break cut as the same alias, its mentions as written', () => {
    const t1 = 'FM Bernard Kouchner said so.';
    const t2 = 'He met Bernard\n Kouchner and Bernard Kouchner again.';
    const c1 = makeCable('07PARIS1', t1, { tags: fr });
    const c2 = makeCable('07PARIS2', t2, { tags: fr });
    const { entities, perCable } = resolveEntities(
      [c1, c2],
      [
        at(t1, [['PERSON', 'Bernard Kouchner']]),
        at(t2, [
          ['PERSON', 'Bernard\n Kouchner'],
          ['PERSON', 'Bernard Kouchner'],
        ]),
      ],
    );
    const k = entities.filter((e) => e.type === 'PERSON');
    expect(k).toHaveLength(1);
    expect(k[0].aliases).toEqual([{ text: 'Bernard Kouchner', count: 3 }]);
    expect(perCable[1][0].mentions.sort()).toEqual(['Bernard\n Kouchner', 'Bernard Kouchner']);
  });

  it('keeps two Smiths of different countries apart', () => {
    const t1 = 'Ambassador John Smith met Smith.';
    const t2 = 'Minister Jane Smith spoke.';
    const t3 = 'Smith said so.';
    const cs = [
      makeCable('07PARIS3', t1, { tags: fr }),
      makeCable('07LONDON4', t2, { tags: [{ code: 'UK', kind: 'country' }] }),
      makeCable('07LONDON5', t3),
    ];
    const { entities } = resolveEntities(cs, [
      at(t1, [
        ['PERSON', 'John Smith'],
        ['PERSON', 'Smith'],
      ]),
      at(t2, [['PERSON', 'Jane Smith']]),
      at(t3, [['PERSON', 'Smith']]),
    ]);
    expect(
      entities
        .filter((e) => e.type === 'PERSON')
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Jane Smith', 'John Smith']);
  });

  it('reads MFA with the posting country, and ids are stable across input order', () => {
    const t = 'The MFA and the Quai agree.';
    const c = makeCable('07PARIS9', t, { tags: fr });
    const m = at(t, [
      ['ORGANIZATION', 'MFA'],
      ['ORGANIZATION', 'Quai'],
    ]);
    const r = resolveEntities([c], [m]);
    expect(r.perCable[0]).toHaveLength(1);
    expect(r.perCable[0][0]).toEqual({
      type: 'ORGANIZATION',
      name: 'Ministry of Foreign Affairs (France)',
      id: entityId('ORGANIZATION', 'Ministry of Foreign Affairs (France)'),
      mentions: ['MFA', 'Quai'],
      counts: [1, 1],
    });
    const other = makeCable('05PARIS77', 'x');
    expect(resolveEntities([other, c], [[], m]).perCable[1][0].id).toBe(r.perCable[0][0].id);
  });
});

describe('names of one person within a cable', () => {
  it('joins a shorter full name, a paternal surname and a given name alone to the one longest full name', () => {
    const t =
      'EVO AND HIS ADVISERS. Ivan Iporre Salguero, Santos Ramirez Valverde and Evo Morales met. Ivan Iporre said Iporre, Ramirez and Morales agree.';
    const { perCable } = resolveEntities(
      [makeCable('06LAPAZ1', t)],
      [
        at(t, [
          ['PERSON', 'EVO'],
          ['PERSON', 'Ivan Iporre Salguero'],
          ['PERSON', 'Santos Ramirez Valverde'],
          ['PERSON', 'Evo Morales'],
          ['PERSON', 'Ivan Iporre'],
          ['PERSON', 'Iporre'],
          ['PERSON', 'Ramirez'],
          ['PERSON', 'Morales'],
        ]),
      ],
    );
    const people = perCable[0].filter((e) => e.type === 'PERSON').map((e) => [e.name, [...e.mentions].sort()]);
    expect(people.sort()).toEqual([
      ['Evo Morales', ['EVO', 'Evo Morales', 'Morales']],
      ['Ivan Iporre Salguero', ['Iporre', 'Ivan Iporre', 'Ivan Iporre Salguero']],
      ['Santos Ramirez Valverde', ['Ramirez', 'Santos Ramirez Valverde']],
    ]);
  });

  it('joins a name written first to the one two-word name it opens, not to a name with an English word', () => {
    const t = 'Hagos Ghebrehiwet met the Obama Factor panel. Hagos said Obama would come.';
    const { perCable } = resolveEntities(
      [makeCable('09SEOUL1', t)],
      [
        at(t, [
          ['PERSON', 'Hagos Ghebrehiwet'],
          ['PERSON', 'Obama Factor'],
          ['PERSON', 'Hagos'],
          ['PERSON', 'Obama'],
        ]),
      ],
    );
    const people = perCable[0].map((e) => [e.name, [...e.mentions].sort()]).sort();
    expect(people).toEqual([
      ['Hagos Ghebrehiwet', ['Hagos', 'Hagos Ghebrehiwet']],
      ['Obama Factor', ['Obama Factor']],
      ['Obama', ['Obama']],
    ]);
  });

  it('keeps a lone surname after a female title apart from the male full name of that surname across cables (within its cable one surface is one entity)', () => {
    const t1 =
      'French judge Bernard Borrel died in 1995. Mrs. Borrel was convinced he was murdered. ' +
      "Sarkozy met with Mrs. Borrel; Borrel's death was not a suicide.";
    const t2 = 'Mme Borrel spoke to the press again.';
    const t3 = 'Judge Borrel had worked in Djibouti.';
    const { entities, perCable } = resolveEntities(
      [
        makeCable('08PARIS1', t1, { tags: fr }),
        makeCable('08PARIS2', t2, { tags: fr }),
        makeCable('08PARIS3', t3, { tags: fr }),
      ],
      [
        at(t1, [
          ['PERSON', 'Bernard Borrel'],
          ['PERSON', 'Borrel'],
          ['PERSON', 'Sarkozy'],
          ['PERSON', 'Borrel'],
          ['PERSON', 'Borrel'],
        ]),
        at(t2, [['PERSON', 'Borrel']]),
        at(t3, [['PERSON', 'Borrel']]),
      ],
    );
    const people = perCable[0]
      .filter((e) => e.name !== 'Sarkozy')
      .map((e) => [e.name, [...e.mentions].sort()])
      .sort();
    expect(people).toEqual([['Bernard Borrel', ['Bernard Borrel', 'Borrel']]]);
    // in another cable, "Mme Borrel" joins no full name of a man; "Judge Borrel" joins Bernard Borrel
    const bernard = entities.find((e) => e.name === 'Bernard Borrel')!;
    expect(bernard.cables).toEqual(['08PARIS1', '08PARIS3']);
    expect(perCable[1].map((e) => e.name)).toEqual(['Borrel']);
  });

  it('lets a title join a full name whose given name it does not contradict', () => {
    const t = 'Elisabeth Borrel spoke. Mrs. Borrel said so. Mr. Obama and Barack Obama.';
    const { perCable } = resolveEntities(
      [makeCable('08PARIS4', t)],
      [
        at(t, [
          ['PERSON', 'Elisabeth Borrel'],
          ['PERSON', 'Borrel'],
          ['PERSON', 'Obama'],
          ['PERSON', 'Barack Obama'],
        ]),
      ],
    );
    expect(perCable[0].map((e) => [e.name, [...e.mentions].sort()]).sort()).toEqual([
      ['Barack Obama', ['Barack Obama', 'Obama']],
      ['Elisabeth Borrel', ['Borrel', 'Elisabeth Borrel']],
    ]);
  });

  it("reads a one-word 'place' that is a person's surface in the cable as that person: one surface, one entity", () => {
    const t = "Hugo Chavez spoke; Chavez said that in Chavez's Venezuela all is well.";
    const { perCable } = resolveEntities(
      [makeCable('09CARACAS1', t)],
      [
        at(t, [
          ['PERSON', 'Hugo Chavez'],
          ['PERSON', 'Chavez'],
          ['PLACE', 'Chavez'],
          ['PLACE', 'Venezuela'],
        ]),
      ],
    );
    expect(perCable[0].map((e) => [e.type, e.name, [...e.mentions].sort()]).sort()).toEqual([
      ['PERSON', 'Hugo Chavez', ['Chavez', 'Hugo Chavez']],
      ['PLACE', 'Venezuela', ['Venezuela']],
    ]);
  });

  it('leaves a word two full names share alone', () => {
    const t = 'Hugo Chavez and Hugo Moldiz met; Hugo spoke.';
    const { perCable } = resolveEntities(
      [makeCable('06LAPAZ2', t)],
      [
        at(t, [
          ['PERSON', 'Hugo Chavez'],
          ['PERSON', 'Hugo Moldiz'],
          ['PERSON', 'Hugo'],
        ]),
      ],
    );
    expect(perCable[0].map((e) => e.name).sort()).toEqual(['Hugo', 'Hugo Chavez', 'Hugo Moldiz']);
  });
});

describe('organizations named short within a cable', () => {
  it('join the one spelled-out name their initials or ending fit, and only that one', () => {
    const t =
      'The National Bank of Ukraine and the World Wildlife Fund met the National Assembly. NBU, WWF and the Assembly agreed; the Party did not, nor PDCI.';
    const { perCable } = resolveEntities(
      [makeCable('08KYIV1', t)],
      [
        at(t, [
          ['ORGANIZATION', 'National Bank of Ukraine'],
          ['ORGANIZATION', 'World Wildlife Fund'],
          ['ORGANIZATION', 'National Assembly'],
          ['ORGANIZATION', 'NBU'],
          ['ORGANIZATION', 'WWF'],
          ['ORGANIZATION', 'Assembly'],
          ['ORGANIZATION', 'Party'],
          ['ORGANIZATION', 'PDCI'],
        ]),
      ],
    );
    expect(perCable[0].map((e) => [e.name, [...e.mentions].sort()]).sort()).toEqual([
      ['National Assembly (Ukraine)', ['Assembly', 'National Assembly']],
      ['National Bank of Ukraine', ['NBU', 'National Bank of Ukraine']],
      ['PDCI', ['PDCI']],
      ['Party', ['Party']],
      ['World Wildlife Fund', ['WWF', 'World Wildlife Fund']],
    ]);
  });
});

describe('acronyms that spell a name loosely', () => {
  it('join by an acronym word spelled whole, a particle skipped or a mixed-case acronym, and not a name they do not spell', () => {
    const t =
      "The ANC Women's League, Tehrik-i-Taliban Pakistan and the African Development Bank met the Electoral Commission. ANCWL, TTP and AfDB agreed; ECZ did not.";
    const { perCable } = resolveEntities(
      [makeCable('09PRETORIA1', t)],
      [
        at(t, [
          ['ORGANIZATION', "ANC Women's League"],
          ['ORGANIZATION', 'Tehrik-i-Taliban Pakistan'],
          ['ORGANIZATION', 'African Development Bank'],
          ['ORGANIZATION', 'Electoral Commission'],
          ['ORGANIZATION', 'ANCWL'],
          ['ORGANIZATION', 'TTP'],
          ['ORGANIZATION', 'AfDB'],
          ['ORGANIZATION', 'ECZ'],
        ]),
      ],
    );
    expect(perCable[0].map((e) => [...e.mentions].sort()).sort()).toEqual([
      ["ANC Women's League", 'ANCWL'],
      ['AfDB', 'African Development Bank'],
      ['ECZ'],
      ['Electoral Commission'],
      ['TTP', 'Tehrik-i-Taliban Pakistan'],
    ]);
  });
});

describe('organizations of one word within a cable', () => {
  it('join their plural and the one ministry their portfolio names', () => {
    const t = 'The Houthis and the Environment Ministry met. Houthi fighters and Environment staff agreed.';
    const { perCable } = resolveEntities(
      [makeCable('09SANAA1', t)],
      [
        at(t, [
          ['ORGANIZATION', 'Houthis'],
          ['ORGANIZATION', 'Environment Ministry'],
          ['ORGANIZATION', 'Houthi'],
          ['ORGANIZATION', 'Environment'],
        ]),
      ],
    );
    expect(perCable[0].map((e) => [...e.mentions].sort()).sort()).toEqual([
      ['Environment', 'Environment Ministry'],
      ['Houthi', 'Houthis'],
    ]);
  });
});

describe('the White House', () => {
  it('is the building where one goes or meets, else the office', () => {
    const t = 'Saleh will visit Obama at the White House. The White House said no. His White House meeting went well.';
    const { perCable } = resolveEntities(
      [makeCable('09SANAA1', t)],
      [
        at(t, [
          ['ORGANIZATION', 'White House'],
          ['ORGANIZATION', 'White House'],
          ['PLACE', 'White House'],
        ]),
      ],
    );
    expect(perCable[0].map((e) => [e.type, e.name, e.counts]).sort()).toEqual([
      ['ORGANIZATION', 'White House', [1]],
      ['PLACE', 'White House', [2]],
    ]);
  });
});

describe('a country written in dotted initials', () => {
  it('is the country its undotted letters name ("U.K." as "UK"), the same entity as its name', () => {
    const t1 = 'The U.K. and the U.A.E. agreed.';
    const t2 = 'The UK and the United Arab Emirates agreed.';
    const { entities } = resolveEntities(
      [makeCable('09LONDON1', t1), makeCable('09LONDON2', t2)],
      [
        at(t1, [
          ['PLACE', 'U.K.'],
          ['PLACE', 'U.A.E.'],
        ]),
        at(t2, [
          ['PLACE', 'UK'],
          ['PLACE', 'United Arab Emirates'],
        ]),
      ],
    );
    expect(entities.map((e) => [e.name, e.cables.length]).sort()).toEqual([
      ['United Arab Emirates', 2],
      ['United Kingdom', 2],
    ]);
  });
});

describe('a country whose name a line break cut', () => {
  it('is the country the name on one line is', () => {
    const t1 = 'Talks with the Russian\nFederation resumed.';
    const t2 = 'Talks with the Russian Federation and Russia resumed.';
    const { entities } = resolveEntities(
      [makeCable('09MOSCOW1', t1), makeCable('09MOSCOW2', t2)],
      [
        at(t1, [['PLACE', 'Russian\nFederation']]),
        at(t2, [
          ['PLACE', 'Russian Federation'],
          ['PLACE', 'Russia'],
        ]),
      ],
    );
    expect(entities.map((e) => [e.name, e.cables.length])).toEqual([['Russia', 2]]);
  });
});

describe('the U.S. administration', () => {
  it("is the president's of the day, apart from the USG: the one the cable names, else by the cable's date", () => {
    const t = 'The USG and the U.S. administration agreed with the Obama Administration.';
    const u = 'The USG and the U.S. administration agreed.';
    const { perCable } = resolveEntities(
      [
        makeCable('09PARIS1', t),
        makeCable('07PARIS1', u, { created: '2007-03-01' }),
        makeCable('10PARIS1', u, { created: '2010-03-01' }),
      ],
      [
        at(t, [
          ['ORGANIZATION', 'USG'],
          ['ORGANIZATION', 'U.S. administration'],
          ['ORGANIZATION', 'Obama Administration'],
        ]),
        at(u, [
          ['ORGANIZATION', 'USG'],
          ['ORGANIZATION', 'U.S. administration'],
        ]),
        at(u, [
          ['ORGANIZATION', 'USG'],
          ['ORGANIZATION', 'U.S. administration'],
        ]),
      ],
    );
    const named = (i: number) => perCable[i].map((e) => [e.name, [...e.mentions].sort()]).sort();
    expect(named(0)).toEqual([
      ['Obama Administration', ['Obama Administration', 'U.S. administration']],
      ['United States Government', ['USG']],
    ]);
    expect(named(1)).toEqual([
      ['Bush Administration', ['U.S. administration']],
      ['United States Government', ['USG']],
    ]);
    expect(named(2)[0]).toEqual(['Obama Administration', ['U.S. administration']]);
  });

  it('"the new" one is the next president\'s in the year before his inauguration, "the previous" one the one before', () => {
    const t = 'The U.S. administration and the Bush Administration said the incoming U.S. Administration will decide.';
    const u = 'Berlin waits for the next U.S. administration.';
    const v = 'Rome was heard under the previous U.S. administration.';
    const w = 'The new U.S. administration spoke.';
    const { perCable } = resolveEntities(
      [
        makeCable('08MADRID1', t, { created: '2008-12-31' }),
        makeCable('07BERLIN1', u, { created: '2007-04-25' }),
        makeCable('09ROME1', v, { created: '2009-06-09' }),
        makeCable('09BEIJING1', w, { created: '2009-10-26' }),
      ],
      [
        at(t, [
          ['ORGANIZATION', 'U.S. administration'],
          ['ORGANIZATION', 'Bush Administration'],
          ['ORGANIZATION', 'U.S. Administration'],
        ]),
        at(u, [['ORGANIZATION', 'U.S. administration']]),
        at(v, [['ORGANIZATION', 'U.S. administration']]),
        at(w, [['ORGANIZATION', 'U.S. administration']]),
      ],
    );
    const named = (i: number) => perCable[i].map((e) => [e.name, [...e.mentions].sort()]).sort();
    expect(named(0)).toEqual([
      ['Bush Administration', ['Bush Administration', 'U.S. administration']],
      ['Obama Administration', ['U.S. Administration']],
    ]);
    // more than a year before the next inauguration: whose is not known, the one of the day
    expect(named(1)).toEqual([['Bush Administration', ['U.S. administration']]]);
    expect(named(2)).toEqual([['Bush Administration', ['U.S. administration']]]);
    expect(named(3)).toEqual([['Obama Administration', ['U.S. administration']]]);
  });
});

describe("a party's nickname within a cable", () => {
  it('joins the party named by its name, which keeps the name', () => {
    const t = 'The Conservatives and the Liberal Democrats met. The Tories and the Lib Dems agreed; a Tory MP spoke.';
    const { perCable } = resolveEntities(
      [makeCable('09LONDON1', t)],
      [
        at(t, [
          ['ORGANIZATION', 'Conservatives'],
          ['ORGANIZATION', 'Liberal Democrats'],
          ['ORGANIZATION', 'Tories'],
          ['ORGANIZATION', 'Lib Dems'],
          ['ORGANIZATION', 'Tory'],
        ]),
      ],
    );
    expect(perCable[0].map((e) => [e.name, [...e.mentions].sort()]).sort()).toEqual([
      ['Conservative Party (United Kingdom)', ['Conservatives', 'Tories', 'Tory']],
      ['Liberal Democrats', ['Lib Dems', 'Liberal Democrats']],
    ]);
  });
});

describe('an organization named by its first word', () => {
  it('joins the one longer name it opens, not a part of the body it names nor an acronym', () => {
    const t =
      'The Wassenaar Arrangement, the Hamas government and the UN Security Council met. Wassenaar, Hamas and UN agreed.';
    const { perCable } = resolveEntities(
      [makeCable('09STATE1', t)],
      [
        at(t, [
          ['ORGANIZATION', 'Wassenaar Arrangement'],
          ['ORGANIZATION', 'Hamas government'],
          ['ORGANIZATION', 'UN Security Council'],
          ['ORGANIZATION', 'Wassenaar'],
          ['ORGANIZATION', 'Hamas'],
          ['ORGANIZATION', 'UN'],
        ]),
      ],
    );
    const mentions = perCable[0].map((e) => [...e.mentions].sort());
    expect(mentions).toContainEqual(['Wassenaar', 'Wassenaar Arrangement']);
    expect(mentions).toContainEqual(['Hamas']);
    expect(mentions).toContainEqual(['UN']);
  });
});

describe('an organization named without the qualifier resolution gave it', () => {
  it('joins the one qualified name of its words, not an office symbol', () => {
    const t = 'The Ministry of Health and the Health Ministry met. ISN and ISN/CPI agreed.';
    const ve = [{ code: 'VE', kind: 'country' as const }];
    const { perCable } = resolveEntities(
      [makeCable('09CARACAS1', t, { tags: ve })],
      [
        at(t, [
          ['ORGANIZATION', 'Ministry of Health'],
          ['ORGANIZATION', 'Health Ministry'],
          ['ORGANIZATION', 'ISN'],
          ['ORGANIZATION', 'ISN/CPI'],
        ]),
      ],
    );
    const names = perCable[0].map((e) => [e.name, [...e.mentions].sort()]);
    expect(names).toContainEqual(['Ministry of Health (Venezuela)', ['Health Ministry', 'Ministry of Health']]);
    expect(names.filter(([, m]) => m.includes('ISN'))).toHaveLength(1);
    expect(names.find(([, m]) => m.includes('ISN'))?.[1]).toEqual(['ISN']);
  });
});

describe('resolveCable aliases', () => {
  it('a short form in parentheses after a name is an alias of that name', () => {
    const t = 'Sheikh Abdullah bin Zayed Al Nahyan (AbZ) met us. AbZ said no.';
    const c = makeCable('10ABUDHABI1', t);
    const r = resolveEntities(
      [c],
      [
        at(t, [
          ['PERSON', 'Abdullah bin Zayed Al Nahyan'],
          ['ORGANIZATION', 'AbZ'],
          ['ORGANIZATION', 'AbZ'],
        ]),
      ],
    );
    expect(r.perCable[0]).toHaveLength(1);
    expect(r.perCable[0][0]).toMatchObject({
      type: 'PERSON',
      name: 'Abdullah bin Zayed Al Nahyan',
      mentions: ['Abdullah bin Zayed Al Nahyan', 'AbZ'],
    });
    expect(r.entities[0].aliases).toEqual([
      { text: 'AbZ', count: 2 },
      { text: 'Abdullah bin Zayed Al Nahyan', count: 1 },
    ]);
  });

  it("an organization's acronym in parentheses is its alias even when its initials spell another language, and names it", () => {
    const t = 'under the Justice and Development Party (AKP) government. AKP deputies voted.';
    const c = makeCable('06ANKARA1', t);
    const r = resolveEntities(
      [c],
      [
        at(t, [
          ['ORGANIZATION', 'Justice and Development Party'],
          ['ORGANIZATION', 'AKP'],
          ['ORGANIZATION', 'AKP'],
        ]),
      ],
    );
    expect(r.perCable[0]).toHaveLength(1);
    expect(r.perCable[0][0]).toMatchObject({
      type: 'ORGANIZATION',
      name: 'AKP',
      mentions: ['AKP', 'Justice and Development Party'],
    });
  });

  it('the names of one body in other words, spellings or with its nationality as an adjective are one organization', () => {
    const t =
      'The Spanish Navy and the U.S. Navy met. The Navy said the Defense Department and the Department of Defence agreed.';
    const c = makeCable('08MADRID1', t, { tags: [{ code: 'SP', kind: 'country' as const }] });
    const r = resolveEntities(
      [c],
      [
        at(t, [
          ['ORGANIZATION', 'Spanish Navy'],
          ['ORGANIZATION', 'U.S. Navy'],
          ['ORGANIZATION', 'Navy'],
          ['ORGANIZATION', 'Defense Department'],
          ['ORGANIZATION', 'Department of Defence'],
        ]),
      ],
    );
    expect(r.perCable[0].map((e) => [e.name, e.mentions.slice().sort()]).sort()).toEqual([
      ['Department of Defence', ['Defense Department', 'Department of Defence']],
      ['Navy (Spain)', ['Navy', 'Spanish Navy']],
      ['U.S. Navy', ['U.S. Navy']],
    ]);
  });

  it("a government's acronym several countries share is the government the cable names in words, unless it is the cable's own", () => {
    const t1 = 'The Nigerian government agreed. GON officials said so.';
    const c1 = makeCable('08LONDON1', t1, { tags: [{ code: 'UK', kind: 'country' as const }] });
    const t2 = 'The Iraqi government agreed. GOI officials said so.';
    const c2 = makeCable('05ROME1', t2, { tags: [{ code: 'IT', kind: 'country' as const }] });
    const r = resolveEntities(
      [c1, c2],
      [
        at(t1, [
          ['ORGANIZATION', 'Nigerian government'],
          ['ORGANIZATION', 'GON'],
        ]),
        at(t2, [
          ['ORGANIZATION', 'Iraqi government'],
          ['ORGANIZATION', 'GOI'],
        ]),
      ],
    );
    expect(r.perCable[0].map((e) => [e.name, e.mentions.slice().sort()])).toEqual([
      ['Government of Nigeria', ['GON', 'Nigerian government']],
    ]);
    expect(r.perCable[1].map((e) => e.name).sort()).toEqual(['Government of Iraq', 'Government of Italy']);
  });

  it('a company named without its corporate suffix joins its full name; a body named after another stays apart', () => {
    const t = 'Highrock Holding Ltd and OstChem Holding AG: Highrock and OstChem. The EU and the EU Council.';
    const c = makeCable('08KYIV1', t);
    const r = resolveEntities(
      [c],
      [
        at(t, [
          ['ORGANIZATION', 'Highrock Holding Ltd'],
          ['ORGANIZATION', 'OstChem Holding AG'],
          ['ORGANIZATION', 'Highrock'],
          ['ORGANIZATION', 'OstChem'],
          ['ORGANIZATION', 'EU'],
          ['ORGANIZATION', 'EU Council'],
        ]),
      ],
    );
    expect(r.perCable[0].map((e) => [e.name, e.mentions.length]).sort()).toEqual([
      ['EU Council', 1],
      ['European Union', 1],
      ['Highrock Holding Ltd', 2],
      ['OstChem Holding AG', 2],
    ]);
  });

  it('a person in parentheses after an office stays a person (routing lines: "EUR/CE (PFEUFFER)")', () => {
    const t = 'FOR EUR/CE (PFEUFFER) AND EUR/CE';
    const c = makeCable('06SKOPJE1', t);
    const r = resolveEntities(
      [c],
      [
        at(t, [
          ['ORGANIZATION', 'EUR/CE'],
          ['PERSON', 'PFEUFFER'],
          ['ORGANIZATION', 'EUR/CE'],
        ]),
      ],
    );
    expect(r.perCable[0].map((e) => e.type).sort()).toEqual(['ORGANIZATION', 'PERSON']);
  });
});

describe('canonical names', () => {
  it('never keep a possessive', () => {
    const text = "Iran's nuclear program worries Iran's neighbours; Iran denies it.";
    const cable = {
      id: '09PARIS1',
      origin: 'Embassy Paris',
      routing: { to: [], info: [] },
      tags: [],
      paragraphs: [],
      text,
    } as never;
    const at = (surface: string, from = 0) => {
      const start = text.indexOf(surface, from);
      return { type: 'PLACE' as const, text: surface, start, end: start + surface.length };
    };
    const { entities } = resolveEntities([cable], [[at("Iran's"), at("Iran's", 5), at('Iran', 40)]]);
    expect(entities.map((e) => e.name)).toEqual(['Iran']);
  });
});

describe('the corpus-wide person pass', () => {
  const cable = (id: string, text: string, created: string, tags: string[]) =>
    makeCable(id, text, { created, tags: tags.map((code) => ({ code, kind: 'country' as const })) });
  const persons = (r: ReturnType<typeof resolveEntities>) =>
    r.entities
      .filter((e) => e.type === 'PERSON')
      .map((e) => `${e.name}:${e.cables.length}`)
      .sort();

  it('joins a surname alone to the one full name its country and years agree with, across cables', () => {
    const t1 = 'President Nicolas Sarkozy met Merkel in Paris.';
    const t2 = 'Sarkozy told the Spanish press about France.';
    const t3 = 'Sarkozy and Zapatero spoke.';
    const cs = [
      cable('07PARIS1', t1, '2007-06-01', ['FR']),
      cable('08MADRID2', t2, '2008-01-10', ['FR', 'SP']),
      cable('08MADRID3', t3, '2008-02-10', ['SP']),
    ];
    const r = resolveEntities(cs, [
      at(t1, [
        ['PERSON', 'Nicolas Sarkozy'],
        ['PERSON', 'Merkel'],
        ['PLACE', 'Paris'],
      ]),
      at(t2, [
        ['PERSON', 'Sarkozy'],
        ['PLACE', 'France'],
      ]),
      at(t3, [
        ['PERSON', 'Sarkozy'],
        ['PERSON', 'Zapatero'],
      ]),
    ]);
    // cable 2 shares the country FR; cable 3 shares nothing (no country, no co-mention) and stays apart
    expect(persons(r)).toEqual(['Merkel:1', 'Nicolas Sarkozy:2', 'Sarkozy:1', 'Zapatero:1']);
  });

  it('tells two people of one surname apart by the cable year', () => {
    const t1 = 'President George H. W. Bush spoke of Iraq.';
    const t2 = 'Bush wrote to Saddam about Iraq.';
    const t3 = 'President George W. Bush spoke of Iraq.';
    const t4 = 'Bush visited troops in Iraq.';
    const cs = [
      cable('90STATE1', t1, '1990-08-01', ['IZ']),
      cable('90STATE2', t2, '1990-09-01', ['IZ']),
      cable('07STATE3', t3, '2007-03-01', ['IZ']),
      cable('07STATE4', t4, '2007-05-01', ['IZ']),
    ];
    const r = resolveEntities(cs, [
      at(t1, [
        ['PERSON', 'George H. W. Bush'],
        ['PLACE', 'Iraq'],
      ]),
      at(t2, [
        ['PERSON', 'Bush'],
        ['PERSON', 'Saddam'],
        ['PLACE', 'Iraq'],
      ]),
      at(t3, [
        ['PERSON', 'George W. Bush'],
        ['PLACE', 'Iraq'],
      ]),
      at(t4, [
        ['PERSON', 'Bush'],
        ['PLACE', 'Iraq'],
      ]),
    ]);
    expect(persons(r)).toEqual(['George H. W. Bush:2', 'George W. Bush:2', 'Saddam:1']);
  });

  it('makes one person of the spellings and initials of a full name', () => {
    const t1 = 'Craig R. Stapleton and Barack Obama.';
    const t2 = 'Craig Stapleton and Barak Obama.';
    const t3 = 'Craig R. Stapleton with Barack Obama.';
    const cs = [
      cable('08PARIS1', t1, '2008-01-01', ['FR']),
      cable('08PARIS2', t2, '2008-02-01', ['FR']),
      cable('08PARIS3', t3, '2008-03-01', ['FR']),
    ];
    const r = resolveEntities(cs, [
      at(t1, [
        ['PERSON', 'Craig R. Stapleton'],
        ['PERSON', 'Barack Obama'],
      ]),
      at(t2, [
        ['PERSON', 'Craig Stapleton'],
        ['PERSON', 'Barak Obama'],
      ]),
      at(t3, [
        ['PERSON', 'Craig R. Stapleton'],
        ['PERSON', 'Barack Obama'],
      ]),
    ]);
    expect(persons(r)).toEqual(['Barack Obama:3', 'Craig R. Stapleton:3']);
  });

  it('is a function of the whole input: the same entities and ids whatever order the cables come in', () => {
    const t1 = 'Hamid Karzai met Holbrooke in Kabul.';
    const t2 = 'Karzai said Holbrooke was wrong about Kabul.';
    const t3 = 'Ahmed Wali Karzai runs Kandahar.';
    const cs = [
      cable('09KABUL1', t1, '2009-01-01', ['AF']),
      cable('09KABUL2', t2, '2009-02-01', ['AF']),
      cable('09KABUL3', t3, '2009-03-01', ['AF']),
    ];
    const ms = [
      at(t1, [
        ['PERSON', 'Hamid Karzai'],
        ['PERSON', 'Holbrooke'],
        ['PLACE', 'Kabul'],
      ]),
      at(t2, [
        ['PERSON', 'Karzai'],
        ['PERSON', 'Holbrooke'],
        ['PLACE', 'Kabul'],
      ]),
      at(t3, [
        ['PERSON', 'Ahmed Wali Karzai'],
        ['PLACE', 'Kandahar'],
      ]),
    ];
    const a = resolveEntities(cs, ms);
    const b = resolveEntities([cs[2], cs[0], cs[1]], [ms[2], ms[0], ms[1]]);
    expect(persons(a)).toEqual(['Ahmed Wali Karzai:1', 'Hamid Karzai:2', 'Holbrooke:2']);
    // (the co-mentions Holbrooke and Kabul point to Hamid Karzai, not his brother)
    expect(persons(b)).toEqual(persons(a));
    expect(b.entities.map((e) => e.id)).toEqual(a.entities.map((e) => e.id));
  });
});

describe('organizations named by a field, an acronym of several countries, or a people', () => {
  const es = [{ code: 'SP', kind: 'country' as const }];
  /** The entity names of one cable's mentions (in mention order; a dropped mention names none). */
  const names = (id: string, text: string, items: Array<[Mention['type'], string]>, extra = {}) => {
    const cable = makeCable(id, text, extra);
    const { perCable } = resolveEntities([cable], [at(text, items)]);
    return perCable[0].map((e) => `${e.type}:${e.name}`).sort();
  };

  it('reads a lone field word by the title beside it: the host ministry, or the U.S. department', () => {
    const madrid = { tags: es, origin: 'Embassy Madrid' };
    expect(
      names(
        '05MADRID1',
        'Minister of Defense Jose Bono met Interior Minister Alonso. Justice officials said so.',
        [
          ['ORGANIZATION', 'Defense'],
          ['ORGANIZATION', 'Interior'],
          ['ORGANIZATION', 'Justice'],
        ],
        madrid,
      ),
    ).toEqual([
      'ORGANIZATION:Ministry of Defense (Spain)',
      'ORGANIZATION:Ministry of Interior (Spain)',
      // without a title word, an embassy's cable means the host's ministry
      'ORGANIZATION:Ministry of Justice (Spain)',
    ]);
    // (one surface names one entity per cable: the department is read in a cable of its own)
    expect(names('05MADRID2', 'Bono met Secretary of Defense Gates.', [['ORGANIZATION', 'Defense']], madrid)).toEqual([
      'ORGANIZATION:US Department of Defense',
    ]);
    // a Washington cable's field is its department
    expect(
      names('09STATE1', 'Defense and Justice agreed.', [
        ['ORGANIZATION', 'Defense'],
        ['ORGANIZATION', 'Justice'],
      ]),
    ).toEqual(['ORGANIZATION:US Department of Defense', 'ORGANIZATION:US Department of Justice']);
  });

  it('reads GOB and SAG with the cable country, KRG and "P5-plus" as their bodies, a people as no organization', () => {
    const text =
      'The GOB, the SAG, the KRG and the P5-plus spoke of Basque terrorism; the U.S Congress and U.S-Iraq ties.';
    const items: Array<[Mention['type'], string]> = [
      ['ORGANIZATION', 'GOB'],
      ['ORGANIZATION', 'SAG'],
      ['ORGANIZATION', 'KRG'],
      ['ORGANIZATION', 'P5-plus'],
      ['ORGANIZATION', 'Basque'],
      ['ORGANIZATION', 'U.S Congress'],
      ['PLACE', 'U.S'],
    ];
    expect(
      names('08BRASILIA1', text, items, { tags: [{ code: 'BR', kind: 'country' }], origin: 'Embassy Brasilia' }),
    ).toEqual([
      'ORGANIZATION:Congress',
      'ORGANIZATION:Government of Brazil',
      'ORGANIZATION:Government of Saudi Arabia',
      'ORGANIZATION:Kurdistan Regional Government',
      'ORGANIZATION:P5+1',
      'PLACE:United States',
    ]);
    const za = names('08PRETORIA1', text, items, {
      tags: [{ code: 'SF', kind: 'country' }],
      origin: 'Embassy Pretoria',
    });
    expect(za).toContain('ORGANIZATION:Government of South Africa');
  });

  it('reads the Department, an office symbol, the Alliance, the Kingdom and a routing address', () => {
    const text = 'DEPARTMENT FOR P\nAMEMBASSY BRASILIA\nThe Alliance and the Kingdom agreed.';
    const items: Array<[Mention['type'], string]> = [
      ['ORGANIZATION', 'DEPARTMENT'],
      ['ORGANIZATION', 'P'],
      ['ORGANIZATION', 'AMEMBASSY BRASILIA'],
      ['ORGANIZATION', 'Alliance'],
      ['PLACE', 'Kingdom'],
    ];
    expect(
      names('07RIYADH1', text, items, { tags: [{ code: 'SA', kind: 'country' }], origin: 'Embassy Riyadh' }),
    ).toEqual([
      'ORGANIZATION:NATO',
      'ORGANIZATION:Office of the Under Secretary for Political Affairs',
      'ORGANIZATION:US Department of State',
      'ORGANIZATION:US Embassy Brasilia',
      'PLACE:Saudi Arabia',
    ]);
    // a republic is no kingdom
    expect(names('07PARIS1', text, items, { tags: fr, origin: 'Embassy Paris' })).not.toContain('PLACE:France');
  });

  it("reads a party every country has as the cable's country's, and drops a bare direction", () => {
    const text = 'The Socialists and the Socialist deputies met Labour; the North and the Greens.';
    const items: Array<[Mention['type'], string]> = [
      ['ORGANIZATION', 'Socialists'],
      ['ORGANIZATION', 'Socialist'],
      ['ORGANIZATION', 'Labour'],
      ['PLACE', 'North'],
      ['ORGANIZATION', 'Greens'],
    ];
    expect(names('07PARIS2', text, items, { tags: fr, origin: 'Embassy Paris' })).toEqual([
      'ORGANIZATION:Green Party (France)',
      'ORGANIZATION:Labour Party (France)',
      'ORGANIZATION:Socialist Party (France)',
    ]);
    // the White House that speaks is the office whatever the tagger read; the one a visitor is at, the building
    expect(
      names('07PARIS3', 'The White House said so at the White House.', [
        ['PLACE', 'White House'],
        ['ORGANIZATION', 'White House'],
      ]),
    ).toEqual(['ORGANIZATION:White House', 'PLACE:White House']);
    const es = names('07MADRID2', text, items, { tags: [{ code: 'SP', kind: 'country' }], origin: 'Embassy Madrid' });
    expect(es).toContain('ORGANIZATION:Socialist Party (Spain)');
    expect(es).not.toContain('PLACE:North');
  });

  it('reads "the U.S. Embassy" as one embassy: the one named after it, else the cable\'s own', () => {
    const paris = { tags: fr, origin: 'Embassy Paris' };
    const own = 'The U.S. Embassy hosted it. Embassy Tel Aviv agreed.';
    const items: Array<[Mention['type'], string]> = [
      ['ORGANIZATION', 'U.S. Embassy'],
      ['ORGANIZATION', 'Embassy Tel Aviv'],
    ];
    expect(names('07PARIS4', own, items, paris)).toEqual([
      'ORGANIZATION:US Embassy Paris',
      'ORGANIZATION:US Embassy Tel Aviv',
    ]);
    const kabul = 'The U.S. Embassy in Kabul agreed.';
    expect(names('07PARIS5', kabul, [['ORGANIZATION', 'U.S. Embassy']], paris)).toEqual([
      'ORGANIZATION:US Embassy Kabul',
    ]);
    // from no embassy (a Department cable) the unnamed one stays as written
    expect(names('07STATE4', own, items, { origin: 'Secretary of State' })).toContain('ORGANIZATION:U.S. Embassy');
  });

  it('writes a person named partly in capitals in title case', () => {
    const text = 'Secretary Condoleezza RICE met LE PEN; King Abdullah II agreed.';
    expect(
      names(
        '07PARIS9',
        text,
        [
          ['PERSON', 'Condoleezza RICE'],
          ['PERSON', 'Abdullah II'],
        ],
        { tags: fr },
      ),
    ).toEqual(['PERSON:Abdullah II', 'PERSON:Condoleezza Rice']);
  });
});

describe('a surname with its article', () => {
  it('"Al Maliki" alone is the surname of Nuri al-Maliki, within a cable and across cables', () => {
    const iz = [{ code: 'IZ', kind: 'country' as const }];
    const t1 = 'PM Nuri al-Maliki met the Ambassador. Al Maliki said so.';
    const t2 = 'Al Maliki told the Ambassador.';
    const t3 = 'Nuri al-Maliki spoke.';
    const { entities, perCable } = resolveEntities(
      [
        makeCable('08BAGHDAD1', t1, { tags: iz }),
        makeCable('08BAGHDAD2', t2, { tags: iz }),
        makeCable('08BAGHDAD3', t3, { tags: iz }),
      ],
      [
        at(t1, [
          ['PERSON', 'Nuri al-Maliki'],
          ['PERSON', 'Al Maliki'],
        ]),
        at(t2, [['PERSON', 'Al Maliki']]),
        at(t3, [['PERSON', 'Nuri al-Maliki']]),
      ],
    );
    expect(entities.filter((e) => e.type === 'PERSON').map((e) => e.name)).toEqual(['Nuri al-Maliki']);
    expect(perCable.map((c) => c.map((e) => e.name))).toEqual([
      ['Nuri al-Maliki'],
      ['Nuri al-Maliki'],
      ['Nuri al-Maliki'],
    ]);
  });
  it('an organization named only by its acronym in some cables is the one other cables spell it out as, under the form more cables use; an acronym two names claim stays apart', () => {
    const spelled = 'Gulf Cooperation Council (GCC) ministers met.';
    const short = 'The GCC met again.';
    const texts = [
      spelled,
      short,
      short,
      'The Palestinian Authority (PA) said.',
      'Pennsylvania Avenue (PA) closed.',
      'The PA said.',
    ];
    const cs = texts.map((t, i) => makeCable(`09RIYADH${i + 1}`, t));
    const { entities, perCable } = resolveEntities(cs, [
      at(texts[0], [
        ['ORGANIZATION', 'Gulf Cooperation Council'],
        ['ORGANIZATION', 'GCC'],
      ]),
      at(texts[1], [['ORGANIZATION', 'GCC']]),
      at(texts[2], [['ORGANIZATION', 'GCC']]),
      at(texts[3], [
        ['ORGANIZATION', 'Palestinian Authority'],
        ['ORGANIZATION', 'PA'],
      ]),
      at(texts[4], [
        ['ORGANIZATION', 'Pennsylvania Avenue'],
        ['ORGANIZATION', 'PA'],
      ]),
      at(texts[5], [['ORGANIZATION', 'PA']]),
    ]);
    // GCC: two cables by the acronym alone, one spelled out: one entity, named as most cables write it
    const gcc = entities.find((e) => e.aliases.some((a) => a.text === 'GCC'))!;
    expect(gcc).toMatchObject({ name: 'GCC', cables: ['09RIYADH1', '09RIYADH2', '09RIYADH3'] });
    expect(gcc.aliases.map((a) => a.text).sort()).toEqual(['GCC', 'Gulf Cooperation Council']);
    expect(perCable[0][0].id).toBe(perCable[1][0].id);
    // PA: the initials of two bodies: the lone PA is neither
    const pa = entities.filter((e) => e.aliases.some((a) => a.text === 'PA')).map((e) => [e.name, e.cables]);
    expect(pa).toContainEqual(['PA', ['09RIYADH6']]);
    expect(entities.filter((e) => e.type === 'ORGANIZATION')).toHaveLength(4);
  });
  it('an acronym in another language joins the name two cables write it beside, and a name joins it only in the country whose cables write it', () => {
    const texts = [
      'The ruling Socialist Party (PSOE) won.',
      'The Socialist Party (PSOE) lost.',
      'The PSOE said.',
      'The Foreign Office (FCO) said.',
      'The Foreign Office (FCO) agreed.',
      'The FCO said.',
      'The Foreign Office said.',
      'The Foreign Office said.',
    ];
    const ids = [
      '09MADRID1',
      '09MADRID2',
      '09MADRID3',
      '09LONDON1',
      '09LONDON2',
      '09LONDON3',
      '09LONDON4',
      '09BERLIN1',
    ];
    const cs = texts.map((t, i) => makeCable(ids[i], t));
    const { entities } = resolveEntities(
      cs,
      texts.map((t) =>
        at(
          t,
          (['Socialist Party', 'PSOE', 'Foreign Office', 'FCO'] as const)
            .filter((w) => new RegExp(`\\b${w}\\b`).test(t))
            .map((w): [Mention['type'], string] => ['ORGANIZATION', w]),
        ),
      ),
    );
    const orgs = entities.map((e) => [e.name, e.cables]).sort();
    expect(orgs).toEqual([
      ['FCO', ['09LONDON1', '09LONDON2', '09LONDON3', '09LONDON4']],
      ['Foreign Office', ['09BERLIN1']],
      ['Socialist Party (Spain)', ['09MADRID1', '09MADRID2', '09MADRID3']],
    ]);
  });
  it('a name one word short of an acronym written in the same cables (Foreign Office, FCO) joins it in their country, not in Berlin', () => {
    const texts = [
      'The FCO met. The Foreign Office agreed.',
      'The Foreign Office said. The FCO noted.',
      'The FCO said.',
      'The FCO said again.',
      'The Foreign Office said.',
      'The Foreign Office said.',
    ];
    const ids = ['09LONDON1', '09LONDON2', '09LONDON3', '09LONDON4', '09LONDON5', '09BERLIN1'];
    const { entities } = resolveEntities(
      texts.map((t, i) => makeCable(ids[i], t)),
      texts.map((t) =>
        at(
          t,
          [...t.matchAll(/Foreign Office|FCO/g)].map((m): [Mention['type'], string] => ['ORGANIZATION', m[0]]),
        ),
      ),
    );
    expect(entities.map((e) => [e.name, e.cables]).sort()).toEqual([
      ['FCO', ['09LONDON1', '09LONDON2', '09LONDON3', '09LONDON4', '09LONDON5']],
      ['Foreign Office', ['09BERLIN1']],
    ]);
  });
  it("an acronym joined across cables takes the spelled-out name when more cables write that, counting the name's cables that do not write the acronym", () => {
    const texts = [
      'Gulf Cooperation Council (GCC) ministers met.',
      'The Gulf Cooperation Council met.',
      'The Gulf Cooperation Council met again.',
      'The GCC said.',
      'The GCC said again.',
    ];
    const cs = texts.map((t, i) => makeCable(`09RIYADH${i + 1}`, t));
    const { entities } = resolveEntities(
      cs,
      texts.map((t) =>
        t.includes('Gulf')
          ? at(t, [
              ['ORGANIZATION', 'Gulf Cooperation Council'],
              ...(t.includes('(GCC)') ? [['ORGANIZATION', 'GCC'] as ['ORGANIZATION', string]] : []),
            ])
          : at(t, [['ORGANIZATION', 'GCC']]),
      ),
    );
    const orgs = entities.filter((e) => e.type === 'ORGANIZATION');
    expect(orgs.map((e) => [e.name, e.cables.length])).toEqual([['Gulf Cooperation Council', 5]]);
  });
  it('an acronym one name claims in three times the cables of the others joins it; a party after a person is no alias of the person', () => {
    const spelled = 'The Christian Democratic Union (CDU) won.';
    const texts = [
      spelled,
      spelled,
      spelled,
      'The Christian Democrat/Social Union (CDU/CSU) met.',
      'State premier Christian Wulff (CDU) spoke. The CDU agreed.',
      'The CDU lost.',
    ];
    const cs = texts.map((t, i) => makeCable(`09BERLIN${i + 1}`, t));
    const { entities, perCable } = resolveEntities(cs, [
      at(texts[0], [
        ['ORGANIZATION', 'Christian Democratic Union'],
        ['ORGANIZATION', 'CDU'],
      ]),
      at(texts[1], [
        ['ORGANIZATION', 'Christian Democratic Union'],
        ['ORGANIZATION', 'CDU'],
      ]),
      at(texts[2], [
        ['ORGANIZATION', 'Christian Democratic Union'],
        ['ORGANIZATION', 'CDU'],
      ]),
      // a tagger slip: the acronym of the pair read as "CDU" after a name with a slash in it
      at(texts[3], [
        ['ORGANIZATION', 'Christian Democrat/Social Union'],
        ['ORGANIZATION', 'CDU'],
      ]),
      at(texts[4], [
        ['PERSON', 'Christian Wulff'],
        ['ORGANIZATION', 'CDU'],
        ['ORGANIZATION', 'CDU'],
      ]),
      at(texts[5], [['ORGANIZATION', 'CDU']]),
    ]);
    const cdu = entities.find((e) => e.aliases.some((a) => a.text === 'Christian Democratic Union'))!;
    expect(cdu.cables).toEqual(['09BERLIN1', '09BERLIN2', '09BERLIN3', '09BERLIN4', '09BERLIN5', '09BERLIN6']);
    expect(cdu.aliases.map((a) => a.text).sort()).toEqual(['CDU', 'Christian Democratic Union']);
    const wulff = perCable[4].find((e) => e.type === 'PERSON')!;
    expect(wulff).toMatchObject({ name: 'Christian Wulff', mentions: ['Christian Wulff'] });
    expect(perCable[4].find((e) => e.type === 'ORGANIZATION')!.id).toBe(cdu.id);
  });
  it('an acronym two names claim joins the one that claims it in three times the cables of the other, else neither', () => {
    const lonePa = (pennsylvania: number) => {
      const texts = [
        'The Palestinian Authority (PA) said.',
        'The Palestinian Authority (PA) said again.',
        'The Palestinian Authority (PA) agreed.',
        ...Array.from({ length: pennsylvania }, () => 'Pennsylvania Avenue (PA) closed.'),
        'The PA said.',
      ];
      const cs = texts.map((t, i) => makeCable(`09JERUSALEM${i + 1}`, t));
      const { perCable } = resolveEntities(
        cs,
        texts.map((t) =>
          t === 'The PA said.'
            ? at(t, [['ORGANIZATION', 'PA']])
            : at(t, [
                ['ORGANIZATION', t.startsWith('The') ? 'Palestinian Authority' : 'Pennsylvania Avenue'],
                ['ORGANIZATION', 'PA'],
              ]),
        ),
      );
      return perCable[perCable.length - 1][0].name;
    };
    expect(lonePa(1)).toBe('Palestinian Authority');
    expect(lonePa(2)).toBe('PA');
  });
});

describe('a lone name after a royal title', () => {
  const tag = (code: string) => [{ code, kind: 'country' as const }];
  it('is a given name: it joins the royal full name it opens, never a full name it ends', () => {
    // Abdullah Abdullah is called "Abdullah" in two Kabul cables; the Saudi king is written
    // "King Abdullah bin Abdulaziz" once. "King Abdullah" in a Riyadh cable of the same year is the
    // king (on main the surname pass gave it to Abdullah Abdullah, the one full name ending so).
    const texts = [
      'Abdullah Abdullah met the Ambassador. Abdullah said the vote was stolen.',
      'Abdullah Abdullah spoke again. Abdullah will not run.',
      'King Abdullah bin Abdulaziz received the delegation.',
      'The Secretary will meet King Abdullah on Tuesday.',
    ];
    const mentions = [
      at(texts[0], [
        ['PERSON', 'Abdullah Abdullah'],
        ['PERSON', 'Abdullah'],
      ]),
      at(texts[1], [
        ['PERSON', 'Abdullah Abdullah'],
        ['PERSON', 'Abdullah'],
      ]),
      at(texts[2], [['PERSON', 'Abdullah bin Abdulaziz']]),
      at(texts[3], [['PERSON', 'Abdullah']]),
    ];
    const cables = [
      makeCable('09KABUL1', texts[0], { tags: tag('AF'), created: '2009-08-01' }),
      makeCable('09KABUL2', texts[1], { tags: tag('AF'), created: '2009-09-01' }),
      makeCable('09RIYADH1', texts[2], { tags: tag('SA'), created: '2009-03-01' }),
      makeCable('09RIYADH2', texts[3], { tags: tag('SA'), created: '2009-10-01' }),
    ];
    const { perCable } = resolveEntities(cables, mentions);
    expect(perCable[3].map((e) => e.name)).toEqual(['Abdullah bin Abdulaziz']);
    expect(perCable[0].map((e) => e.name)).toEqual(['Abdullah Abdullah']);
  });

  it('stays the title and the name where no royal full name is in evidence, apart from the surname of another', () => {
    // "Sheikh Sharif" in a Nairobi cable on Somalia is not Nawaz Sharif, whom two Pakistan cables call "Sharif"
    const texts = [
      'Nawaz Sharif met the Ambassador. Sharif said the army must stay out.',
      'Nawaz Sharif spoke again. Sharif will campaign.',
      'President Sheikh Sharif of the TFG asked for help.',
    ];
    const { perCable } = resolveEntities(
      [
        makeCable('09ISLAMABAD1', texts[0], { tags: tag('PK'), created: '2009-01-01' }),
        makeCable('09ISLAMABAD2', texts[1], { tags: tag('PK'), created: '2009-02-01' }),
        makeCable('09NAIROBI1', texts[2], { tags: tag('SO'), created: '2009-05-01' }),
      ],
      [
        at(texts[0], [
          ['PERSON', 'Nawaz Sharif'],
          ['PERSON', 'Sharif'],
        ]),
        at(texts[1], [
          ['PERSON', 'Nawaz Sharif'],
          ['PERSON', 'Sharif'],
        ]),
        at(texts[2], [['PERSON', 'Sheikh Sharif']]),
      ],
    );
    expect(perCable[2].map((e) => e.name)).toEqual(['Sheikh Sharif']);
  });

  it('joins the royal full name of a given name spelled one letter apart, and the name alone joins it within the cable', () => {
    const texts = [
      'King Abdullah bin Abdulaziz received the delegation.',
      'King Abdallah will visit Paris.',
      'Nawaz Sharif met the Ambassador. Sharif said the army must stay out.',
      'Nawaz Sharif spoke again. Sharif will campaign.',
      'President Sheikh Sharif asked for help. Sharif said the TFG would hold.',
    ];
    const { perCable } = resolveEntities(
      [
        makeCable('09RIYADH1', texts[0], { tags: tag('SA'), created: '2009-03-01' }),
        makeCable('09PARIS1', texts[1], { tags: tag('SA'), created: '2009-04-01' }),
        makeCable('09ISLAMABAD1', texts[2], { tags: tag('PK'), created: '2009-01-01' }),
        makeCable('09ISLAMABAD2', texts[3], { tags: tag('PK'), created: '2009-02-01' }),
        makeCable('09NAIROBI1', texts[4], { tags: tag('SO'), created: '2009-05-01' }),
      ],
      [
        at(texts[0], [['PERSON', 'Abdullah bin Abdulaziz']]),
        at(texts[1], [['PERSON', 'Abdallah']]),
        at(texts[2], [
          ['PERSON', 'Nawaz Sharif'],
          ['PERSON', 'Sharif'],
        ]),
        at(texts[3], [
          ['PERSON', 'Nawaz Sharif'],
          ['PERSON', 'Sharif'],
        ]),
        at(texts[4], [
          ['PERSON', 'Sharif'],
          ['PERSON', 'Sharif'],
        ]),
      ],
    );
    expect(perCable[1].map((e) => e.name)).toEqual(['Abdullah bin Abdulaziz']);
    expect(perCable[4].map((e) => e.name)).toEqual(['Sheikh Sharif']);
  });

  it('within a cable, joins of several full names it opens the one written after a royal title', () => {
    const t =
      'Sheikh Mohammad bin Rashid Al Maktoum met the delegation with Mohammad al-Gergawi. Sheikh Mohammad said Dubai would pay.';
    const { perCable } = resolveEntities(
      [makeCable('07DUBAI1', t, { tags: tag('AE'), created: '2007-06-01' })],
      [
        at(t, [
          ['PERSON', 'Mohammad bin Rashid Al Maktoum'],
          ['PERSON', 'Mohammad al-Gergawi'],
          ['PERSON', 'Mohammad'],
        ]),
      ],
    );
    expect(perCable[0].map((e) => [e.name, [...e.mentions].sort()]).sort()).toEqual([
      ['Mohammad al-Gergawi', ['Mohammad al-Gergawi']],
      ['Mohammad bin Rashid Al Maktoum', ['Mohammad', 'Mohammad bin Rashid Al Maktoum']],
    ]);
  });
});

describe("a person written as someone's relative", () => {
  const tr = [{ code: 'TR', kind: 'country' as const }];
  it('is not the one the family name alone stands for, where another full name of it is not written so', () => {
    const texts = [
      'PM Recep Tayyip Erdogan met President Gul.',
      "Ayan is a friend of PM Erdogan and of Mustafa Erdogan (PM's brother).",
      'PM Erdogan said the talks would go on. Erdogan left for Brussels.',
      "Gul's brother Ahmet Gul and Recep Tayyip Erdogan met. Erdogan spoke.",
    ];
    const { perCable } = resolveEntities(
      [
        makeCable('07ANKARA1', texts[0], { tags: tr, created: '2007-05-01' }),
        makeCable('09ANKARA1', texts[1], { tags: tr, created: '2009-02-01' }),
        makeCable('09ANKARA2', texts[2], { tags: tr, created: '2009-06-01' }),
        makeCable('09ANKARA3', texts[3], { tags: tr, created: '2009-07-01' }),
      ],
      [
        at(texts[0], [
          ['PERSON', 'Recep Tayyip Erdogan'],
          ['PERSON', 'Gul'],
        ]),
        at(texts[1], [
          ['PERSON', 'Erdogan'],
          ['PERSON', 'Mustafa Erdogan'],
        ]),
        at(texts[2], [
          ['PERSON', 'Erdogan'],
          ['PERSON', 'Erdogan'],
        ]),
        at(texts[3], [
          ['PERSON', 'Ahmet Gul'],
          ['PERSON', 'Recep Tayyip Erdogan'],
          ['PERSON', 'Erdogan'],
        ]),
      ],
    );
    // across cables: the Prime Minister, not his brother of the same years
    expect(perCable[2].map((e) => e.name)).toEqual(['Recep Tayyip Erdogan']);
    expect(perCable[3].find((e) => e.mentions.includes('Erdogan'))?.name).toBe('Recep Tayyip Erdogan');
  });
});

describe('the White House of a cable from Russia', () => {
  it("is the Russian government's seat where the cable names the Kremlin, else the American", () => {
    const ru = [{ code: 'RU', kind: 'country' as const }];
    const t1 = "Putin's move from the Kremlin to the White House left Medvedev adrift.";
    const t2 = 'Medvedev will visit the White House in June.';
    const t3 = 'The Kremlin said the U.S. White House had agreed.';
    const { perCable } = resolveEntities(
      [
        makeCable('08MOSCOW1', t1, { tags: ru }),
        makeCable('08MOSCOW2', t2, { tags: ru }),
        makeCable('08MOSCOW3', t3, { tags: ru }),
      ],
      [
        at(t1, [
          ['ORGANIZATION', 'Kremlin'],
          ['ORGANIZATION', 'White House'],
        ]),
        at(t2, [['ORGANIZATION', 'White House']]),
        at(t3, [
          ['ORGANIZATION', 'Kremlin'],
          ['ORGANIZATION', 'White House'],
        ]),
      ],
    );
    const named = (i: number) => perCable[i].find((e) => e.mentions.includes('White House'))?.name;
    expect(named(0)).toBe('Russian White House');
    expect(named(1)).toBe('White House');
    expect(named(2)).toBe('White House');
  });
});

describe('a lone surname that several full names of its cable end with', () => {
  const cu = [{ code: 'CU', kind: 'country' as const }];
  const resolveOne = (text: string, items: Array<[Mention['type'], string]>) =>
    resolveEntities([makeCable('10HAVANA84', text, { tags: cu })], [at(text, items)]).perCable[0];

  it('joins the one named last before its first use when no other cable tells', () => {
    const text = 'Unlike former president Fidel Castro, Raul Castro needs the machine. Castro spoke in December.';
    const entities = resolveOne(text, [
      ['PERSON', 'Fidel Castro'],
      ['PERSON', 'Raul Castro'],
      ['PERSON', 'Castro'],
    ]);
    expect(entities.map((e) => [e.name, e.mentions]).sort()).toEqual([
      ['Fidel Castro', ['Fidel Castro']],
      ['Raul Castro', ['Raul Castro', 'Castro']],
    ]);
  });

  it('follows the order of the text, not of the names', () => {
    const text = 'Raul Castro visited Fidel Castro in hospital. Castro was frail.';
    const entities = resolveOne(text, [
      ['PERSON', 'Raul Castro'],
      ['PERSON', 'Fidel Castro'],
      ['PERSON', 'Castro'],
    ]);
    expect(entities.find((e) => e.mentions.includes('Castro'))!.name).toBe('Fidel Castro');
  });

  it('stays apart when no full name of it comes before', () => {
    const text = 'Castro spoke first. Later Fidel Castro and Raul Castro met.';
    const entities = resolveOne(text, [
      ['PERSON', 'Castro'],
      ['PERSON', 'Fidel Castro'],
      ['PERSON', 'Raul Castro'],
    ]);
    expect(entities.map((e) => e.name).sort()).toEqual(['Castro', 'Fidel Castro', 'Raul Castro']);
  });
});

describe('a family name written first', () => {
  it('alone, even of two letters or an English word, is the full name it opens before a given name', () => {
    const text = 'President Hu Jintao and Premier Wen Jiabao met. Hu said little; Wen spoke of trade.';
    const { perCable } = resolveEntities(
      [makeCable('09BEIJING1', text, { tags: [{ code: 'CH', kind: 'country' as const }] })],
      [
        at(text, [
          ['PERSON', 'Hu Jintao'],
          ['PERSON', 'Wen Jiabao'],
          ['PERSON', 'Hu'],
          ['PERSON', 'Wen'],
        ]),
      ],
    );
    expect(perCable[0].map((e) => [e.name, [...e.mentions].sort()]).sort()).toEqual([
      ['Hu Jintao', ['Hu', 'Hu Jintao']],
      ['Wen Jiabao', ['Wen', 'Wen Jiabao']],
    ]);
  });
});

describe('a lone surname that misspells the surname of a full name of its cable', () => {
  const fr2 = [{ code: 'FR', kind: 'country' as const }];
  it('joins it when no other cable tells, by one letter and long words only, never a given name or a feminine form', () => {
    const text =
      'Culture Minister Frederic Mitterrand spoke. Mitterand said so. Islam Karimov came; Karimova stayed. ' +
      'Mirza Abdullahi wrote; Abdullah replied. Jean Marc Ayrault and Ayraud met.';
    const { perCable } = resolveEntities(
      [makeCable('09PARIS1', text, { tags: fr2 })],
      [
        at(text, [
          ['PERSON', 'Frederic Mitterrand'],
          ['PERSON', 'Mitterand'],
          ['PERSON', 'Islam Karimov'],
          ['PERSON', 'Karimova'],
          ['PERSON', 'Mirza Abdullahi'],
          ['PERSON', 'Abdullah'],
          ['PERSON', 'Jean Marc Ayrault'],
          ['PERSON', 'Ayraud'],
        ]),
      ],
    );
    const nameOf = (surface: string) => perCable[0].find((e) => e.mentions.includes(surface))!.name;
    expect(nameOf('Mitterand')).toBe('Frederic Mitterrand');
    expect(nameOf('Karimova')).toBe('Karimova');
    expect(nameOf('Abdullah')).toBe('Abdullah');
    // (two letters apart from Ayrault: one changed, one left out)
    expect(nameOf('Ayraud')).toBe('Ayraud');
  });
});
