// How two entities connect: the shortest chain of co-mentions between them (up to 6 hops), with
// the cables behind each link: `cableCounts` exact, `cables` the first (up to 100) of each link's
// evidence list (`pair-evidence` lists them all).
// @param from string
// @param to string
MATCH (a:Entity) WHERE a.id = $from OR toLower(a.name) = toLower($from) OR $from IN a.aliases
WITH a LIMIT 1
MATCH (b:Entity) WHERE b.id = $to OR toLower(b.name) = toLower($to) OR $to IN b.aliases
WITH a, b LIMIT 1
MATCH p = shortestPath((a)-[:CO_MENTIONED*..6]-(b))
RETURN [n IN nodes(p) | n.name] AS path, length(p) AS hops, [r IN relationships(p) | r.cableCount] AS cableCounts,
       [r IN relationships(p) | r.cables] AS cables
