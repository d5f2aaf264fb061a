// Co-mention edges among a set of entities (each stored once, from the smaller id), at least a
// weight and overlapping a date range when given.
// @param ids list
// @param minWeight int 1
// @param since string
// @param until string
MATCH (a:Entity)-[r:CO_MENTIONED]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids AND r.weight >= $minWeight
  AND ($since IS NULL OR coalesce(r.lastDate, r.firstDate) >= $since)
  AND ($until IS NULL OR substring(coalesce(r.firstDate, r.lastDate), 0, size($until)) <= $until)
RETURN a.id AS source, b.id AS target, r.weight AS weight, r.cableCount AS cableCount,
       r.firstDate AS firstDate, r.lastDate AS lastDate
