// Small word lists the extractor and resolution share (general English usage in cables, no names).
/** Small word lists the extractor and resolution share (general English usage in cables, no names). */

/** Verbs a title-case or all-caps subject line puts right after a name ("Baird Meets", "ERDOGAN CALLS"). */
export const SUBJECT_VERBS = new Set(
  `discusses meets calls warns urges says visits tells seeks presses pushes reviews outlines welcomes announces asks
agrees rejects criticizes praises denies signs plans hosts opens briefs offers raises sees talks promises vows backs pledges stresses reaffirms
highlights expresses describes explains defends condemns supports opposes accepts proposes appoints returns travels receives addresses launches
hopes fears doubts questions responds reacts focuses comments shares makes takes gives gets keeps holds remains becomes wants needs predicts
reports claims insists admits confirms suggests notes argues considers lobbies thanks congratulates underscores emphasizes reiterates discuss
meet call warn urge visit tell seek press push review outline welcome announce ask agree reject criticize praise deny sign plan host open brief
offer raise see talk promise vow back pledge stress reaffirm highlight express describe explain defend condemn support oppose accept propose
meeting meetings visiting discussing calling pressing urging`.split(/\s+/),
);

/** Words that lead into a name without being part of it: participles, adverbs, a few prepositions ("Given Putin", "Close Kirchner"). */
export const LEADING_NON_NAME =
  /^(?:[a-z]+(?:ing|ed|ly)|close|given|unlike|like|despite|dear|even|thanks|whereas|versus|via|told|said|asked|met|per|state|post|pre|ex|anti|pro)$/;

/**
 * A company's legal form or group word, the last word of its full name ("Cargill plc", "Itera
 * Holdings", "TBEA International"): resolution and the tagger each add words of their own.
 */
export const COMPANY_FORMS: readonly string[] =
  'ltd limited inc co corp corporation company sa plc ag gmbh group holding holdings international'.split(' ');
