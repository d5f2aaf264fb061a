/** Meeting forms of rounds 9 and 10, read on dev5's and dev6's cables (src/extract/relations/meetings.ts). */
import { createExtractor } from '../../../src/extract';
import { extractRelations, type Meeting, type Party } from '../../../src/extract/relations';
import type { Cable } from '../../../src/parse/types';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');
const who = (p: Party): string => (p.kind === 'officer' ? p.role : (p.name ?? p.text).replace(/\s+/g, ' '));
async function pairsOf(text: string, extra: Partial<Cable> = {}): Promise<string[]> {
  const cable = makeCable('09TEST1', text, { origin: 'Embassy Paris', created: '2009-05-08T10:10:00Z', ...extra });
  const [mentions] = await extractor.extract([cable]);
  const pair = (m: Meeting) => `${who(m.a)} | ${who(m.b)} | ${m.form}`;
  return [...new Set(extractRelations(cable, mentions).meetings.map(pair))].sort();
}

describe('readMeetings', () => {
  describe('when a call on someone opens the sentence', () => {
    it('pairs the visitor with the one called on', async () => {
      const got = await pairsOf(
        '2. (C) During a call on Foreign Minister Bernard Kouchner on May 3, the Ambassador raised Iran.',
      );
      expect(got).toEqual(['Ambassador | Bernard Kouchner | meeting-with']);
    });

    it('reads no meeting from a telephone call on a date', async () => {
      expect(await pairsOf('2. (C) During a telephone call on May 3, Kouchner told Rice nothing new.')).toEqual([]);
    });
  });

  describe('when two parties discuss', () => {
    it('pairs "The Ambassador and X discussed"', async () => {
      const got = await pairsOf(
        '2. (C) The Ambassador and Defense Minister Herve Morin discussed Afghanistan on May 4.',
      );
      expect(got).toEqual(['Ambassador | Herve Morin | discussed']);
    });

    it('reads no pair from "in separate meetings, both X and Y discussed" (10BAGHDAD70)', async () => {
      const got = await pairsOf(
        '2. (C) In separate meetings, both Talabani and Abd al-Mahdi discussed the status of Iraqi relations with Iran.',
        { origin: 'Embassy Baghdad' },
      );
      expect(got.filter((p) => p.endsWith('discussed'))).toEqual([]);
    });
  });

  describe('when several subjects tell', () => {
    it('pairs both subjects of "Both X and Y have told the Ambassador" (08ASTANA338)', async () => {
      const got = await pairsOf(
        '4. (C) Both Hollingsworth and Prime Minister Masimov have told the Ambassador that discussions are underway.',
        { origin: 'Embassy Astana' },
      );
      expect(got).toEqual(['Hollingsworth | Ambassador | told', 'Masimov | Ambassador | told']);
    });

    it('pairs every subject with every object of "X and Y told A and Senators B and C" (08LONDON929)', async () => {
      const got = await pairsOf(
        '1. (C) Cameron and Shadow Foreign Secretary William Hague told McCain and Senators Joseph Lieberman and Lindsey Graham that Brown had no support.',
        { origin: 'Embassy London' },
      );
      expect(got.filter((p) => p.startsWith('Cameron'))).toHaveLength(3);
      expect(got.filter((p) => p.startsWith('William Hague'))).toHaveLength(3);
    });

    it('does not take a name of an earlier phrase as a subject (08BAGHDAD293)', async () => {
      const got = await pairsOf(
        '1. (C) Scion of a family related to both Grand Ayatollah Sistani and Moqtada al-Sadr, Hakim told us that he would run.',
        { origin: 'Embassy Baghdad' },
      );
      expect(got.map((p) => p.split(' | ')[0])).not.toContain('Moqtada al-Sadr');
      expect(got.map((p) => p.split(' | ')[0])).not.toContain('Sistani');
    });
  });

  describe('when words stand between the subject and "told"', () => {
    it.each([
      [
        'an adverb',
        '9. (C) Kayani once told the Ambassador that she would be a better president.',
        'Kayani | Ambassador',
      ],
      [
        'an organization after the name',
        '4. (C) Lieutenant Colonel Haider Haider of the Political Security Organization in Aden told EmbOff that an insider was involved.',
        'Haider Haider | Embassy Officer',
      ],
      [
        'an unclosed apposition naming a team',
        "3. (C) Andrew Gleadle, from DFID's Humanitarian Operations Team told Econoff that DFID would program the funds.",
        'Andrew Gleadle | Econoff',
      ],
    ])('reads the pair across %s', async (_, text, pair) => {
      expect(await pairsOf(text)).toContain(`${pair} | told`);
    });
  });

  describe('when a question is asked', () => {
    it('pairs "X asked the Ambassador about …"', async () => {
      expect(await pairsOf('2. (C) Prime Minister Fillon asked the Ambassador about Iran.')).toEqual([
        'Fillon | Ambassador | asked',
      ]);
    });

    it('reads no meeting from "asked X to …" (a request)', async () => {
      expect(await pairsOf('2. (C) Kouchner asked Sarkozy to reconsider the decision.')).toEqual([]);
    });
  });

  it("reads the Political Minister-Counselor as the post's Political Counselor (08LONDON2211)", async () => {
    const got = await pairsOf('7. (C) Aldred told Pol Minister Counselor that Moscow had shifted.', {
      origin: 'Embassy London',
    });
    expect(got).toEqual(['Aldred | Political Counselor | told']);
  });
  describe('when a meeting phrase opens the sentence and names several met (round 10, dev6)', () => {
    it('pairs each one met with the subject after the phrase (08BRASILIA429)', async () => {
      const got = await pairsOf(
        '1. (C) In meetings with Secretaries Rice and Gates and National Security Advisor Hadley, Jobim remained cautious on defense cooperation.',
        { origin: 'Embassy Brasilia' },
      );
      expect(got).toEqual([
        'Jobim | Gates | meeting-with',
        'Jobim | Hadley | meeting-with',
        'Jobim | Rice | meeting-with',
      ]);
    });

    it('reads the subject past its title and short form (09KABUL3068)', async () => {
      const got = await pairsOf(
        '1. (C) In a lengthy introductory meeting with Governor Tooryalai Weesa and Mayor Ghulam Haidar Hamidi, Senior Civilian Representative (SCR) for the South Frank Ruggiero underscored the need for improved governance.',
        { origin: 'Embassy Kabul' },
      );
      expect(got).toEqual([
        'Frank Ruggiero | Ghulam Haidar Hamidi | meeting-with',
        'Frank Ruggiero | Tooryalai Weesa | meeting-with',
      ]);
    });

    it('reads no pair when a clause, not a subject, follows the phrase', async () => {
      const got = await pairsOf(
        '1. (C) In meetings with Secretaries Rice and Gates, the delegation said that Jobim remained cautious.',
        { origin: 'Embassy Brasilia' },
      );
      expect(got).toEqual([]);
    });

    it('reads no meeting from "in meetings with" inside a clause (a habit)', async () => {
      const got = await pairsOf(
        '1. (C) A savvy interlocutor, Minister Anibal Fernandez prefers not to include his staff in meetings with Embassy officials.',
        { origin: 'Embassy Buenos Aires' },
      );
      expect(got).toEqual([]);
    });
  });

  describe('when a meal is hosted by one party (round 10, dev6)', () => {
    it('pairs the host with the subject after the phrase (05PARIS479)', async () => {
      const got = await pairsOf(
        '3. (S) In a lunch hosted by the Ambassador on January 24 (reported septel), Bruguiere revealed that several suspects had been arrested.',
        { created: '2005-01-26T18:06:00Z' },
      );
      expect(got).toEqual(['Bruguiere | Ambassador | hosted']);
    });

    it('reads no pair with someone the guests only talk about', async () => {
      const got = await pairsOf(
        '3. (C) During a lunch hosted by the DCM with five members of the PP electoral committee, the guests recognized Rajoy was behind in the polls.',
        { origin: 'Embassy Madrid' },
      );
      expect(got).toEqual([]);
    });
  });

  describe('when the subject joined others for a meal (round 10, dev6)', () => {
    it('pairs the subject with each host of "X joined A and B for a dinner" (09ABUDHABI736)', async () => {
      const got = await pairsOf(
        '2. (S/NF) On July 15, Treasury Secretary Timothy Geithner joined Crown Prince Mohammed bin Zayed (MBZ) and Foreign Minister Abdullah bin Zayed for a dinner covering regional issues.',
        { origin: 'Embassy Abu Dhabi' },
      );
      expect(got).toEqual([
        'Timothy Geithner | Abdullah bin Zayed | met',
        'Timothy Geithner | Mohammed bin Zayed | met',
      ]);
    });

    it('reads no meeting from "joined" without a meal or meeting', async () => {
      const got = await pairsOf(
        '2. (C) Treasury Secretary Timothy Geithner joined Foreign Minister Abdullah bin Zayed in calling for sanctions.',
        { origin: 'Embassy Abu Dhabi' },
      );
      expect(got).toEqual([]);
    });
  });
  describe('forms found on the other development sets (round 10)', () => {
    it('pairs "X paid an initial call <date> on Y" (04MADRID1731)', async () => {
      const got = await pairsOf(
        '1. (C) DCM paid an initial call May 10 on MFA State Secretary Bernardino Leon, who said this was his first meeting.',
        { origin: 'Embassy Madrid' },
      );
      expect(got).toEqual(['DCM | Bernardino Leon | called-on']);
    });

    it('reads the subject after an opening phrase when its verb is "was" (08RIYADH7)', async () => {
      const got = await pairsOf(
        '5. (S) In a December 31 conversation with the DCM, Saudi Ambassador Adel al-Jubeir was highly critical of Sharif.',
        { origin: 'Embassy Riyadh' },
      );
      expect(got).toEqual(['Adel al-Jubeir | DCM | meeting-with']);
    });

    it('reads "Embassy <city> officers" as the post\'s officers (10TELAVIV414)', async () => {
      const got = await pairsOf(
        '1. (S/NF) On February 22, 2010, Yossi Baidatz advised Embassy Tel Aviv officers that Syria intended a transfer.',
        { origin: 'Embassy Tel Aviv' },
      );
      expect(got).toEqual(['Yossi Baidatz | Embassy Officer | told']);
    });

    it('reads "embassy political officer" as the Poloff it names, not a generic embassy officer', async () => {
      const got = await pairsOf(
        '1. (C) On May 5, Deputy Foreign Minister Jean Dupont told the embassy political officer that France would wait.',
      );
      expect(got).toEqual(['Jean Dupont | Poloff | told']);
    });
  });
});

describe('readMeetings: forms of round 11 (dev3)', () => {
  it('pairs each subject of "X and Y discussed with Z" with Z, nothing between verb and "with"', async () => {
    const got = await pairsOf(
      '2. (C) Foreign Policy Advisor Marco Aurelio Garcia and Chief of Staff Gilberto Carvalho discussed with Ambassador Shannon their interest in Haiti.',
      { origin: 'Embassy Brasilia' },
    );
    expect(got).toEqual(expect.arrayContaining(['Gilberto Carvalho | Shannon | called-on']));
  });

  it('reads "X said <title> Y recently told her" as Y telling X', async () => {
    const got = await pairsOf(
      '2. (C) Sahlin said British Foreign Minister Miliband recently told her British opinion of Afghanistan is souring.',
      { origin: 'Embassy Stockholm' },
    );
    expect(got).toEqual(['Miliband | Sahlin | told']);
  });

  it('reads no meeting when a lower-case clause stands between "said" and the one who told', async () => {
    const got = await pairsOf('2. (C) Sahlin said the reports that Miliband recently told her colleagues were wrong.', {
      origin: 'Embassy Stockholm',
    });
    expect(got).toEqual([]);
  });
});

describe('readMeetings: forms of round 13 (dev3–dev7)', () => {
  it('reads a date right after the meeting noun: "During a conversation November 3 with X, Poloff asked" (05PARIS7527)', async () => {
    const got = await pairsOf(
      '1. (S) During a conversation November 3 with terrorism investigating judge Jean-Francois Ricard, Poloff asked for his analysis.',
      { origin: 'Embassy Paris' },
    );
    expect(got).toEqual(['Poloff | Jean-Francois Ricard | meeting-with']);
  });

  it('reads "X (protect), <apposition with an acronym in parentheses> told Poloff" (09LONDON1707)', async () => {
    const got = await pairsOf(
      '2. (C) Judith Gough (protect), Deputy Head of the Security Policy Group at the Foreign and Commonwealth Office (FCO) told Poloff July 21 that the official was unnamed.',
      { origin: 'Embassy London' },
    );
    expect(got).toEqual(['Judith Gough | Poloff | told']);
  });

  it('reads "X, from DFID,s <team> told Econoff" (the cables\' comma for an apostrophe, 08LONDON2211)', async () => {
    const got = await pairsOf(
      '2. (C) Separately, Andrew Gleadle, from DFID,s Humanitarian Operations Team told Econoff that DFID would program the rest.',
      { origin: 'Embassy London' },
    );
    expect(got).toEqual(['Andrew Gleadle | Econoff | told']);
  });

  it('reads "paid a courtesy call <date> on <a long title with parentheses> X" (09BRASILIA1342)', async () => {
    const got = await pairsOf(
      '2. (C) The DCM paid a courtesy call November 18 on Brazilian Ministry of External Relations (MRE or Itamaraty) Secretary-General (Deputy Minister) Antonio Patriota.',
      { origin: 'Embassy Brasilia' },
    );
    expect(got).toEqual(['DCM | Antonio Patriota | called-on']);
  });

  it('skips the people a message is about: "delivered demarche on … Benazir Bhutto to FM X" (08RIYADH7)', async () => {
    const got = await pairsOf(
      '2. (S) The Ambassador delivered reftel demarche on the assassination of former Prime Minister Benazir Bhutto to Saudi Foreign Minister Prince Saud al-Faisal on January 2.',
      { origin: 'Embassy Riyadh' },
    );
    expect(got).toEqual(['Ambassador | Saud al-Faisal | delivered']);
  });

  it('pairs the one accompanied with the one met, not those who accompany (09KABUL165)', async () => {
    const got = await pairsOf(
      '1. (S) On January 20, CENTCOM Commander David Petraeus, accompanied by Ambassador William Wood and CENTCOM staff, met with President Hamid Karzai.',
      { origin: 'Embassy Kabul' },
    );
    expect(got).toEqual(['David Petraeus | Hamid Karzai | met']);
  });

  it('reads "X offered DCM and PolCouns a readout", the giver named before an apposition (10RABAT34)', async () => {
    const got = await pairsOf(
      '2. (C) On January 18, Ambassador Nasser Bourita, Chief of Staff to Foreign Minister Taieb Fassi Fihri, offered DCM and PolCouns a readout of the trip.',
      { origin: 'Embassy Rabat' },
    );
    expect(got).toEqual(['Nasser Bourita | DCM | readout', 'Nasser Bourita | Political Counselor | readout']);
  });

  it('reads "a readout provided by <owner>\' Chief of Staff X to the DCM" (07MADRID2077)', async () => {
    const got = await pairsOf(
      "2. (C) According to a November 6 readout provided by Trinidad Jimenez' Chief of Staff Juan Carlos Sanchez to the DCM, Jimenez found the situation bad.",
      { origin: 'Embassy Madrid' },
    );
    expect(got).toEqual(['Juan Carlos Sanchez | DCM | readout']);
  });

  it('pairs the subject with the one named before "their meeting" (09BRASILIA1342)', async () => {
    const got = await pairsOf(
      '2. (C) Antonio Patriota said that Brazil was heartened that Assistant Secretary Arturo Valenzuela had agreed in their meeting the previous week.',
      { origin: 'Embassy Brasilia' },
    );
    expect(got).toEqual(['Antonio Patriota | Arturo Valenzuela | their-meeting']);
  });

  it('reads no pair from "their meeting" still to come', async () => {
    const got = await pairsOf(
      '2. (C) Antonio Patriota said that Assistant Secretary Arturo Valenzuela will raise it in their meeting next week.',
      { origin: 'Embassy Brasilia' },
    );
    expect(got).toEqual([]);
  });

  it('reads no pair with the owner of something the one met spoke of (08LONDON2211)', async () => {
    const got = await pairsOf(
      '2. (C) In a separate meeting with Director General Margaret Aldred, she pointed to Foreign Secretary David Miliband’s speech in Kyiv.',
      { origin: 'Embassy London' },
    );
    expect(got).toEqual([]);
  });

  it('reads no pair between two of those met (07MADRID2077)', async () => {
    const got = await pairsOf(
      '2. (C) In her meetings with senior Venezuelan officials, including Hugo Chavez and FM Nicolas Maduro, the message was that Spain worried about peanuts.',
      { origin: 'Embassy Madrid' },
    );
    expect(got).toEqual([]);
  });

  it('reads no visit from "called on PM X to “climb down”" (a demand, 09LONDON1707)', async () => {
    const got = await pairsOf('2. (C) Nick Clegg called on PM Gordon Brown to “climb down” and admit the error.', {
      origin: 'Embassy London',
    });
    expect(got).toEqual([]);
  });

  it('reads no meeting of a name before a withheld one who met (09BEIJING2112)', async () => {
    const got = await pairsOf(
      '2. (C) xxxxx said that General Secretary Hu Jintao could be compared to a chairman of a big corporation.xxxxx, used the same analogy in a May 18 meeting with PolOffs.',
      { origin: 'Embassy Beijing' },
    );
    expect(got).toEqual([]);
  });

  it('ends a list of those met at a new phrase after "and" (09PARIS815)', async () => {
    const got = await pairsOf(
      "2. (C) Serman criticized Robert Bourgi for arranging Aziz's meeting with Claude Gueant and for several press leaks involving Aziz and the late President Omar Bongo.",
      { origin: 'Embassy Paris' },
    );
    expect(got.filter((p) => p.includes('Bongo'))).toEqual([]);
    expect(got).toContain('Aziz | Claude Gueant | meeting-with');
  });

  it('reads no apposition after a reference in parentheses: "the Ambassador (septel), MFA Director X assured Econoff"', async () => {
    const got = await pairsOf(
      '2. (C) On the margins of a meeting with the Ambassador (septel), MFA Director of Follow-up and Coordination Department assured Econoff that the assets were frozen.',
      { origin: 'Embassy Kuwait' },
    );
    expect(got.filter((p) => p.startsWith('Ambassador | Econoff'))).toEqual([]);
  });

  it('reads no message from a second verb of the sentence: "X had discussed … in a speech and presented … to Y" (07BEIJING1840)', async () => {
    const got = await pairsOf(
      '2. (C) The Ambassador said that Treasury Secretary Henry Paulson had discussed reform in a speech and presented a text of Secretary Paulson’s speech to Vice President Xi Jinping.',
      { origin: 'Embassy Beijing' },
    );
    expect(got.filter((p) => p.includes('Xi Jinping') && p.includes('Paulson'))).toEqual([]);
  });
});

describe('readMeetings: forms of round 14 (dev8)', () => {
  const dated = async (text: string, extra: Partial<Cable> = {}): Promise<string[]> => {
    const cable = makeCable('10TEST4', text, { origin: 'Embassy London', created: '2010-02-17T17:05:00Z', ...extra });
    const [mentions] = await extractor.extract([cable]);
    return [...new Set(extractRelations(cable, mentions).meetings.map((m) => `${who(m.a)} | ${who(m.b)} | ${m.date}`))];
  };

  it('reads "X told the Ambassador in a February 16 meeting" after a fronted clause, dated by that meeting (10LONDON364)', async () => {
    const got = await dated(
      '1. (C/NF) Reining in the debt will be the greatest challenge facing the party that wins the expected May 6 general election, Bank of England Governor Mervyn King told the Ambassador in a February 16 meeting.',
    );
    expect(got).toEqual(['Mervyn King | Ambassador | 2010-02-16']);
  });

  it('reads "the Ambassador in Baghdad" as another post\'s ambassador', async () => {
    expect(await pairsOf('2. (C) Zebari told the Ambassador in Baghdad that the vote would be held.')).toEqual([]);
  });

  it('pairs "X, however, told the DCM" and "X, met, separately, with A and B" (09SANAA1662, 09PARIS1465)', async () => {
    expect(await pairsOf('3. (C) Ambassador Radhi, however, told the DCM on August 23 that he believes it.')).toEqual([
      'Radhi | DCM | told',
    ]);
    const got = await pairsOf(
      '2. (C) U.S. Ambassador to Guinea Patricia Moller, met, separately, with MFA AF A/S-equivalent Stephane Gompertz and Presidential Africa Advisor Remi Marechaux on October 30.',
    );
    expect(got).toEqual(['Patricia Moller | Remi Marechaux | met', 'Patricia Moller | Stephane Gompertz | met']);
  });

  it('does not pair one who only accompanies with those met: "The Ambassador, accompanied by PolCouns (notetaker) met with X" (08BRASILIA880)', async () => {
    const got = await pairsOf(
      '2. (C) The Ambassador, accompanied by PolCouns (notetaker) met with Marco Aurelio Garcia on June 25 to deliver points.',
      { origin: 'Embassy Brasilia' },
    );
    expect(got).toEqual(['Ambassador | Marco Aurelio Garcia | met']);
  });

  it('reads no subject across a clause: "with President Lula, adding he knew that A/S Shannon had raised it with X" (08BRASILIA880)', async () => {
    const got = await pairsOf(
      '9. (C) He also committed to raising the request with President Lula, adding he knew that A/S Shannon had raised the issue with Brazilian Ambassador Patriota in Washington.',
      { origin: 'Embassy Brasilia' },
    );
    expect(got).toEqual(['Shannon | Patriota | called-on']);
  });

  it('reads no meeting prepared for: "priorities for his June 27 meeting with President Chavez" (08BRASILIA880)', async () => {
    const got = await pairsOf(
      "10. (C) The Ambassador asked about President Lula's priorities for his June 27 meeting with President Chavez.",
      { origin: 'Embassy Brasilia' },
    );
    expect(got).toEqual([]);
  });

  it('runs a list of those met on past a title in parentheses, not past a reference', async () => {
    expect(
      await pairsOf(
        '2. (C) Poloff met with Renan Calheiros (Senate President) and Aldo Rebelo (Chamber President) on May 3.',
      ),
    ).toEqual(['Poloff | Aldo Rebelo | met', 'Poloff | Renan Calheiros | met']);
    const ref = await pairsOf(
      "2. (S/NF) During CDA Richard Erdman's September 5 meeting with Prince Nayif bin Abdulaziz (reftel), John Brennan, Assistant to the President, stressed USG condolences.",
      { origin: 'Consulate Jeddah' },
    );
    expect(ref.filter((p) => p.includes('Brennan') && p.includes('Erdman'))).toEqual([]);
  });

  it('reads no Charge in "in charge of" (05PARIS1807)', async () => {
    const got = await pairsOf(
      "2. (C) On March 15, Poloff met with Jerome Leonnet, the technical counselor in Interior Minister Villepin's cabinet in charge of the police.",
    );
    expect(got).toEqual(['Poloff | Jerome Leonnet | met']);
  });
});

describe('readMeetings: those who only accompany, and sources (round 16)', () => {
  it('pairs no companion when the subjects are no parties: "X and Y (R-SC), accompanied by A and B, met with C and D" (dev9 09ISLAMABAD270)', async () => {
    const got = await pairsOf(
      '2. (S) Senator Joseph Biden (D-DE) and Senator Lindsey Graham (R-SC), accompanied by Ambassador and Senate Foreign Relations Committee Staff Director Antony Blinken, met with COAS General Ashfaq Kayani and ISI Director General Pasha on January 9.',
      { origin: 'Embassy Islamabad' },
    );
    expect(got).toEqual([]);
  });

  it('pairs no one of a list "joined by A, B, and C, met with …" (09BRASILIA1113)', async () => {
    const got = await pairsOf(
      '2. (SBU) General Jones, joined by State U/S for Arms Control and International Security Ellen Tauscher, Defense U/S for Acquisitions, Technology and Logistics Ashton Carter, and NSC Director for South America Luis Rosello, met with Foreign Minister Celso Amorim and Defense Minister Nelson Jobim.',
      { origin: 'Embassy Brasilia' },
    );
    expect(got).toEqual([]);
  });

  it('pairs neither companion of "The group, accompanied by Ambassador X and Poloff, met with Y" (02BRASILIA4227)', async () => {
    const got = await pairsOf(
      '2. (C) The group, accompanied by Ambassador Hrinak and Poloff (notetaker), met November 21 with President-elect Lula da Silva and his three senior advisors.',
      { origin: 'Embassy Brasilia' },
    );
    expect(got).toEqual([]);
  });

  it('still pairs the subject of a sentence that opens "Accompanied by Poloff, the Ambassador met with X"', async () => {
    const got = await pairsOf(
      '2. (C) Accompanied by Poloff, the Ambassador met with Foreign Minister Bernard Kouchner on May 3.',
    );
    expect(got).toContain('Ambassador | Bernard Kouchner | met');
  });

  it('still pairs the one accompanied: "X, accompanied by A, met with Y" (09KABUL165)', async () => {
    const got = await pairsOf(
      '1. (S) On January 20, CENTCOM Commander David Petraeus, accompanied by Ambassador William Wood and CENTCOM staff, met with President Hamid Karzai.',
      { origin: 'Embassy Kabul' },
    );
    expect(got).toEqual(['David Petraeus | Hamid Karzai | met']);
  });

  it('pairs no source "according to X" with those met (07PARIS1938)', async () => {
    const got = await pairsOf(
      '2. (C) Sarkozy’s May 6 meeting with German Chancellor Merkel, according to UK DCM Hitchens, focused on the treaty.',
    );
    expect(got).toEqual(['Sarkozy | Merkel | meeting-with']);
  });
  it('reads no wished-for "meeting between": "Spain wants … to have an excellent meeting between X and Y" (dev9 07MADRID208)', async () => {
    const got = await pairsOf(
      '2. (C/NF) Casajuana insisted that Spain wants a good relationship with the US and to have an excellent bilateral meeting between SecDef Gates and Defense Minister Alonso.',
      { origin: 'Embassy Madrid' },
    );
    expect(got).toEqual([]);
  });

  it('still reads a held "meeting between X and Y"', async () => {
    const got = await pairsOf(
      '2. (C/NF) Casajuana said the February 7 bilateral meeting between SecDef Gates and Defense Minister Alonso went well.',
      { origin: 'Embassy Madrid' },
    );
    expect(got).toEqual(['Gates | Alonso | meeting-between']);
  });

  describe('when a US agency’s officer is written by its acronym (round 18, dev3 08KABUL1275, dev4 07MADRID1722)', () => {
    it('reads "DHS-ICE Attache delivered … to X" as the post’s attache, labelled as written', async () => {
      const got = await pairsOf(
        '1. (SBU) On September 6, DHS-ICE Attache delivered the Odyssey Customs import documents to Director of Customs Nicolas Bonilla.',
        { origin: 'Embassy Madrid', created: '2007-09-10T10:10:00Z' },
      );
      expect(got).toEqual(['DHS-ICE Attache | Nicolas Bonilla | called-on']);
    });

    it('reads "X told PRT officers" as the post’s PRT Officer', async () => {
      const got = await pairsOf(
        '2. (SBU) Governor Gulab Mangal told PRT officers that some local officials enjoy political or family connections.',
        { origin: 'Embassy Kabul', created: '2008-04-07T10:10:00Z' },
      );
      expect(got).toEqual(['Gulab Mangal | PRT Officer | told']);
    });

    it('reads no post officer from another country’s agency officers ("Afghan PRT officers")', async () => {
      const got = await pairsOf(
        '2. (SBU) Governor Gulab Mangal told Afghan PRT officers that some local officials enjoy political connections.',
        { origin: 'Embassy Kabul', created: '2008-04-07T10:10:00Z' },
      );
      expect(got).toEqual([]);
    });

    it('reads no officer from an acronym outside the US agencies ("ANP officers")', async () => {
      const got = await pairsOf(
        '2. (SBU) Governor Gulab Mangal told ANP officers that some local officials enjoy political connections.',
        { origin: 'Embassy Kabul', created: '2008-04-07T10:10:00Z' },
      );
      expect(got).toEqual([]);
    });
  });
});
