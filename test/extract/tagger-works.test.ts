import {
  dropDesignators,
  dropLowerCaseAcronyms,
  dropWorks,
  namesWork,
  spelledInLowerCase,
} from '../../src/extract/tagger/works';
import type { Mention } from '../../src/model';

const m = (type: Mention['type'], text: string): Mention => ({ type, text, start: 0, end: text.length });

describe('namesWork', () => {
  it('knows acronyms by the name the corpus spells them out as (usage.json.gz): a bill, an assessment, a training', () => {
    expect(namesWork('PIB')).toBe(true); // Petroleum Industry Bill
    expect(namesWork('JTA')).toBe(true); // Joint Threat Assessment
    expect(namesWork('JCET')).toBe(true); // Joint Combined Exchange Training
    expect(namesWork('MOU')).toBe(true); // Memorandum of Understanding
    // bodies: their spelled-out names end in an organization's word or a place
    expect(namesWork('IMF')).toBe(false);
    expect(namesWork('MFA')).toBe(false);
    expect(namesWork('GOI')).toBe(false);
    // systems, visits, requests, assistance programs and dialogues
    expect(namesWork('ICS')).toBe(true); // Incident Command System
    expect(namesWork('LOR')).toBe(true); // Letter of Request
    expect(namesWork('MAV')).toBe(true); // MANPADS Assist Visit
    expect(namesWork('ATA')).toBe(true); // Anti-terrorism Training Assistance
    expect(namesWork('GSD')).toBe(true); // (Gulf) Security Dialogue
    // the World Food Programme: "program" is left out, the corpus writes the programs' acronyms the same way
    expect(namesWork('WFP')).toBe(false);
    // an acronym the corpus never spells out
    expect(namesWork('NATO')).toBe(false);
  });

  it('knows names of several words by their last word, unless an organization head comes before it', () => {
    expect(namesWork('Petroleum Industry Bill')).toBe(true);
    expect(namesWork('Energy Charter Treaty')).toBe(true);
    expect(namesWork('Merida Initiative')).toBe(true);
    expect(namesWork('PETROLEUM INDUSTRY BILL')).toBe(true);
    expect(namesWork('Fourth Geneva Convention.')).toBe(true);
    expect(namesWork('Council of Europe Report')).toBe(false);
    expect(namesWork('Commission on the Law')).toBe(false);
    expect(namesWork('North Atlantic Treaty Organization')).toBe(false);
    expect(namesWork('World Food Program')).toBe(false);
    expect(namesWork('Ministry of Justice')).toBe(false);
    // those heads are for acronyms only: a body of several words can end so
    expect(namesWork('Office of Security Assistance')).toBe(false);
  });
});

describe('dropWorks', () => {
  it('drops the organizations that name works and keeps the rest, persons and places named alike included', () => {
    const ms = [
      m('ORGANIZATION', 'PIB'),
      m('ORGANIZATION', 'Ministry of Petroleum'),
      m('PERSON', 'Bill'),
      m('ORGANIZATION', 'Petroleum Industry Bill'),
      m('PLACE', 'Treaty'),
      m('ORGANIZATION', 'NNPC'),
    ];
    dropWorks(ms);
    expect(ms.map((x) => x.text)).toEqual(['Ministry of Petroleum', 'Bill', 'Treaty', 'NNPC']);
  });
});

describe('dropLowerCaseAcronyms', () => {
  it('drops an organization whose acronym the cable spells out in lower-case words, not a body spelled capitalized', () => {
    const t =
      'Iran commissioned a medium range ballistic missile (MRBM). A state of emergency (SOE) followed. The MRBM flew. ' +
      'The Political Security Organization (PSO) and the PSO chief met.';
    const m = (s: string, from = 0): Mention => {
      const start = t.indexOf(s, from);
      return { type: 'ORGANIZATION', text: s, start, end: start + s.length };
    };
    const ms = [m('MRBM'), m('SOE'), m('MRBM', t.indexOf('The MRBM')), m('PSO'), m('PSO', t.indexOf('the PSO'))];
    dropLowerCaseAcronyms(t, ms);
    expect(ms.map((x) => [x.text, x.start])).toEqual([
      ['PSO', t.indexOf('PSO')],
      ['PSO', t.indexOf('the PSO') + 4],
    ]);
    expect(spelledInLowerCase(t, 'SOE')).toBe(true);
    expect(spelledInLowerCase(t, 'PSO')).toBe(false);
  });
});

describe('dropDesignators', () => {
  it("drops a weapon's or aircraft's designator read as an organization, not a group of states", () => {
    const t =
      'The Shahab-3, the Taepo Dong-2 and BM-25 missiles, five MI-17s, the G-20, the P5-plus-1 and the EU-3 met.';
    const m = (s: string): Mention => {
      const start = t.indexOf(s);
      return { type: 'ORGANIZATION', text: s, start, end: start + s.length };
    };
    const ms = [m('Shahab-3'), m('Taepo Dong-2'), m('BM'), m('MI'), m('G-20'), m('P5-plus-1'), m('EU-3')];
    dropDesignators(t, ms);
    expect(ms.map((x) => x.text)).toEqual(['G-20', 'P5-plus-1', 'EU-3']);
  });
});
