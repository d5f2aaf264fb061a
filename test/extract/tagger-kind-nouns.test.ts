import { retypeByKindNouns } from '../../src/extract/tagger/kind-nouns';
import type { EntityType, Mention } from '../../src/model';

/** A mention of the `n`-th occurrence (from 0) of `s` in `text`. */
const at = (text: string, s: string, type: EntityType, n = 0): Mention => {
  let start = text.indexOf(s);
  for (let i = 0; i < n; i++) start = text.indexOf(s, start + 1);
  return { type, text: s, start, end: start + s.length };
};

describe('retypeByKindNouns', () => {
  it('retypes the persons a newspaper, company or party word shows to be bodies, with their other mentions', () => {
    const t =
      'The Russian daily Vremya Novostei reported it. The Iranian firm Shahin Sefid Esta and the ruling Nur Otan party. ' +
      'Blocking Al-Manar would help; Al-Manar television. Nevsun employees say so; Nevsun is Canadian. ' +
      'The local weekly "La Razon" wrote.';
    const ms = [
      at(t, 'Vremya Novostei', 'PERSON'),
      at(t, 'Shahin Sefid Esta', 'PERSON'),
      at(t, 'Nur Otan', 'PERSON'),
      at(t, 'Al-Manar', 'PERSON', 0),
      at(t, 'Al-Manar', 'PERSON', 1),
      at(t, 'Nevsun', 'PERSON', 0),
      at(t, 'Nevsun', 'PERSON', 1),
      at(t, 'La Razon', 'PLACE'),
    ];
    retypeByKindNouns(t, ms);
    expect(ms.map((m) => [m.text, m.type])).toEqual([
      ['Vremya Novostei', 'ORGANIZATION'],
      ['Shahin Sefid Esta', 'ORGANIZATION'],
      ['Nur Otan', 'ORGANIZATION'],
      ['Al-Manar', 'ORGANIZATION'],
      ['Al-Manar', 'ORGANIZATION'],
      ['Nevsun', 'ORGANIZATION'],
      ['Nevsun', 'ORGANIZATION'],
      ['La Razon', 'ORGANIZATION'],
    ]);
  });

  it("leaves a person's party or group, a broadcaster, and places before company words alone", () => {
    const t =
      "Members of Berlusconi's party met. The Ahmedinejad group split. CSU Bundestag group Peter Ramsauer spoke. " +
      'Iranian-American broadcaster Jamshid Sharmahd was threatened. The U.S. company Mafco and a firm U.S. stance. ' +
      'The interagency paper “U.S. Policy in the North Caucasus.” Sao Paulo daily Folha wrote.';
    const ms = [
      at(t, 'Berlusconi', 'PERSON'),
      at(t, 'Ahmedinejad', 'PERSON'),
      at(t, 'Peter Ramsauer', 'PERSON'),
      at(t, 'Jamshid Sharmahd', 'PERSON'),
      at(t, 'U.S.', 'PLACE', 0),
      at(t, 'U.S.', 'PLACE', 1),
      at(t, 'U.S.', 'PLACE', 2),
      at(t, 'Sao Paulo', 'PLACE'),
    ];
    retypeByKindNouns(t, ms);
    expect(ms.map((m) => m.type)).toEqual(['PERSON', 'PERSON', 'PERSON', 'PERSON', 'PLACE', 'PLACE', 'PLACE', 'PLACE']);
  });

  it("retypes a person's name of several words that a body's word opens or closes, not a surname that is such a word", () => {
    const t =
      'Hameln Pharmaceuticals, Berna Biotech, Banco Bicentenario, Comando Maisanta, the Goran Movement, ' +
      'Shams al Sahra FZCO; former Coordinator Dell Daily, Emily Post, Frank Church, Juan Sa.';
    const names = [
      'Hameln Pharmaceuticals',
      'Berna Biotech',
      'Banco Bicentenario',
      'Comando Maisanta',
      'Goran Movement',
      'Shams al Sahra FZCO',
      'Dell Daily',
      'Emily Post',
      'Frank Church',
      'Juan Sa',
    ];
    const ms = names.map((n) => at(t, n, 'PERSON'));
    retypeByKindNouns(t, ms);
    expect(ms.map((m) => m.type)).toEqual([
      ...Array<EntityType>(6).fill('ORGANIZATION'),
      ...Array<EntityType>(4).fill('PERSON'),
    ]);
  });
});
