// The MET edges with both ends among a set of entities (person to person), without their
// passages: the canvas's meeting links.
// @param ids list
MATCH (a:Entity)-[r:MET]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids
RETURN a.id AS source, b.id AS target, r.cable AS cable, r.date AS date
