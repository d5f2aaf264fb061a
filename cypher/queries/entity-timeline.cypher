// An entity's timeline: how many cables mention it, month by month.
// @param entity string
MATCH (e:Entity) WHERE e.id = $entity OR toLower(e.name) = toLower($entity) OR $entity IN e.aliases
WITH e LIMIT 1
MATCH (c:Cable)-[:MENTIONS]->(e)
WHERE c.date IS NOT NULL
RETURN substring(c.date, 0, 7) AS month, count(c) AS cables
ORDER BY month
