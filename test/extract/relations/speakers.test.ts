/** Speakers at the table of a cable's first meeting (src/extract/relations/speakers.ts), round 13 (dev3, dev7 forms). */
import { createExtractor } from '../../../src/extract';
import { extractRelations, type Meeting, type Party } from '../../../src/extract/relations';
import type { Cable } from '../../../src/parse/types';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');
const who = (p: Party): string => (p.kind === 'officer' ? p.role : (p.name ?? p.text).replace(/\s+/g, ' '));
async function spoke(text: string, extra: Partial<Cable> = {}): Promise<string[]> {
  const cable = makeCable('09TEST3', text, { origin: 'Embassy Kabul', created: '2009-01-23T10:10:00Z', ...extra });
  const [mentions] = await extractor.extract([cable]);
  const pair = (m: Meeting) => `${who(m.a)} | ${who(m.b)} | ${m.date ?? ''}`;
  return [
    ...new Set(
      extractRelations(cable, mentions)
        .meetings.filter((m) => m.form === 'spoke')
        .map(pair),
    ),
  ].sort();
}

const TABLE =
  '1. (S) On January 20, CENTCOM Commander David Petraeus, accompanied by Ambassador Wood and CENTCOM staff, met with President Hamid Karzai and his senior National Security staff.\n\n' +
  '2. (S) Petraeus asked Karzai to urge India to keep its cooperation with Pakistan.\n\n';

describe('speakerMeetings', () => {
  it('pairs each host minister who speaks with the visitor, dated by the first meeting (09KABUL165)', async () => {
    const got = await spoke(
      TABLE +
        '3. (S) Foreign Minister Rangin Dadfar Spanta expressed concern about the fragmentation of the donors.\n\n' +
        '4. (S) Interior Minister Hanif Atmar said that the two publics must see the allies united.',
    );
    expect(got).toEqual([
      'Hanif Atmar | David Petraeus | 2009-01-20',
      'Rangin Dadfar Spanta | David Petraeus | 2009-01-20',
    ]);
  });

  it('pairs a US official who speaks with the host (09MEXICO3061)', async () => {
    const got = await spoke(
      'Classified By: Ambassador Carlos Pascual, reasons 1.4 (b) and (d).\n\n' +
        '1. (S) DNI Dennis Blair met with President Felipe Calderon at the Presidential Palace on October 19.\n\n' +
        '2. (S) Ambassador Carlos Pascual noted that the U.S. and Mexico would hold a joint conference on the border.',
      {
        origin: 'Embassy Mexico City',
        created: '2009-10-23T10:10:00Z',
        classifiedBy: {
          name: 'Carlos Pascual',
          title: 'Ambassador',
          reasons: ['1.4(b)', '1.4(d)'],
          text: 'Ambassador Carlos Pascual',
        },
      },
    );
    expect(got).toEqual(['Carlos Pascual | Felipe Calderon | 2009-10-19']);
  });

  it('reads no speaker from a statement to the press', async () => {
    const got = await spoke(
      TABLE + '3. (S) Foreign Minister Rangin Dadfar Spanta said in a press conference that the donors were divided.',
    );
    expect(got).toEqual([]);
  });

  it('reads no speaker after the cable tells a meeting of other parties', async () => {
    const got = await spoke(
      TABLE +
        '3. (S) Separately, Poloff met with Parliament Speaker Yunus Qanuni on January 21.\n\n' +
        '4. (S) Foreign Minister Rangin Dadfar Spanta said the donors were divided.',
    );
    expect(got).toEqual([]);
  });

  it('reads no table when the first meeting is a remark told to the embassy', async () => {
    const got = await spoke(
      '1. (C) Peace Commissioner Luis Carlos Restrepo told us the meeting was cordial.\n\n' +
        '2. (C) Defense Minister Juan Manuel Santos said the hostage was in grave condition.',
      { origin: 'Embassy Bogota', created: '2008-02-25T10:10:00Z' },
    );
    expect(got).toEqual([]);
  });

  it('reads no speaker from "As President X said" (a quotation, 10MADRID80)', async () => {
    const got = await spoke(TABLE + '3. (S) As President Barack Obama said, now is the time for all of us to act.');
    expect(got).toEqual([]);
  });

  it('takes no table from a meeting the cable only reports ("the meeting in Maine between X and Y")', async () => {
    const got = await spoke(
      '1. (C) The visit was not tied to the meeting in Maine between Presidents George Bush and Nicolas Sarkozy.\n\n' +
        '2. (C) Olivier Masseret recalled the ties of the minister to the Kurds.',
      { origin: 'Embassy Paris', created: '2007-08-24T10:10:00Z' },
    );
    expect(got).toEqual([]);
  });

  // 10WARSAW94: the first meeting's table, then the same host met by a second US official
  const WARSAW = {
    origin: 'Embassy Warsaw',
    created: '2010-02-12T10:10:00Z',
    classifiedBy: {
      name: 'Lee Feinstein',
      title: 'Ambassador',
      reasons: ['1.4(b)', '1.4(d)'],
      text: 'Ambassador Lee Feinstein',
    },
  };
  const WARSAW_TABLE =
    '1. (C) U/S Ellen Tauscher met with Foreign Minister Radoslaw Sikorski on February 8.\n\n' +
    '2. (C) Ambassador Lee Feinstein called on Foreign Minister Sikorski after the meeting.\n\n';

  it('keeps the table through a US official the body adds, and pairs the speaker with both (10WARSAW94)', async () => {
    const got = await spoke(
      WARSAW_TABLE +
        '3. (C) DFM Jacek Najder raised Ukraine’s transfer of T-72 tanks to Iraq, offering that Poland could sell the same type of tanks.',
      WARSAW,
    );
    expect(got).toEqual(['Jacek Najder | Ellen Tauscher | 2010-02-08', 'Jacek Najder | Lee Feinstein | 2010-02-08']);
  });

  it('pairs both of two joint subjects who speak ("Klich and Gagor said")', async () => {
    const got = await spoke(
      WARSAW_TABLE +
        '3. (C) Defense Minister Bogdan Klich and Chief of the General Staff Franciszek Gagor said that Poland would like to extend the loan term of its vehicles.',
      WARSAW,
    );
    expect(got).toEqual([
      'Bogdan Klich | Ellen Tauscher | 2010-02-08',
      'Bogdan Klich | Lee Feinstein | 2010-02-08',
      'Franciszek Gagor | Ellen Tauscher | 2010-02-08',
      'Franciszek Gagor | Lee Feinstein | 2010-02-08',
    ]);
  });

  it('reads no second speaker from a name inside the first one’s statement', async () => {
    const got = await spoke(
      WARSAW_TABLE +
        '3. (C) Defense Minister Bogdan Klich said Chief of the General Staff Franciszek Gagor and others agreed.',
      WARSAW,
    );
    expect(got).toEqual(['Bogdan Klich | Ellen Tauscher | 2010-02-08', 'Bogdan Klich | Lee Feinstein | 2010-02-08']);
  });

  it('still ends the table at a meeting of the host with someone not of the US side', async () => {
    const got = await spoke(
      WARSAW_TABLE +
        '3. (C) Foreign Minister Sikorski met with Russian Foreign Minister Sergei Lavrov in Krakow.\n\n' +
        '4. (C) DFM Jacek Najder raised Ukraine’s transfer of T-72 tanks to Iraq.',
      WARSAW,
    );
    expect(got).toEqual([]);
  });
});
