// Posts by id: the cables each sent, was addressed and was informed of, and their first and last dates.
// @param ids list
UNWIND $ids AS id
MATCH (p:Post {id: id})
CALL {
  WITH p
  OPTIONAL MATCH (p)<-[:FROM|TO|INFO]-(c:Cable)
  RETURN min(c.date) AS firstDate, max(c.date) AS lastDate
}
RETURN p.id AS id, p.name AS name,
       COUNT { (p)<-[:FROM]-(:Cable) } AS sent, COUNT { (p)<-[:TO]-(:Cable) } AS to, COUNT { (p)<-[:INFO]-(:Cable) } AS info,
       firstDate, lastDate
