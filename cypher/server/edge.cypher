// The co-mention edge of two entities, with the cables kept as its evidence list.
// @param a string
// @param b string
MATCH (x:Entity {id: $a})-[r:CO_MENTIONED]-(y:Entity {id: $b})
RETURN startNode(r).id AS source, endNode(r).id AS target, r.weight AS weight, r.cableCount AS cableCount,
       r.firstDate AS firstDate, r.lastDate AS lastDate, r.cables AS cables
LIMIT 1
