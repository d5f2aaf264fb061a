// The in-degree (stored direction: co-mentions from a smaller id) of each entity of a set: what
// expanding its incoming co-mentions costs (read from the node's degree counts, not by walking).
// @param ids list
MATCH (n:Entity) WHERE n.id IN $ids
RETURN n.id AS id, COUNT { (n)<-[:CO_MENTIONED]-() } AS inDegree
