// Cables by id, as references in lists (date, subject, origin, classification).
// @param ids list
UNWIND $ids AS id
MATCH (c:Cable {id: id})
RETURN c.id AS id, c.date AS date, c.subject AS subject, c.origin AS origin, c.classification AS classification
