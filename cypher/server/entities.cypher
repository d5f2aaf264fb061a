// Entity nodes by id, with what the viewer draws (size, colour, position, dates).
// @param ids list
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.name AS name,
       n.cableCount AS cableCount, n.weightedDegree AS weightedDegree, n.pagerank AS pagerank,
       n.community AS community, n.x AS x, n.y AS y, n.firstDate AS firstDate, n.lastDate AS lastDate
