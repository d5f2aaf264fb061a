// The text of cables and their paragraph bounds (written by `cablegraph load` from the graph file).
// @param ids list
UNWIND $ids AS id
MATCH (c:Cable {id: id})
WHERE c.text IS NOT NULL
RETURN c.id AS id, c.text AS text, c.paragraphNumbers AS numbers, c.paragraphStarts AS starts, c.paragraphEnds AS ends
