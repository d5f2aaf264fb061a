// The entities of highest PageRank (the landing view), optionally of some types, one community,
// or active in a date range.
// @param types list
// @param community int
// @param since string
// @param until string
// @param limit int 300
MATCH (n:Entity)
WHERE ($types IS NULL OR any(l IN labels(n) WHERE l IN $types))
  AND ($community IS NULL OR n.community = $community)
  AND ($since IS NULL OR coalesce(n.lastDate, n.firstDate) >= $since)
  AND ($until IS NULL OR substring(coalesce(n.firstDate, n.lastDate), 0, size($until)) <= $until)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.name AS name,
       n.cableCount AS cableCount, n.weightedDegree AS weightedDegree, n.pagerank AS pagerank,
       n.community AS community, n.x AS x, n.y AS y, n.firstDate AS firstDate, n.lastDate AS lastDate
ORDER BY n.pagerank DESC, n.id
LIMIT $limit
