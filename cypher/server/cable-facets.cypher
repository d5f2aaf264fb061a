// What the corpus cables of a filter have in common: cables per month, the posts that sent and
// received them, their tags, signers, and the entities named in most of them (not as their own
// signer or classifier); each by cables, then id, at most $size values.
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
// @param size int
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
WITH collect(c) AS cs
CALL {
  WITH cs
  UNWIND cs AS c
  WITH c WHERE c.date IS NOT NULL
  WITH substring(c.date, 0, 7) AS month, count(*) AS cables
  ORDER BY month
  RETURN collect({month: month, cables: cables}) AS months
}
CALL {
  WITH cs
  UNWIND cs AS c
  MATCH (c)-[:FROM]->(p:Post)
  WITH p, count(DISTINCT c) AS cables
  ORDER BY cables DESC, p.id
  LIMIT $size
  RETURN collect({id: p.id, name: p.name, cables: cables}) AS origins
}
CALL {
  WITH cs
  UNWIND cs AS c
  MATCH (c)-[:TO|INFO]->(p:Post)
  WITH p, count(DISTINCT c) AS cables
  ORDER BY cables DESC, p.id
  LIMIT $size
  RETURN collect({id: p.id, name: p.name, cables: cables}) AS recipients
}
CALL {
  WITH cs
  UNWIND cs AS c
  MATCH (c)-[:TAGGED]->(t:Tag)
  WITH t, count(DISTINCT c) AS cables
  ORDER BY cables DESC, t.id
  LIMIT $size
  RETURN collect({id: t.id, code: t.code, name: coalesce(t.name, t.code), cables: cables}) AS tags
}
CALL {
  WITH cs
  UNWIND cs AS c
  MATCH (s:Entity)-[:SIGNED]->(c)
  WITH s, count(DISTINCT c) AS cables
  ORDER BY cables DESC, s.id
  LIMIT $size
  RETURN collect({id: s.id, name: s.name, cables: cables}) AS signers
}
CALL {
  WITH cs
  UNWIND cs AS c
  MATCH (c)-[:MENTIONS]->(e:Entity)
  WHERE NOT EXISTS { (e)-[:SIGNED|CLASSIFIED]->(c) }
  WITH e, count(DISTINCT c) AS cables
  ORDER BY cables DESC, e.id
  LIMIT $size
  RETURN collect({id: e.id, type: [l IN labels(e) WHERE l <> 'Entity'][0], name: e.name, cables: cables}) AS entities
}
RETURN size(cs) AS total, months, origins, recipients, tags, signers, entities
