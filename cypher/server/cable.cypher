// One cable's facts: metadata, tags, references, posts, signers, classifier, and the entities it
// mentions with their offsets.
// @param id string
MATCH (c:Cable {id: $id})
RETURN c.id AS id, c.date AS date, c.subject AS subject, c.origin AS origin, c.classification AS classification,
       c.created AS created, c.caveats AS caveats, c.inCorpus AS inCorpus,
       [(c)-[:TAGGED]->(t:Tag) | {code: t.code, label: t.name}] AS tags,
       [(c)-[:REFERENCES]->(r:Cable) | r.id] AS references,
       [(c)-[:FROM]->(p:Post) | p.name] AS from,
       [(c)-[:TO]->(p:Post) | p.name] AS to,
       [(c)-[:INFO]->(p:Post) | p.name] AS info,
       [(s:Person)-[:SIGNED]->(c) | s.name] AS signers,
       [(s:Person)-[:CLASSIFIED]->(c) | s.name] AS classifiedBy,
       [(c)-[m:MENTIONS]->(e:Entity) | {id: e.id, type: [l IN labels(e) WHERE l <> 'Entity'][0], name: e.name, offsets: m.offsets}] AS entities
