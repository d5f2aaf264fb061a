// The co-mention edges of a list of pair keys (pairKey), with the cables kept as their evidence
// lists: one seek each on the `pair` index. The store drops a row whose ends are not the pair it asked.
// @param keys list
UNWIND $keys AS key
MATCH (a)-[r:CO_MENTIONED {pair: key}]->(b)
RETURN DISTINCT a.id AS source, b.id AS target, r.weight AS weight, r.cableCount AS cableCount,
       r.firstDate AS firstDate, r.lastDate AS lastDate, r.cables AS cables
