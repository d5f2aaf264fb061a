// Resolution for printing: the entities of each cable of a run, resolved across all of them, and the relations read from each.
import type { CableRelations } from '../extract/relations/types';
import type { Mention } from '../model';
import type { Cable } from '../parse';

/** One cable's resolved entities (with the surface forms that named them) and its relations. */
export interface ResolvedCable extends CableRelations {
  entities: Array<{ type: Mention['type']; name: string; id: string; mentions: string[] }>;
}

/**
 * The entities of every cable resolved across the run (a canonical name needs every cable), then
 * each cable's roles, affiliations and meetings: what `cablegraph parse` prints, cable by cable.
 * Resolution and the relation readers are loaded here, on first use.
 */
export async function* resolveCables(
  cables: readonly Cable[],
  mentions: readonly Mention[][],
): AsyncGenerator<{ cable: Cable } & ResolvedCable> {
  const { resolveEntities } = await import('../resolve');
  const { extractRelations } = await import('../extract/relations');
  const { perCable } = resolveEntities([...cables], [...mentions]);
  for (let i = 0; i < cables.length; i += 1) {
    const cable = cables[i];
    const entities = (perCable[i] ?? []).map(({ type, name, id, mentions: surfaces }) => ({
      type,
      name,
      id,
      mentions: surfaces,
    }));
    const { roles, affiliations, meetings } = extractRelations(cable, mentions[i] ?? [], entities);
    yield { cable, entities, roles, affiliations, meetings };
  }
}
