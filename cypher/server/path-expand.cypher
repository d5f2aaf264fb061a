// One breadth-first step of the path search (neo4j-paths.ts): every entity linked to each of a
// frontier's entities by a co-mention of at least a weight (no weight read when every co-mention
// passes: `$minWeight <= 1`), one list per frontier entity (a list decodes faster than rows).
// @param ids list
// @param minWeight int 1
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r:CO_MENTIONED]-(b)
WHERE $minWeight <= 1 OR r.weight >= $minWeight
RETURN id AS u, collect(b.id) AS vs
