// shortest-paths.cypher for a minimum weight every co-mention passes (≤ 1: a weight is its cables
// plus its paragraphs, at least 2): no weight read per relationship the search walks, which was
// half its db hits (PROFILE in the README, Neo4j at scale). The store narrows `*..6` the same way.
// @param from string
// @param to string
// @param cap int 5000
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:CO_MENTIONED*..6]-(b))
RETURN [n IN nodes(p) | n.id] AS ids
LIMIT $cap
