/** Unit titles before a name: the head of a unit the extractor names right before the person (src/extract/relations/roles.ts). */
import { createExtractor } from '../../../src/extract';
import { extractRelations } from '../../../src/extract/relations';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');

describe('readRoles: unit titles before a name', () => {
  it.each([
    [
      'Director of the ICTY Cooperation Council Office Dusan Ignjatovic told us May 4 his office had granted all requests.',
      'Ignjatovic | Director | ICTY Cooperation Council Office',
    ],
    [
      'Chief of the War Crimes Investigation police Aleksandar Kostic said the government had the will.',
      'Kostic | Chief | War Crimes Investigation police',
    ],
    [
      "Head of the Foreign Office's Counter Terrorism Policy Department Tom Smith said the threat was high.",
      'Smith | Head | Counter Terrorism Policy Department',
    ],
  ])('gives the head of a unit the unit as organization: %s', async (sentence, role) => {
    const cable = makeCable('09TEST1', `4. (SBU) ${sentence}`, {
      origin: 'Embassy Belgrade',
      created: '2009-05-06T10:10:00Z',
    });
    const [mentions] = await extractor.extract([cable]);
    const roles = extractRelations(cable, mentions).roles.map(
      (r) => `${r.person.text.split(/\s+/).pop()} | ${r.title} | ${r.organization ?? ''}`,
    );
    expect(roles).toContain(role);
  });
});
