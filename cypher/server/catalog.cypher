// Every post and tag, with the names search matches (a tag's code and meaning).
MATCH (p:Post)
RETURN 'post' AS kind, p.id AS id, p.name AS name, null AS label
UNION ALL
MATCH (t:Tag)
RETURN 'tag' AS kind, t.id AS id, t.code AS name, t.name AS label
