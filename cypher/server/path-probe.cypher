// Which of a list of pairs are linked by a co-mention of at least a weight: one seek each on the
// `pair` index (`probes`: [pairKey, u, v]). The path search (neo4j-paths.ts) asks this for a
// frontier's hubs against the few entities the other side has reached, instead of reading every
// link of the hubs; the store keeps a row only when its ends are u and v.
// @param probes list
// @param minWeight int 1
UNWIND $probes AS p
MATCH (a)-[r:CO_MENTIONED {pair: p[0]}]->(b)
WHERE $minWeight <= 1 OR r.weight >= $minWeight
RETURN p[1] AS u, p[2] AS v, a.id AS source, b.id AS target
