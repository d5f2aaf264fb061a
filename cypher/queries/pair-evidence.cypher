// The evidence for a pair: the cables (date, subject) and paragraph numbers where both entities
// appear. Entities are given by id, name or alias.
// @param a string
// @param b string
MATCH (x:Entity) WHERE x.id = $a OR toLower(x.name) = toLower($a) OR $a IN x.aliases
WITH x LIMIT 1
MATCH (y:Entity) WHERE y.id = $b OR toLower(y.name) = toLower($b) OR $b IN y.aliases
WITH x, y LIMIT 1
MATCH (x)-[r:CO_MENTIONED]-(y)
MATCH (c:Cable)-[mx:MENTIONS]->(x), (c)-[my:MENTIONS]->(y)
RETURN c.id AS cable, c.date AS date, c.subject AS subject, r.weight AS weight,
       [n IN coalesce(mx.paragraphs, []) WHERE n IN coalesce(my.paragraphs, [])] AS paragraphs
ORDER BY date, cable
