// The most co-mentioned pairs of entities (weight = cables plus paragraphs where both appear).
// @param limit int 20
MATCH (x:Entity)-[r:CO_MENTIONED]->(y:Entity)
WITH r, CASE WHEN x.name <= y.name THEN [x.name, y.name] ELSE [y.name, x.name] END AS pair
RETURN pair[0] AS a, pair[1] AS b, r.weight AS weight, size(r.cables) AS cables, r.firstDate AS firstDate, r.lastDate AS lastDate
ORDER BY weight DESC, a, b
LIMIT $limit
