// Co-mention edges among a set of entities that end at the entities of `expand`, found by
// expanding their incoming co-mentions (each is stored once, from the smaller id, so an edge of
// the set is found once, from its larger end): the store's `among` for the set's small entities,
// those whose in-degree is less than the pair seeks they would take (among-seek.cypher).
// @param ids list
// @param expand list
// @param minWeight int 1
// @param since string
// @param until string
MATCH (n:Entity) WHERE n.id IN $ids
WITH collect(n) AS shown
UNWIND $expand AS id
MATCH (a:Entity)-[r:CO_MENTIONED]->(b:Entity {id: id})
WHERE a IN shown AND r.weight >= $minWeight
  AND ($since IS NULL OR coalesce(r.lastDate, r.firstDate) >= $since)
  AND ($until IS NULL OR substring(coalesce(r.firstDate, r.lastDate), 0, size($until)) <= $until)
RETURN a.id AS source, b.id AS target, r.weight AS weight, r.cableCount AS cableCount,
       r.firstDate AS firstDate, r.lastDate AS lastDate
