// Who signed or classified the cables sent from a post (by post id, or a part of its name such as PARIS).
// @param post string
MATCH (c:Cable)-[:FROM]->(p:Post)
WHERE p.id = $post OR toUpper(p.name) CONTAINS toUpper($post)
MATCH (person:Person)-[role:SIGNED|CLASSIFIED]->(c)
RETURN person.name AS person, type(role) AS role, count(DISTINCT c) AS cables, min(c.date) AS first, max(c.date) AS last
ORDER BY cables DESC, person, role
