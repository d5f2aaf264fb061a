// The reference chain of a cable: the cables it cites, the cables those cite, up to 5 steps
// (cited cables outside the corpus appear with inCorpus = false).
// @param cable string
MATCH p = (c:Cable {id: $cable})-[:REFERENCES*1..5]->(ref:Cable)
RETURN ref.id AS cable, min(length(p)) AS depth, ref.date AS date, ref.subject AS subject, ref.inCorpus AS inCorpus
ORDER BY depth, cable
