// A cable's place in the graph: its posts, tags, signers and classifier as nodes, the cables it
// cites (in the corpus or not) and the cables that cite it.
// @param id string
MATCH (c:Cable {id: $id})
RETURN c.id AS id, c.inCorpus AS inCorpus,
       [(c)-[:FROM]->(p:Post) | {id: p.id, name: p.name}] AS from,
       [(c)-[:TO]->(p:Post) | {id: p.id, name: p.name}] AS to,
       [(c)-[:INFO]->(p:Post) | {id: p.id, name: p.name}] AS info,
       [(c)-[:TAGGED]->(t:Tag) | {id: t.id, code: t.code, name: coalesce(t.name, t.code)}] AS tags,
       [(s:Entity)-[:SIGNED]->(c) | {id: s.id, name: s.name}] AS signers,
       [(s:Entity)-[:CLASSIFIED]->(c) | {id: s.id, name: s.name}] AS classifiedBy,
       [(c)-[:REFERENCES]->(r:Cable) | {id: r.id, date: r.date, subject: r.subject, origin: r.origin, classification: r.classification, inCorpus: r.inCorpus}] AS cites,
       [(r:Cable)-[:REFERENCES]->(c) | {id: r.id, date: r.date, subject: r.subject, origin: r.origin, classification: r.classification}] AS citedBy
