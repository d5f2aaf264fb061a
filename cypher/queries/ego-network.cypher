// Who surrounds an entity: everyone co-mentioned with it within a number of hops (at most 3),
// every hop at least a minimum weight. The entity is given by id, name or alias.
// @param entity string
// @param hops int 1
// @param minWeight int 1
// @param limit int 50
MATCH (e:Entity)
WHERE e.id = $entity OR toLower(e.name) = toLower($entity) OR $entity IN e.aliases
WITH e LIMIT 1
MATCH p = (e)-[:CO_MENTIONED*1..3]-(n:Entity)
WHERE length(p) <= $hops AND n <> e AND all(r IN relationships(p) WHERE r.weight >= $minWeight)
WITH n, min(length(p)) AS hops, max(reduce(w = 0, r IN relationships(p) | w + r.weight)) AS weight
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.name AS name, hops, weight
ORDER BY hops, weight DESC, name
LIMIT $limit
