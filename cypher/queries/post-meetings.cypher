// Whom a post met in a year: the MET edges of the post's cables (its officers, named or known
// only by function), by date. The post by id or a part of its name (PARIS).
// @param post string
// @param year string
MATCH (p:Post)<-[:FROM]-(c:Cable)
WHERE (p.id = $post OR toUpper(p.name) CONTAINS toUpper($post)) AND c.date STARTS WITH $year
MATCH (a)-[m:MET {cable: c.id}]->(b:Person)
RETURN m.date AS date, CASE WHEN a:Post THEN m.role + ' (' + a.name + ')' ELSE a.name END AS officer, b.name AS met,
       c.id AS cable, m.paragraph AS paragraph, m.evidence AS evidence
ORDER BY date, cable, officer, met
