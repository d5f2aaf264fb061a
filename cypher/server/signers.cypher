// People by id as authors: the cables each signed and classified, and the first and last dates of those.
// @param ids list
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL {
  WITH e
  OPTIONAL MATCH (e)-[:SIGNED|CLASSIFIED]->(c:Cable)
  RETURN min(c.date) AS firstDate, max(c.date) AS lastDate
}
RETURN e.id AS id, e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS type,
       COUNT { (e)-[:SIGNED]->(:Cable) } AS signed, COUNT { (e)-[:CLASSIFIED]->(:Cable) } AS classified, firstDate, lastDate
