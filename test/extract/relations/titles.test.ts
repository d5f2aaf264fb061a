/** The title lexicon and grammar (src/extract/relations/titles.ts): normalized titles as the annotations write them. */
import { isTitleWord, readTitlePhrase } from '../../../src/extract/relations/titles';

describe('readTitlePhrase: judges and portfolios (issue 17, round 13)', () => {
  it.each([
    ['Investigating Judge', 'Judge', undefined],
    ['Spanish Anti-Terrorism Judge', 'Judge', 'Spain'],
    ['Petroleum Minister', 'Petroleum Minister', undefined],
    ['Saudi Petroleum Minister', 'Petroleum Minister', 'Saudi Arabia'],
    ['oil minister', 'Oil Minister', undefined],
    ['law minister', 'Law Minister', undefined],
  ])('%s → %s', (phrase, title, country) => {
    const r = readTitlePhrase(phrase);
    expect(r?.title).toBe(title);
    expect(r?.country).toBe(country);
  });

  it('keeps the other heads of the grammar as written', () => {
    expect(readTitlePhrase('Police Chief')?.title).toBe('Police Chief');
    expect(readTitlePhrase('Human Rights Commissioner')?.title).toBe('Human Rights Commissioner');
  });
});

describe('readTitlePhrase: the organization after a title (round 13)', () => {
  it('reads no organization that runs on into a clause', () => {
    expect(readTitlePhrase('Chief of Staff Juan Carlos Sanchez to the DCM')).toBeUndefined();
    expect(readTitlePhrase('Head of Strategy who said')).toBeUndefined();
  });

  it('keeps an organization whose name holds lower-case words', () => {
    expect(readTitlePhrase('President of the Youth Section of opposition political party PDCI')).toMatchObject({
      title: 'President',
      organization: 'Youth Section of opposition political party PDCI',
    });
  });
});

describe('readTitlePhrase: organizations after a title (round 14, dev9)', () => {
  it.each([
    ['Chairman of the Joint Chiefs', 'Chairman', 'Joint Chiefs'],
    ['Director General of ISI', 'Director General', 'ISI'],
  ])('%s → %s of %s', (phrase, title, organization) => {
    expect(readTitlePhrase(phrase)).toMatchObject({ title, organization });
  });

  it("reads an envoy's posting to an organization as where he is posted, the demonym as his country", () => {
    expect(readTitlePhrase('Russian Ambassador to NATO')).toMatchObject({
      title: 'Ambassador',
      country: 'Russia',
      unit: 'NATO',
    });
  });

  it('reads an acronym after "of" as an organization\'s office, not a state\'s; not after "for"', () => {
    expect(readTitlePhrase('President of MCC')).toMatchObject({ title: 'President', organization: 'MCC', kind: 'org' });
    expect(readTitlePhrase('President for NRW')).toBeUndefined();
  });

  it('reads no organization that is a lower-case word or a long capitalized run', () => {
    expect(readTitlePhrase('Ambassador to nowhere')).toBeUndefined();
    expect(readTitlePhrase('Director General of Antony')).toBeUndefined();
  });
});

describe('readTitlePhrase: lexicon additions of round 14 (dev9)', () => {
  it.each([
    ['Shadow Chancellor', 'Shadow Chancellor'],
    ['Shadow Chancellor of the Exchequer', 'Shadow Chancellor'],
    ['Federal Deputy', 'Deputy'],
    ['Duma deputy', 'Deputy'],
    ['BN Deputy Governor', 'Deputy Governor'],
  ])('%s → %s', (phrase, title) => {
    expect(readTitlePhrase(phrase)?.title).toBe(title);
  });

  it('reads no bare deputy, and a chancellor is not the shadow one', () => {
    expect(readTitlePhrase('Deputy')).toBeUndefined();
    expect(readTitlePhrase('Chancellor')?.title).toBe('Chancellor');
  });

  it('takes a title word after a vice- or co- prefix as one ("Vice-President"), not any hyphenated word', () => {
    expect(isTitleWord('Vice-President')).toBe(true);
    expect(isTitleWord('co-Chairman')).toBe(true);
    expect(isTitleWord('Vice-Versa')).toBe(false);
    expect(isTitleWord('pro-President')).toBe(false);
  });
});

describe('readTitlePhrase: lower-case appositions and their owners (round 15)', () => {
  it.each([
    ['leader of COJEP', 'Leader', 'COJEP'],
    ['head of ISI', 'Head', 'ISI'],
    ['Secretary General of the opposition Popular Party', 'Secretary General', 'Popular Party'],
    ['head of the ruling Liberal Party', 'Head', 'Liberal Party'],
    ['the Speaker of the Omsk Oblast legislature', 'Speaker', 'Omsk Oblast legislature'],
    ['president of the Federation of Lima Farm Associations', 'President', 'Federation of Lima Farm Associations'],
    ["the president's chief of staff", 'Chief of Staff', 'Presidency'],
  ])('%s → %s of %s', (phrase, title, organization) => {
    expect(readTitlePhrase(phrase)).toMatchObject({ title, organization });
  });

  it('reads no acronym after "for" (a domain), nor a lower-case word left after the standing', () => {
    expect(readTitlePhrase('leader for COJEP')).toBeUndefined();
    expect(readTitlePhrase('head of the opposition')).toBeUndefined();
    expect(readTitlePhrase("the president's friend")).toBeUndefined();
    expect(
      readTitlePhrase('president of the Federation of Lima Farm Associations also criticized the plan'),
    ).toBeUndefined();
  });
});

describe('readTitlePhrase: every spokesman is a Spokesperson (round 17, dev and dev2)', () => {
  it.each([
    ['Defense Policy Spokesman', 'Spokesperson', undefined],
    ['Congressional Foreign Policy Spokesman', 'Spokesperson', undefined],
    ['Presidential Spokesman', 'Spokesperson', 'Presidency'],
    ['PSOE Spokesman', 'Spokesperson', 'PSOE'],
  ])('%s → %s', (phrase, title, organization) => {
    const r = readTitlePhrase(phrase);
    expect(r?.title).toBe(title);
    expect(r?.organization).toBe(organization);
  });

  it('keeps the domain of the other heads', () => {
    expect(readTitlePhrase('Defense Policy Advisor')?.title).toBe('Defense Policy Advisor');
  });
});

describe("readTitlePhrase: an officeholder's acronym before a title (round 17, dev9)", () => {
  it("reads the office as the state's own, not an organization named PM", () => {
    const r = readTitlePhrase('PM Special Adviser');
    expect(r?.title).toBe('Special Advisor');
    expect(r?.organization).toBeUndefined();
    expect(r?.kind).toBe('domestic');
  });

  it("still reads another acronym, or a bureau's office under PM, as the office's organization", () => {
    expect(readTitlePhrase('NSC Director')?.organization).toBe('NSC');
    // (the State Department's Political-Military bureau: 09TELAVIV2502)
    expect(readTitlePhrase('PM Counter-Piracy Coordinator')?.organization).toBe('PM');
  });
});
