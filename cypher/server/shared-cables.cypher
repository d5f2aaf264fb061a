// Every cable mentioning both entities, with the paragraphs and offsets of each one's mentions,
// oldest first.
// @param a string
// @param b string
MATCH (x:Entity {id: $a})<-[ma:MENTIONS]-(c:Cable)-[mb:MENTIONS]->(y:Entity {id: $b})
RETURN c.id AS id, c.date AS date, c.subject AS subject, c.origin AS origin, c.classification AS classification,
       ma.paragraphs AS aParagraphs, ma.offsets AS aOffsets, mb.paragraphs AS bParagraphs, mb.offsets AS bOffsets
ORDER BY coalesce(c.date, '9999'), c.id
