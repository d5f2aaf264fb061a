// Co-mention edges among a set of entities that end at the hubs of `seek`, found by one seek on
// the `pair` index per id of the set smaller than the hub (`seek`: [hub, how many of the sorted
// `ids` come before it]): a hub's co-mentions are never expanded for a set of a hundred. The store
// chooses per entity between this and among-expand.cypher from the in-degrees (among-degrees.cypher).
// @param ids list
// @param seek list
// @param minWeight int 1
// @param since string
// @param until string
UNWIND $seek AS s
UNWIND range(0, s[1] - 1) AS i
MATCH (a)-[r:CO_MENTIONED {pair: $ids[i] + ' ' + s[0]}]->(b)
WHERE r.weight >= $minWeight
  AND ($since IS NULL OR coalesce(r.lastDate, r.firstDate) >= $since)
  AND ($until IS NULL OR substring(coalesce(r.firstDate, r.lastDate), 0, size($until)) <= $until)
RETURN a.id AS source, b.id AS target, r.weight AS weight, r.cableCount AS cableCount,
       r.firstDate AS firstDate, r.lastDate AS lastDate
