// Posts by id: its cables (each once), the cables each sent, was addressed and was informed of, and their first and last dates.
// @param ids list
UNWIND $ids AS id
MATCH (p:Post {id: id})
CALL {
  WITH p
  OPTIONAL MATCH (p)<-[:FROM|TO|INFO]-(c:Cable)
  RETURN count(DISTINCT c) AS cables, min(c.date) AS firstDate, max(c.date) AS lastDate
}
RETURN p.id AS id, p.name AS name, cables,
       COUNT { (p)<-[:FROM]-(:Cable) } AS sent, COUNT { (p)<-[:TO]-(:Cable) } AS to, COUNT { (p)<-[:INFO]-(:Cable) } AS info,
       firstDate, lastDate
