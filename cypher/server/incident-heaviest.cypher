// Each entity's heaviest co-mentions: those of at least its `heaviest`-th greatest weight among
// the links that pass the filter (ties included; all of them when it has fewer). The filter is the
// one of incident.cypher. The links are expanded from the entity and filtered as a list: with a
// weight predicate in the MATCH, the planner may scan the weight index of every co-mention in the
// graph (in weight order, for the LIMIT) for each entity.
// @param ids list
// @param heaviest int 20
// @param minWeight int 1
// @param since string
// @param until string
// @param types list
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH [r IN [(n)-[r:CO_MENTIONED]-(m:Entity) WHERE $types IS NULL OR any(l IN labels(m) WHERE l IN $types) | r]
      WHERE r.weight >= $minWeight
        AND ($since IS NULL OR coalesce(r.lastDate, r.firstDate) >= $since)
        AND ($until IS NULL OR substring(coalesce(r.firstDate, r.lastDate), 0, size($until)) <= $until)] AS links
CALL {
  WITH links
  UNWIND links AS r
  WITH r.weight AS weight ORDER BY weight DESC LIMIT $heaviest
  RETURN CASE WHEN count(*) < $heaviest THEN $minWeight ELSE min(weight) END AS floor
}
UNWIND [r IN links WHERE r.weight >= floor] AS r
WITH DISTINCT r
RETURN startNode(r).id AS source, endNode(r).id AS target, r.weight AS weight,
       r.cableCount AS cableCount, r.firstDate AS firstDate, r.lastDate AS lastDate
