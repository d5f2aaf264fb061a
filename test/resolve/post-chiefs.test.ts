/** PostChiefs (src/resolve/post-chiefs.ts) and the signer's surname through resolveEntities. */
import { PostChiefs } from '../../src/resolve/post-chiefs';
import { resolveEntities } from '../../src/resolve';
import { makeCable } from '../extract/helpers';
import type { Mention } from '../../src/extract/types';

describe('PostChiefs', () => {
  it("names the signer by the one full name of that surname that classified the post's cables", () => {
    const chiefs = new PostChiefs();
    chiefs.add('Embassy Kuwait', 'deborah k jones');
    chiefs.add('Embassy Kuwait', 'tom williams');
    expect(chiefs.signer('Embassy Kuwait', 'jones', 'jones')).toBe('deborah k jones');
    // another post, or a surname that is not the signer's
    expect(chiefs.signer('Embassy Paris', 'jones', 'jones')).toBeUndefined();
    expect(chiefs.signer('Embassy Kuwait', 'williams', 'jones')).toBeUndefined();
  });

  it('names no one when two full names of the surname classified the post', () => {
    const chiefs = new PostChiefs();
    chiefs.add('Embassy Kuwait', 'deborah k jones');
    chiefs.add('Embassy Kuwait', 'richard h jones');
    expect(chiefs.signer('Embassy Kuwait', 'jones', 'jones')).toBeUndefined();
  });
});

describe('a cable signed by a surname alone', () => {
  it("is the post's chief of that surname, not the best-known person of it", () => {
    const nsa = 'National Security Advisor James L. Jones met Lula. Jones said so.';
    const texts = [nsa, nsa.replace('Lula', 'Zardari'), nsa.replace('Lula', 'Singh'), 'The Emir spoke.\n\nJONES'];
    const cables = [
      makeCable('09BRASILIA1', texts[0], { origin: 'Embassy Brasilia', created: '2009-05-01' }),
      makeCable('09ISLAMABAD1', texts[1], { origin: 'Embassy Islamabad', created: '2009-06-01' }),
      makeCable('09NEWDELHI1', texts[2], { origin: 'Embassy New Delhi', created: '2009-06-01' }),
      makeCable('09KUWAIT1', texts[3], { origin: 'Embassy Kuwait', created: '2009-02-01', signers: ['JONES'] }),
      makeCable('08KUWAIT1', 'Ambassador Deborah K. Jones met the Emir.', {
        origin: 'Embassy Kuwait',
        created: '2008-05-01',
        classifiedBy: { name: 'Deborah K. Jones', title: 'Ambassador', reasons: [], text: '' },
      }),
    ];
    const at = (text: string, names: string[]): Mention[] =>
      names.map((s) => {
        const start = text.indexOf(s);
        return { type: 'PERSON', text: s, start, end: start + s.length };
      });
    const { entities } = resolveEntities(cables, [
      at(texts[0], ['James L. Jones', 'Jones said']).map((m) =>
        m.text === 'Jones said' ? { ...m, text: 'Jones', end: m.start + 5 } : m,
      ),
      at(texts[1], ['James L. Jones']),
      at(texts[2], ['James L. Jones']),
      at(texts[3], ['JONES']),
      at('Ambassador Deborah K. Jones met the Emir.', ['Deborah K. Jones']),
    ]);
    const people = entities.filter((e) => e.type === 'PERSON').map((e) => [e.name, e.cables]);
    expect(people).toContainEqual(['Deborah K. Jones', ['09KUWAIT1', '08KUWAIT1']]);
    expect(people).toContainEqual(['James L. Jones', ['09BRASILIA1', '09ISLAMABAD1', '09NEWDELHI1']]);
  });
});

describe('a lone surname after a title of one service (military, diplomatic)', () => {
  it('joins no full name that cables write only after titles of the other service', () => {
    const texts = [
      'DAS William Fitzgerald met the Foreign Minister in Paris. Fitzgerald said so.',
      'AF DAS William Fitzgerald spoke in Ouagadougou. Fitzgerald left.',
      'DAS William Fitzgerald cleared this cable. Fitzgerald agreed.',
      'Admiral Fitzgerald visits Madrid in June.',
      'Fitzgerald said the Guinea talks failed.',
    ];
    const ids = ['09PARIS1', '09OUAGADOUGOU1', '09OUAGADOUGOU2', '09MADRID1', '09PARIS2'];
    const cables = texts.map((t, i) => makeCable(ids[i], t, { created: '2009-06-01' }));
    const mentions = texts.map((t): Mention[] =>
      [...t.matchAll(/William Fitzgerald|Fitzgerald/g)].map((s) => ({
        type: 'PERSON',
        text: s[0],
        start: s.index,
        end: s.index + s[0].length,
      })),
    );
    const { entities } = resolveEntities(cables, mentions);
    const people = entities.filter((e) => e.type === 'PERSON').map((e) => [e.name, e.cables]);
    // the Admiral is not the DAS; a Fitzgerald without a title still is
    expect(people).toContainEqual(['William Fitzgerald', ['09PARIS1', '09OUAGADOUGOU1', '09OUAGADOUGOU2', '09PARIS2']]);
    expect(people).toContainEqual(['Fitzgerald', ['09MADRID1']]);
  });
});
