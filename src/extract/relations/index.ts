// Relations of one cable (roles, affiliations, meetings) from its text and its extracted mentions.
/** Relations of one cable (roles, affiliations, meetings) from its text and its extracted mentions. */
import type { Cable } from '../../parse/types';
import { contextOf, type CableEntityRef } from './context';
import { readMeetings } from './meetings';
import { readAffiliations, readRoles } from './roles';
import type { CableRelations } from './types';
import type { Mention } from '../../model';

export type * from './types';
export type { CableEntityRef } from './context';
export { clearTitleReadings, readTitlePhrase } from './titles';

/**
 * Reads the roles, affiliations and meetings a cable states. `entities` (the cable's resolved
 * entities, as `cablegraph parse` lists them) gives people their canonical name and id.
 */
export function extractRelations(cable: Cable, mentions: Mention[], entities: CableEntityRef[] = []): CableRelations {
  const ctx = contextOf(cable, mentions, entities);
  const roles = readRoles(ctx);
  return { roles, affiliations: readAffiliations(ctx), meetings: readMeetings(ctx, roles) };
}
