// Every shortest chain of co-mentions (of at least a weight) between two entities, as id lists.
// The store narrows `*..6` (the longest request) to the request's maxHops: Cypher takes no parameter there.
// @param from string
// @param to string
// @param minWeight int 1
// @param cap int 5000
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:CO_MENTIONED*..6]-(b))
WHERE all(r IN relationships(p) WHERE r.weight >= $minWeight)
RETURN [n IN nodes(p) | n.id] AS ids
LIMIT $cap
