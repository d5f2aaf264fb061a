// curate: an analyst's decisions about entities (merge, split, rename, retype, reject, alias),
// kept in a curation file and applied after automatic resolution in every build.
export { readCuration, appendDecision, formatDecision, decisionProblem, DEFAULT_CURATION_FILE } from './file';
export { applyCuration, effectiveDecisions, splitId } from './apply';
export { diffGraphs, type GraphDiff } from './diff';
export { defaultAuthor } from './author';
export { suggestDuplicates } from './suggest';
export { decideInDatabase, databaseSuggestSource, type DatabaseDecisionOutcome } from './database';
export type { SuggestSource } from './suggest';
