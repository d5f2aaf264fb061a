// How many co-mention links an entity has (read from the node's degree counts, not by walking).
// @param id string
MATCH (n:Entity {id: $id})
RETURN COUNT { (n)-[:CO_MENTIONED]-() } AS degree
