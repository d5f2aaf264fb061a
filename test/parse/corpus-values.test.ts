import * as fs from 'fs';
import * as path from 'path';
import { parseCable } from '../../src/parse';
import { rawFromHtml } from './helpers';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/cablegate/cable');
const parse = (rel: string) => parseCable(rawFromHtml(path.join(CORPUS, rel)));

// Hand-checked against the pages (values as they read in the cable).
const TABLE: Array<
  [
    string,
    {
      id: string;
      created: string;
      classification: string;
      origin: string;
      tags: string[];
      subject: string;
      refs: Array<string | undefined>;
      classifiedBy?: string;
      reasons?: string[];
      signers: string[];
      paragraphs: number;
    },
  ]
> = [
  [
    '1966/12/66BUENOSAIRES2481.html',
    {
      id: '66BUENOSAIRES2481',
      created: '1966-12-28T18:06:00Z',
      classification: 'UNCLASSIFIED',
      origin: 'Embassy Buenos Aires',
      tags: ['EFIS', 'PBTS', 'AR'],
      subject: 'EXTENDED NATIONAL JURISDICTIONS OVER HIGH SEAS',
      refs: ['66STATE106206', undefined],
      signers: ['SACCIO'],
      paragraphs: 8,
    },
  ],
  [
    '1972/02/72TEHRAN1164.html',
    {
      id: '72TEHRAN1164',
      created: '1972-02-25T09:09:00Z',
      classification: 'UNCLASSIFIED',
      origin: 'Embassy Tehran',
      tags: ['MASS', 'MARR', 'IR'],
      subject: 'ACCELERATION OF F-4ES FOR IRAN',
      refs: ['72TEHRAN1091', '72TEHRAN263', '72MOSCOW1603'],
      signers: ['HECK'],
      paragraphs: 8,
    },
  ],
  [
    '1979/08/79TEHRAN8980.html',
    {
      id: '79TEHRAN8980',
      created: '1979-08-13T04:04:00Z',
      classification: 'CONFIDENTIAL',
      origin: 'Embassy Tehran',
      tags: ['PEPR', 'IR'],
      subject: 'NEGOTIATIONS',
      refs: [],
      signers: ['LAINGEN'],
      paragraphs: 7,
    },
  ],
  [
    '1986/05/86MADRID5480.html',
    {
      id: '86MADRID5480',
      created: '1986-05-12T17:05:00Z',
      classification: 'SECRET',
      origin: 'Embassy Madrid',
      tags: ['PTER', 'PINR', 'PREL', 'SP', 'LY'],
      subject: 'QADHAFI RETALIATES AGAINST SPANISH EXPULSIONS',
      refs: ['86MADRID5426', '86MADRID5425', '86MADRID5418'],
      signers: ['ENDERS'],
      paragraphs: 3,
    },
  ],
  [
    '1990/01/90CAPETOWN97.html',
    {
      id: '90CAPETOWN97',
      created: '1990-01-17T15:03:00Z',
      classification: 'CONFIDENTIAL',
      origin: 'Consulate Cape Town',
      tags: ['PGOV', 'PHUM', 'SF'],
      subject: 'ESSA MOOSA TALKS ABOUT MANDELA AND OTHER TOPICS',
      refs: [],
      signers: ['BAQUET'],
      paragraphs: 17,
    },
  ],
  [
    '2004/02/04AMMAN1288.html',
    {
      id: '04AMMAN1288',
      created: '',
      classification: '',
      origin: '',
      tags: ['PREL', 'PGOV', 'PTER', 'IZ', 'KU', 'SY', 'JO'],
      subject: 'MUASHER ON PRODUCTIVE KUWAIT MEETING, PERSISTENT PROBLEMS WITH SYRIA',
      refs: ['04KUWAIT539'],
      classifiedBy: 'Edward W. Gnehm',
      reasons: ['1.5(b)', '1.5(d)'],
      signers: ['GNEHM'],
      paragraphs: 8,
    },
  ],
  [
    '2006/03/06ISLAMABAD3705.html',
    {
      id: '06ISLAMABAD3705',
      created: '2006-03-07T15:03:00Z',
      classification: 'SECRET',
      origin: 'Embassy Islamabad',
      tags: ['EFIN', 'PK', 'PREL', 'PTER', 'KTFN'],
      subject: 'POST REQUESTS TWO WEEK DELAY IN JUD DESIGNATION',
      refs: [undefined, undefined],
      classifiedBy: 'Ryan C. Crocker',
      reasons: ['1.4(b)', '1.4(d)'],
      signers: ['CROCKER'],
      paragraphs: 2,
    },
  ],
  [
    '2006/02/06BRUSSELS524.html',
    {
      id: '06BRUSSELS524',
      created: '',
      classification: 'CONFIDENTIAL',
      origin: 'Embassy Brussels',
      tags: ['PGOV', 'PTER', 'PHUM', 'EUN', 'USEU BRUSSELS'],
      subject: 'SECSTATE LEGAL ADVISER ON WAR ON TERROR',
      refs: [],
      classifiedBy: 'TODD HUIZINGA',
      reasons: ['1.4(b)', '1.4(d)'],
      signers: ['Gray'],
      paragraphs: 18,
    },
  ],
  [
    '2007/11/07STATE152317.html',
    {
      id: '07STATE152317',
      created: '2007-11-03T05:05:00Z',
      classification: 'SECRET',
      origin: 'Secretary of State',
      tags: ['PARM', 'PREL'],
      subject:
        'POST REQUESTED TO FOLLOW UP ON ONGOING MATTERS OF PROLIFERATION CONCERN RAISED AT APEC BY PRESIDENT BUSH',
      refs: ['07STATE71143', '07STATE73601', '07STATE72896', '07BEIJING5361', '07STATE148514'],
      classifiedBy: 'THOMAS J. CHRISTENSEN',
      reasons: ['1.4(b)', '1.4(d)'],
      signers: ['RICE'],
      paragraphs: 11,
    },
  ],
  [
    '2008/08/08PARIS1501.html',
    {
      id: '08PARIS1501',
      created: '',
      classification: '',
      origin: 'Embassy Paris',
      tags: ['PREL', 'PINR', 'ECON', 'MARR', 'PHUM', 'XA', 'FR'],
      subject: '',
      refs: ['05PARIS5459', '06PARIS5733'],
      classifiedBy: 'Kathleen Allegrone',
      reasons: ['1.4(b)', '1.4(d)'],
      signers: ['STAPLETON'],
      paragraphs: 25,
    },
  ],
  [
    '2009/10/09USNATO464.html',
    {
      id: '09USNATO464',
      created: '',
      classification: '',
      origin: '',
      tags: ['MARR', 'MCAP', 'PREL', 'NATO', 'ZB', 'RS'],
      subject: 'ACTION REQUEST: BALTIC CONTINGENCY PLANNING: SOME IDEAS',
      refs: ['09VILNIUS533', '09VILNIUS527', '09TALLINN309', '09RIGA514', undefined],
      classifiedBy: 'Ivo Daalder',
      reasons: ['1.4(b)', '1.4(d)'],
      signers: ['DAALDER'],
      paragraphs: 10,
    },
  ],
  [
    '2010/01/10ABUDHABI33.html',
    {
      id: '10ABUDHABI33',
      created: '',
      classification: '',
      origin: '',
      tags: ['PGOV', 'PREL', 'PTER', 'EFIN', 'AF', 'IR', 'YM', 'AE'],
      subject: '',
      refs: [],
      classifiedBy: 'Richard G. Olson',
      reasons: ['1.4(b)', '1.4(d)'],
      signers: ['OLSON'],
      paragraphs: 9,
    },
  ],
];

describe.each(TABLE)('%s', (rel, v) => {
  const c = parse(rel);
  test('id', () => {
    expect(c.id).toBe(v.id);
    expect(c.idSource).toBe('metadata');
  });
  test('header fields', () => {
    if (v.created) expect(c.created).toBe(v.created);
    if (v.classification) expect(c.classification).toBe(v.classification);
    if (v.origin) expect(c.origin).toBe(v.origin);
    expect(c.tags.map((t) => t.code)).toEqual(v.tags);
    if (v.subject) expect(c.subject).toBe(v.subject);
    else expect(c.subject).toBeTruthy();
  });
  test('references', () => expect(c.references.map((r) => r.cableId)).toEqual(v.refs));
  test('classified by', () => {
    if (v.classifiedBy) {
      expect(c.classifiedBy?.name).toBe(v.classifiedBy);
      expect(c.classifiedBy?.reasons).toEqual(v.reasons);
    }
  });
  test('signers', () => expect(c.signers).toEqual(v.signers));
  test('paragraphs', () => {
    expect(c.paragraphs.length).toBe(v.paragraphs);
    for (const p of c.paragraphs) expect(c.text.slice(p.start, p.end)).toBe(p.text);
  });
});

test('paragraph offsets hold for every cable of the corpus; no cable throws', () => {
  const walk = (d: string): string[] =>
    fs
      .readdirSync(d, { withFileTypes: true })
      .flatMap((e) =>
        e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.html') ? [path.join(d, e.name)] : [],
      );
  const files = walk(CORPUS);
  expect(files.length).toBe(1055);
  let bad = 0;
  for (const f of files) {
    const c = parseCable(rawFromHtml(f));
    for (const p of c.paragraphs) if (c.text.slice(p.start, p.end) !== p.text) bad++;
    expect(f.endsWith(`${c.id}.html`)).toBe(true);
  }
  expect(bad).toBe(0);
}, 60000);

test('routing header of 06ISLAMABAD3705', () => {
  const c = parse('2006/03/06ISLAMABAD3705.html');
  expect(c.routing).toEqual({
    dateTimeGroup: '071510Z MAR 06',
    dateTime: '2006-03-07T15:10:00Z',
    precedence: 'O',
    from: { name: 'AMEMBASSY ISLAMABAD' },
    to: [{ name: 'SECSTATE WASHDC', routingIndicator: 'RUEHC', precedence: 'IMMEDIATE' }],
    info: [
      { name: 'AMCONSUL KARACHI', routingIndicator: 'RUEHKP', precedence: 'PRIORITY' },
      { name: 'AMCONSUL LAHORE', routingIndicator: 'RUEHLH', precedence: 'PRIORITY' },
      { name: 'AMCONSUL PESHAWAR', routingIndicator: 'RUEHPW', precedence: 'PRIORITY' },
    ],
  });
});

test('a page whose text belongs to another cable keeps the metadata id and warns', () => {
  const c = parse('2007/06/07PARIS2725.html');
  expect(c.id).toBe('07PARIS2725');
  expect(c.diagnostics.find((d) => d.rule === 'parse:id-mismatch')?.severity).toBe('warning');
});
