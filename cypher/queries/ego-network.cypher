// Who surrounds an entity: everyone co-mentioned with it within a number of hops (at most 3),
// every hop at least a minimum weight. The entity is given by id, name or alias. `hops` is the
// distance; `weight` the summed weights of the strongest of the shortest chains that reach it
// (at 1 hop, the co-mention's weight). Walked ring by ring, each entity once: the work is the
// co-mentions of the rings, not every path (which took 44.5 s around Kouchner on the corpus).
// @param entity string
// @param hops int 1
// @param minWeight int 1
// @param limit int 50
MATCH (e:Entity)
WHERE e.id = $entity OR toLower(e.name) = toLower($entity) OR $entity IN e.aliases
WITH e LIMIT 1
CALL (e) {
  MATCH (e)-[r:CO_MENTIONED]-(n:Entity)
  WHERE r.weight >= $minWeight AND n <> e
  WITH n, max(r.weight) AS weight
  RETURN collect({node: n, weight: weight}) AS ring1
}
CALL (e, ring1) {
  WITH e, ring1 WHERE $hops >= 2
  WITH ring1, [e] + [x IN ring1 | x.node] AS seen
  UNWIND ring1 AS from
  WITH seen, from.node AS p, from.weight AS pw
  MATCH (p)-[r:CO_MENTIONED]-(n:Entity)
  WHERE r.weight >= $minWeight AND NOT n IN seen
  WITH n, max(pw + r.weight) AS weight
  RETURN collect({node: n, weight: weight}) AS ring2
}
CALL (e, ring1, ring2) {
  WITH e, ring1, ring2 WHERE $hops >= 3
  WITH ring2, [e] + [x IN ring1 | x.node] + [x IN ring2 | x.node] AS seen
  UNWIND ring2 AS from
  WITH seen, from.node AS p, from.weight AS pw
  MATCH (p)-[r:CO_MENTIONED]-(n:Entity)
  WHERE r.weight >= $minWeight AND NOT n IN seen
  WITH n, max(pw + r.weight) AS weight
  RETURN collect({node: n, weight: weight}) AS ring3
}
UNWIND [x IN ring1 | x {.*, hops: 1}] + [x IN ring2 | x {.*, hops: 2}] + [x IN ring3 | x {.*, hops: 3}] AS found
WITH found.node AS n, found.hops AS hops, found.weight AS weight
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.name AS name, hops, weight
ORDER BY hops, weight DESC, name
LIMIT $limit
