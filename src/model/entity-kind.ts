// The one entity vocabulary: extraction's types (PERSON…), the graph's kinds (Person…) and the mapping between them.

/** What an extractor and the curation file call an entity's type. */
export type EntityType = 'PERSON' | 'ORGANIZATION' | 'PLACE';
export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORGANIZATION', 'PLACE'];

/** What the graph calls it: graphology attribute `kind`, Neo4j label, the API's `type`. */
export type EntityKind = 'Person' | 'Organization' | 'Place';
export const ENTITY_KINDS: readonly EntityKind[] = ['Person', 'Organization', 'Place'];

/** An extractor's type → the graph's kind. */
export const KIND_OF_TYPE: Readonly<Record<EntityType, EntityKind>> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  PLACE: 'Place',
};
/** The graph's kind → the type an extractor and a `retype` decision use. */
export const TYPE_OF_KIND: Readonly<Record<EntityKind, EntityType>> = {
  Person: 'PERSON',
  Organization: 'ORGANIZATION',
  Place: 'PLACE',
};

/** Whether a node kind (or any string) is one of the entity kinds. */
export const isEntityKind = (value: unknown): value is EntityKind =>
  (ENTITY_KINDS as readonly unknown[]).includes(value);
/** Whether a string is one of the entity types. */
export const isEntityType = (value: unknown): value is EntityType =>
  (ENTITY_TYPES as readonly unknown[]).includes(value);
