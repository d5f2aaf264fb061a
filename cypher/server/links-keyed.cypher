// The co-mention edges of a list of pair keys (pairKey: the smaller id, a space, the larger), of at
// least a weight: one seek each on the `pair` index (from both ends, a pair of hubs expands the
// smaller one's relationships). The store drops a row whose ends are not the pair it asked.
// @param keys list
// @param minWeight int 1
UNWIND $keys AS key
MATCH (a)-[r:CO_MENTIONED {pair: key}]->(b)
WHERE r.weight >= $minWeight
RETURN DISTINCT a.id AS source, b.id AS target, r.weight AS weight, r.cableCount AS cableCount,
       r.firstDate AS firstDate, r.lastDate AS lastDate
