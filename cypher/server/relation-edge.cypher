// One HOLDS_ROLE edge (a person, its owner, the title) or AFFILIATED_WITH edge (a person, the
// organization) with its properties — the statement lists it keeps (at most maxEvidence) — and,
// of a cut edge, its middle statements at positions from..to-1 (the (:Statement) nodes of `edge`,
// its id): one seek of the statement_key index.
// @param type string
// @param person string
// @param owner string
// @param title string
// @param edge string
// @param from int
// @param to int
MATCH (p:Person {id: $person})-[r:HOLDS_ROLE|AFFILIATED_WITH]->(o)
WHERE o.id = $owner AND type(r) = $type AND ($type <> 'HOLDS_ROLE' OR r.title = $title)
WITH r LIMIT 1
RETURN properties(r) AS props,
       COLLECT {
         MATCH (s:Statement) WHERE s.edge = $edge AND s.seq >= $from AND s.seq < $to
         WITH s ORDER BY s.seq
         RETURN properties(s)
       } AS middle
