// An entity's timeline by id: cables per month mentioning it.
// @param id string
MATCH (e:Entity {id: $id})<-[:MENTIONS]-(c:Cable)
WHERE c.date IS NOT NULL
RETURN substring(c.date, 0, 7) AS month, count(c) AS cables
ORDER BY month
