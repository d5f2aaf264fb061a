// Co-mention edges among a set of entities (each stored once, from the smaller id), at least a
// weight and overlapping a date range when given.
// The set's nodes are collected once and each edge's other end is tested as a node (`a IN shown`),
// not by reading its id against the list: PROFILE on a 100-entity neighbourhood at 10,000 cables,
// 244,125 db hits against 657,008 (README, Neo4j at scale).
// @param ids list
// @param minWeight int 1
// @param since string
// @param until string
MATCH (n:Entity) WHERE n.id IN $ids
WITH collect(n) AS shown
UNWIND shown AS b
MATCH (a:Entity)-[r:CO_MENTIONED]->(b)
WHERE r.weight >= $minWeight AND a IN shown
  AND ($since IS NULL OR coalesce(r.lastDate, r.firstDate) >= $since)
  AND ($until IS NULL OR substring(coalesce(r.firstDate, r.lastDate), 0, size($until)) <= $until)
RETURN a.id AS source, b.id AS target, r.weight AS weight, r.cableCount AS cableCount,
       r.firstDate AS firstDate, r.lastDate AS lastDate
