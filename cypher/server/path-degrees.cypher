// How many co-mentions each entity of a list has (either direction, from the node's degree counts,
// not by walking them): what expanding it costs the path search (neo4j-paths.ts), which grows the
// side whose frontier costs less and looks a hub's links up by pair key instead of reading them.
// @param ids list
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, COUNT { (n)-[:CO_MENTIONED]-() } AS degree
