// Who held a title for a country (or organization) in a year: "who was Foreign Minister of France in 2007".
// Each holder with the cables that say so in that year, and the first of their passages.
// @param title string
// @param owner string
// @param year string
MATCH (p:Person)-[r:HOLDS_ROLE]->(o)
WHERE toLower(r.title) = toLower($title) AND (toLower(o.name) = toLower($owner) OR o.id = $owner)
  AND r.firstDate <= $year + '-12-31' AND r.lastDate >= $year
WITH p, r, o, [i IN range(0, size(r.cables) - 1) WHERE r.dates[i] STARTS WITH $year] AS inYear
WHERE size(inYear) > 0
RETURN p.name AS person, r.title AS title, o.name AS owner, r.firstDate AS first, r.lastDate AS last,
       [i IN inYear | r.cables[i]] AS cables, r.evidence[inYear[0]] AS evidence
ORDER BY size(inYear) DESC, person
