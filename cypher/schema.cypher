// cablegraph schema for Neo4j 5: one uniqueness constraint per node key, indexes for the
// properties queries filter on, full-text indexes for search. Every statement is idempotent
// (IF NOT EXISTS), so `cablegraph load` applies this file on every run.

CREATE CONSTRAINT cable_id IF NOT EXISTS FOR (n:Cable) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT post_id IF NOT EXISTS FOR (n:Post) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT tag_id IF NOT EXISTS FOR (n:Tag) REQUIRE n.id IS UNIQUE;
// A cut role's or affiliation's middle statements (the ones its lists leave out), one node each,
// keyed by the edge's id and the position: a page of /api/statements is one seek of this index.
CREATE CONSTRAINT statement_key IF NOT EXISTS FOR (n:Statement) REQUIRE (n.edge, n.seq) IS UNIQUE;
CREATE CONSTRAINT load_checkpoint_id IF NOT EXISTS FOR (n:CablegraphLoad) REQUIRE n.id IS UNIQUE;

CREATE INDEX cable_date IF NOT EXISTS FOR (n:Cable) ON (n.date);
CREATE INDEX cable_origin IF NOT EXISTS FOR (n:Cable) ON (n.origin);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX entity_pagerank IF NOT EXISTS FOR (n:Entity) ON (n.pagerank);
CREATE INDEX tag_code IF NOT EXISTS FOR (n:Tag) ON (n.code);
CREATE INDEX post_name IF NOT EXISTS FOR (n:Post) ON (n.name);
CREATE INDEX co_mentioned_weight IF NOT EXISTS FOR ()-[r:CO_MENTIONED]-() ON (r.weight);
// A co-mention by its two ends' ids (`pair`: the smaller id, a space, the larger): one seek per pair
// for the viewer's links among a set of entities, where matching from both ends expands a hub.
CREATE INDEX co_mentioned_pair IF NOT EXISTS FOR ()-[r:CO_MENTIONED]-() ON (r.pair);

CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasText];
CREATE FULLTEXT INDEX cable_subject IF NOT EXISTS FOR (n:Cable) ON EACH [n.subject];

// Relations (issue 17): roles by title, meetings by cable and date.
CREATE INDEX holds_role_title IF NOT EXISTS FOR ()-[r:HOLDS_ROLE]-() ON (r.title);
CREATE INDEX met_cable IF NOT EXISTS FOR ()-[r:MET]-() ON (r.cable);
CREATE INDEX met_date IF NOT EXISTS FOR ()-[r:MET]-() ON (r.date);
