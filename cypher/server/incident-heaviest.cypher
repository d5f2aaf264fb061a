// Each entity's heaviest co-mentions: those of at least its `heaviest`-th greatest weight among
// the links that pass the filter (ties included; all of them when it has fewer). The filter is the
// one of incident.cypher.
// @param ids list
// @param heaviest int 20
// @param minWeight int 1
// @param since string
// @param until string
// @param types list
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL {
  WITH n
  MATCH (n)-[r:CO_MENTIONED]-(m:Entity)
  WHERE r.weight >= $minWeight
    AND ($since IS NULL OR coalesce(r.lastDate, r.firstDate) >= $since)
    AND ($until IS NULL OR substring(coalesce(r.firstDate, r.lastDate), 0, size($until)) <= $until)
    AND ($types IS NULL OR any(l IN labels(m) WHERE l IN $types))
  WITH r.weight AS weight ORDER BY weight DESC LIMIT $heaviest
  RETURN CASE WHEN count(*) < $heaviest THEN $minWeight ELSE min(weight) END AS floor
}
MATCH (n)-[r:CO_MENTIONED]-(m:Entity)
WHERE r.weight >= floor
  AND ($since IS NULL OR coalesce(r.lastDate, r.firstDate) >= $since)
  AND ($until IS NULL OR substring(coalesce(r.firstDate, r.lastDate), 0, size($until)) <= $until)
  AND ($types IS NULL OR any(l IN labels(m) WHERE l IN $types))
WITH DISTINCT r
RETURN startNode(r).id AS source, endNode(r).id AS target, r.weight AS weight,
       r.cableCount AS cableCount, r.firstDate AS firstDate, r.lastDate AS lastDate
