// The most co-mentioned pairs of entities (weight = cables plus paragraphs where both appear).
// `cables` and `paragraphs` are exact counts (the edge's evidence list keeps only the first 100).
// @param limit int 20
MATCH (x:Entity)-[r:CO_MENTIONED]->(y:Entity)
WITH r, CASE WHEN x.name <= y.name THEN [x.name, y.name] ELSE [y.name, x.name] END AS pair
RETURN pair[0] AS a, pair[1] AS b, r.weight AS weight, r.cableCount AS cables, r.paragraphCount AS paragraphs,
       r.firstDate AS firstDate, r.lastDate AS lastDate
ORDER BY weight DESC, a, b
LIMIT $limit
