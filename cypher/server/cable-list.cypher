// The corpus cables a filter matches (post, sender, recipient, tag, signer, entity, dates), a page of them:
// oldest first (newest first with $newest), undated last, then by id. The cables are found from
// one anchor (the anchor* parameter set; the others null), then every condition is checked.
// @param anchorPost string
// @param anchorFrom string
// @param anchorTo string
// @param anchorTag string
// @param anchorSigner string
// @param anchorEntity string
// @param post string
// @param from string
// @param to string
// @param tag string
// @param signer string
// @param entity string
// @param since string
// @param until string
// @param newest boolean
// @param offset int
// @param limit int
CALL {
  MATCH (:Post {id: $anchorPost})<-[:FROM|TO|INFO]-(c:Cable) RETURN c
  UNION
  MATCH (:Post {id: $anchorFrom})<-[:FROM]-(c:Cable) RETURN c
  UNION
  MATCH (:Post {id: $anchorTo})<-[:TO|INFO]-(c:Cable) RETURN c
  UNION
  MATCH (:Tag {id: $anchorTag})<-[:TAGGED]-(c:Cable) RETURN c
  UNION
  MATCH (:Entity {id: $anchorSigner})-[:SIGNED]->(c:Cable) RETURN c
  UNION
  MATCH (:Entity {id: $anchorEntity})<-[:MENTIONS]-(c:Cable) RETURN c
}
WITH c
WHERE c.inCorpus = true
  AND ($post IS NULL OR EXISTS { MATCH (c)-[:FROM|TO|INFO]->(:Post {id: $post}) })
  AND ($from IS NULL OR EXISTS { MATCH (c)-[:FROM]->(:Post {id: $from}) })
  AND ($to IS NULL OR EXISTS { MATCH (c)-[:TO|INFO]->(:Post {id: $to}) })
  AND ($tag IS NULL OR EXISTS { MATCH (c)-[:TAGGED]->(:Tag {id: $tag}) })
  AND ($signer IS NULL OR EXISTS { MATCH (:Entity {id: $signer})-[:SIGNED]->(c) })
  AND ($entity IS NULL OR EXISTS { MATCH (c)-[:MENTIONS]->(:Entity {id: $entity}) })
  AND ($since IS NULL OR c.date >= $since)
  AND ($until IS NULL OR substring(c.date, 0, size($until)) <= $until)
WITH c
ORDER BY CASE WHEN c.date IS NULL THEN 1 ELSE 0 END, CASE WHEN $newest THEN c.date END DESC, CASE WHEN $newest THEN null ELSE c.date END, c.id
WITH collect(c) AS cs
RETURN size(cs) AS total,
       [c IN cs[$offset..($offset + $limit)] | {id: c.id, date: c.date, subject: c.subject, origin: c.origin, classification: c.classification}] AS cables
