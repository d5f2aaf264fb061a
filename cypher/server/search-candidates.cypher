// Entities the full-text index finds for a Lucene query (prefix and fuzzy terms built by the
// server from normalized words, never from raw user text), optionally of some types.
// @param lucene string
// @param types list
// @param cap int 1000
CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: $cap}) YIELD node
WHERE $types IS NULL OR any(l IN labels(node) WHERE l IN $types)
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS type, node.name AS name,
       node.cableCount AS cableCount, node.weightedDegree AS weightedDegree, node.pagerank AS pagerank,
       node.community AS community, node.x AS x, node.y AS y, node.firstDate AS firstDate,
       node.lastDate AS lastDate, node.aliases AS aliases
