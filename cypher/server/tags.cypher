// Tags by id: kind, meaning, the cables carrying each and their first and last dates.
// @param ids list
UNWIND $ids AS id
MATCH (t:Tag {id: id})
CALL {
  WITH t
  OPTIONAL MATCH (t)<-[:TAGGED]-(c:Cable)
  RETURN count(c) AS cables, min(c.date) AS firstDate, max(c.date) AS lastDate
}
RETURN t.id AS id, t.code AS code, t.tagKind AS tagKind, t.name AS label, cables, firstDate, lastDate
