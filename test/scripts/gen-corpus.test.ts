// The benchmark corpus's renaming (scripts/gen-corpus.js): what keeps a generated corpus's resolution as stable as the real one's.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rename, RENAME_SHARE } = require('../../scripts/gen-corpus.js') as {
  rename: (text: string, names: Map<string, string>) => string;
  RENAME_SHARE: number;
};

const TEXT = 'The talks went on when Hamid Karzai met Gordon Brown in Kabul, and Karzai told Brown about Kabul.';
const SHAPE = /^The talks went on when (\w+) (\w+) met (\w+) (\w+) in (\w+), and (\w+) told (\w+) about (\w+)\.$/;

describe('gen-corpus rename', () => {
  // 300 cables' worth of the same sentence, each with its own names (one cable's consistent renaming).
  const cables = Array.from({ length: 300 }, () => SHAPE.exec(rename(TEXT, new Map()))!);

  test('within a cable a surname alone is renamed as in its full name, and a place the same everywhere', () => {
    for (const m of cables) {
      expect(m).not.toBeNull();
      expect(m[6]).toBe(m[2]); // Karzai alone = Karzai in "Hamid Karzai"
      expect(m[7]).toBe(m[4]); // Brown alone = Brown in "Gordon Brown"
      expect(m[8]).toBe(m[5]); // Kabul twice
      // a full name is renamed whole or not at all
      expect(m[1] === 'Hamid').toBe(m[2] === 'Karzai');
    }
  });

  test('a generated name stands for one real word only, and one surname keeps one given name', () => {
    const stoodFor = new Map<string, Set<string>>();
    const givenOf = new Map<string, Set<string>>();
    const note = (generated: string, real: string) => {
      if (generated === real) return;
      if (!stoodFor.has(generated)) stoodFor.set(generated, new Set());
      stoodFor.get(generated)!.add(real);
    };
    for (const m of cables) {
      note(m[2], 'Karzai');
      note(m[4], 'Brown');
      note(m[5], 'Kabul');
      if (m[2] !== 'Karzai') givenOf.set(m[2], (givenOf.get(m[2]) ?? new Set()).add(m[1]));
    }
    expect(stoodFor.size).toBeGreaterThan(3); // names recur and new ones appear
    for (const reals of stoodFor.values()) expect(reals.size).toBe(1);
    for (const givens of givenOf.values()) expect(givens.size).toBe(1);
  });

  test('about RENAME_SHARE of the words are renamed; a run opening a sentence never is', () => {
    const renamed = cables.filter((m) => m[5] !== 'Kabul').length / cables.length;
    expect(renamed).toBeGreaterThan(RENAME_SHARE / 2);
    expect(renamed).toBeLessThan(RENAME_SHARE * 1.5);
    for (let i = 0; i < 20; i += 1) {
      expect(rename('Kabul is far.', new Map())).toBe('Kabul is far.');
      expect(rename('It ended. Then Hamid Karzai left.', new Map())).toBe('It ended. Then Hamid Karzai left.');
    }
  });
});
