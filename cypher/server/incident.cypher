// Co-mention edges touching any of the given entities: at least a weight, overlapping a date
// range (when given), the other end of some types (when given).
// @param ids list
// @param minWeight int 1
// @param since string
// @param until string
// @param types list
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r:CO_MENTIONED]-(m:Entity)
WHERE r.weight >= $minWeight
  AND ($since IS NULL OR coalesce(r.lastDate, r.firstDate) >= $since)
  AND ($until IS NULL OR substring(coalesce(r.firstDate, r.lastDate), 0, size($until)) <= $until)
  AND ($types IS NULL OR any(l IN labels(m) WHERE l IN $types))
WITH DISTINCT r
RETURN startNode(r).id AS source, endNode(r).id AS target, r.weight AS weight,
       r.cableCount AS cableCount, r.firstDate AS firstDate, r.lastDate AS lastDate
