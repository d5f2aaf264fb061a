// Co-mention edges among a set of entities (each stored once, from the smaller id), at least a
// weight and overlapping a date range when given — each edge found from its larger end `b` the
// cheaper of two ways: expanding b's incoming co-mentions (its in-degree, `expand`), or one seek
// on the `pair` index per smaller id of the set (`seek`: b with how many of the sorted ids come
// before it). The store chooses per node from the in-degrees (among-degrees.cypher), so a hub is
// never expanded for a set of a hundred (PROFILE in the README, Neo4j at scale).
// @param ids list
// @param expand list
// @param seek list
// @param minWeight int 1
// @param since string
// @param until string
CALL {
  MATCH (n:Entity) WHERE n.id IN $ids
  WITH collect(n) AS shown
  UNWIND $expand AS id
  MATCH (a:Entity)-[r:CO_MENTIONED]->(b:Entity {id: id})
  WHERE a IN shown
  RETURN r
  UNION ALL
  UNWIND $seek AS s
  UNWIND range(0, s[1] - 1) AS i
  MATCH ()-[r:CO_MENTIONED {pair: $ids[i] + ' ' + s[0]}]->()
  RETURN r
}
WITH r
WHERE r.weight >= $minWeight
  AND ($since IS NULL OR coalesce(r.lastDate, r.firstDate) >= $since)
  AND ($until IS NULL OR substring(coalesce(r.firstDate, r.lastDate), 0, size($until)) <= $until)
RETURN startNode(r).id AS source, endNode(r).id AS target, r.weight AS weight, r.cableCount AS cableCount,
       r.firstDate AS firstDate, r.lastDate AS lastDate
