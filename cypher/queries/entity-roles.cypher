// An entity's roles over time: the titles a person held (or, for a country, organization or post,
// the titles held over it), first and last cable date, how many cables, and the first passage.
// @param id string
MATCH (e {id: $id})-[r:HOLDS_ROLE]-(other)
WHERE e:Entity OR e:Post
RETURN CASE WHEN startNode(r) = e THEN other.name ELSE e.name END AS owner,
       CASE WHEN startNode(r) = e THEN e.name ELSE other.name END AS person,
       r.title AS title, r.firstDate AS first, r.lastDate AS last, r.cableCount AS cables, r.cables[0] AS cable, r.evidence[0] AS evidence
ORDER BY first, title, person
