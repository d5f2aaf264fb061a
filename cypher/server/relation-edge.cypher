// One HOLDS_ROLE edge (a person, its owner, the title) or AFFILIATED_WITH edge (a person, the
// organization) with its properties: the statement lists an edge keeps (at most maxEvidence).
// @param type string
// @param person string
// @param owner string
// @param title string
MATCH (p:Person {id: $person})-[r:HOLDS_ROLE|AFFILIATED_WITH]->(o)
WHERE o.id = $owner AND type(r) = $type AND ($type <> 'HOLDS_ROLE' OR r.title = $title)
RETURN properties(r) AS props
LIMIT 1
