// The co-mention edges of a list of [id, id] pairs (either way round), of at least a weight.
// @param pairs list
// @param minWeight int 1
UNWIND $pairs AS pair
MATCH (x:Entity {id: pair[0]})-[r:CO_MENTIONED]-(y:Entity {id: pair[1]})
WHERE r.weight >= $minWeight
RETURN DISTINCT startNode(r).id AS source, endNode(r).id AS target, r.weight AS weight, r.cableCount AS cableCount,
       r.firstDate AS firstDate, r.lastDate AS lastDate
