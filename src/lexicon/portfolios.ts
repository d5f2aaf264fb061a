// Government portfolios by name: what the tagger adds inside ministers' titles and the role reader keeps in them.

/**
 * Nouns that name a government portfolio (general knowledge, not drawn from the annotations): the
 * last word of "Energy Minister", "Minister of Mines and Energy", "Culture Minister". "Foreign" is
 * not one ("Foreign Minister" names no ministry by the conventions), nor "Prime", "State" ("State
 * Minister" is a rank), "Government" (a "Government Minister" is any member of one).
 */
export const PORTFOLIO_NOUNS = new Set(
  (
    'agriculture aviation fuel commerce communication communications culture defense defence development economy ' +
    'economics education electricity employment energy environment finance fisheries forestry health housing ' +
    'hydrocarbons immigration industry information infrastructure intelligence interior irrigation justice labor labour ' +
    'mines mining oil petroleum planning presidency resources security telecommunications telecom tourism trade ' +
    'transport transportation treasury unification water welfare works youth sport sports reintegration'
  ).split(' '),
);

/** Words that qualify a portfolio noun in its name ("Higher Education", "Public Works", "Foreign Trade", "Emergency Situations"). */
export const PORTFOLIO_MODIFIERS = new Set(
  'higher public social economic regional urban local natural human rural internal home civil religious minority emergency foreign'.split(
    ' ',
  ),
);

/** Whether a phrase is a portfolio's name: qualifiers, then a portfolio noun ("Intelligence", "Higher Education", "Public Works"). */
export function namesPortfolio(phrase: string): boolean {
  const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
  const last = words.pop();
  return last !== undefined && PORTFOLIO_NOUNS.has(last) && words.every((w) => PORTFOLIO_MODIFIERS.has(w));
}
