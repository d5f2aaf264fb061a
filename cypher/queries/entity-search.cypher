// Entities whose name or aliases match a search (full-text, Lucene syntax: prefix with *, fuzzy with ~).
// @param q string
// @param limit int 20
CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node, score
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS type, node.name AS name, node.aliases AS aliases, round(score * 1000) / 1000 AS score
ORDER BY score DESC, name
LIMIT $limit
