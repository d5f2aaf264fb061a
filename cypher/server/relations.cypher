// The HOLDS_ROLE, AFFILIATED_WITH and MET edges at an entity or a post, with both ends (id, name,
// kind) and the edge's properties; one row with null type when the node has none, no row when
// there is no such node.
// @param id string
CALL {
  MATCH (n:Entity {id: $id}) RETURN n
  UNION
  MATCH (n:Post {id: $id}) RETURN n
}
OPTIONAL MATCH (n)-[r:HOLDS_ROLE|AFFILIATED_WITH|MET]-()
WITH n, r, startNode(r) AS s, endNode(r) AS t
RETURN type(r) AS type, properties(r) AS props,
       CASE WHEN r IS NULL THEN {id: n.id, name: n.name, kind: head([l IN labels(n) WHERE l <> 'Entity'])}
            ELSE {id: s.id, name: s.name, kind: head([l IN labels(s) WHERE l <> 'Entity'])} END AS source,
       CASE WHEN r IS NULL THEN null ELSE {id: t.id, name: t.name, kind: head([l IN labels(t) WHERE l <> 'Entity'])} END AS target
