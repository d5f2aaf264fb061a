// Two co-mentioned entities of few co-mentions each (a pair of non-hubs: cheap questions), found by
// walking the co-mentions from the start: what `serve` warms the viewer's query plans with (Neo4jStore.warm).
// @param most int 100
MATCH (a:Entity)-[:CO_MENTIONED]->(b:Entity)
WHERE COUNT { (a)-[:CO_MENTIONED]-() } <= $most AND COUNT { (b)-[:CO_MENTIONED]-() } <= $most
RETURN a.id AS a, a.name AS name, b.id AS b
LIMIT 1
