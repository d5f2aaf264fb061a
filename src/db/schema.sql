-- The cablegraph graph database: one SQLite file that `cablegraph build` writes and `serve`,
-- curation, exports and `load` read. Format version in PRAGMA user_version, the file's kind in
-- PRAGMA application_id (both set by src/db/open.ts). Names follow the graph model
-- (ARCHITECTURE.md) in snake_case: cableCount → cable_count, weightedDegree → weighted_degree.
--
-- Every node has `node`, its position in the graph's node order (unique across the node tables:
-- entities in id order, then cables of the corpus in id order, then posts, tags, cited cables
-- and signer-only people in the order the build met them); edge tables refer to nodes by that
-- integer. Ids (`id`) are unique text columns. Dates are ISO text (YYYY-MM-DD), NULL when absent.

-- Key/value facts about the build; values are JSON.
--   format ("cablegraph-graph"), extractor ("builtin" …), build_options ({maxEntitiesPerWindow, …}),
--   curation (the decisions applied, [] when none), curation_hash (sha256 of the curation file
--   or null), inputs (the input paths of every build and --append, in order), counts ({cables,
--   nodes, edges, byKind, byType}).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- ── Nodes ─────────────────────────────────────────────────────────────────────────────────────
-- Every node table carries the metrics of its nodes: degree, weighted degree (co-mention weights
-- count, other edges 1), PageRank, Louvain community, ForceAtlas2 position.

-- People, organizations and places (the `Entity` label in Neo4j).
CREATE TABLE entities (
  node            INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL CHECK (kind IN ('Person', 'Organization', 'Place')),
  name            TEXT NOT NULL,
  cable_count     INTEGER NOT NULL,   -- cables of the corpus that mention it
  first_date      TEXT,               -- first and last date of those cables (YYYY-MM-DD)
  last_date       TEXT,
  degree          REAL NOT NULL,
  weighted_degree REAL NOT NULL,
  pagerank        REAL NOT NULL,
  community       INTEGER NOT NULL,
  x               REAL NOT NULL,
  y               REAL NOT NULL
);

-- Surface forms of an entity with their counts over the corpus; `position` is the entity's alias
-- order (most used first, then by text).
CREATE TABLE aliases (
  entity   INTEGER NOT NULL REFERENCES entities (node),
  alias    TEXT NOT NULL,
  count    INTEGER NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (entity, alias)
) WITHOUT ROWID;

-- The words of each entity's name and aliases (lower case, no diacritics: searchTokens of
-- src/server/search.ts): the viewer's name search ranks over these like the Neo4j store does.
-- alone = 1 when one of the entity's names or aliases is that word alone (a one-word query can
-- match only those exactly: src/db/entity-words.ts).
CREATE TABLE entity_words (
  word   TEXT NOT NULL,
  entity INTEGER NOT NULL REFERENCES entities (node),
  alone  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (word, entity)
) WITHOUT ROWID;

-- entity_words again, one row a word, for the server to read in one pass (24,421 rows at 251,287
-- cables, not 2.7 M): `entries` packs the word's rows in entity order as little-endian int32s,
-- entity * 2 + alone. Derived: every writer of entity_words rewrites the rows of the words it
-- changed (src/db/entity-words.ts).
CREATE TABLE word_postings (
  word    TEXT PRIMARY KEY,
  entries BLOB NOT NULL
) WITHOUT ROWID;

-- Cables of the corpus (in_corpus = 1, with text) and cables they cite that are not in it
-- (in_corpus = 0: only id and metrics).
CREATE TABLE cables (
  node            INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  in_corpus       INTEGER NOT NULL,
  date            TEXT,               -- YYYY-MM-DD of created
  created         TEXT,               -- ISO 8601, as the cable gives it
  released        TEXT,
  classification  TEXT,
  caveats         TEXT,               -- JSON array (NOFORN, SIPDIS …), null when none
  origin          TEXT,
  subject         TEXT,
  paragraph_count INTEGER,
  versions        INTEGER,            -- distinct copies read (cable_records.versions lists them)
  signers         TEXT,               -- JSON array of the signature names as written
  classified_by   TEXT,               -- the "Classified By" name and title
  classified_title TEXT,
  text            TEXT,               -- the text paragraph and mention offsets point into
  degree          REAL NOT NULL,
  weighted_degree REAL NOT NULL,
  pagerank        REAL NOT NULL,
  community       INTEGER NOT NULL,
  x               REAL NOT NULL,
  y               REAL NOT NULL
);

-- Paragraph bounds: `number` as written (or the 1-based position in unnumbered cables), offsets
-- into cables.text; paragraph 0 (the header: subject, references) has no row.
CREATE TABLE paragraphs (
  cable          INTEGER NOT NULL REFERENCES cables (node),
  position       INTEGER NOT NULL,    -- 0-based, in text order
  number         INTEGER NOT NULL,
  start          INTEGER NOT NULL,
  end            INTEGER NOT NULL,
  classification TEXT,                -- portion mark (C, S, U, SBU …)
  is_summary     INTEGER NOT NULL,
  is_comment     INTEGER NOT NULL,
  PRIMARY KEY (cable, position)
) WITHOUT ROWID;

-- What a rebuild (`--append`, curation) starts from: the parsed cable as JSON (without its text,
-- which is cables.text, nor paragraph texts), the extractor's mentions as JSON, and every version
-- read ([{file, row, released, hash}]). The other tables are derived from these.
CREATE TABLE cable_records (
  cable    INTEGER PRIMARY KEY REFERENCES cables (node),
  parsed   TEXT NOT NULL,
  mentions TEXT NOT NULL,
  versions TEXT NOT NULL
);

-- Embassies, consulates, missions and agencies: origins and recipients.
CREATE TABLE posts (
  node            INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,   -- post:<name>
  name            TEXT NOT NULL,
  degree          REAL NOT NULL,
  weighted_degree REAL NOT NULL,
  pagerank        REAL NOT NULL,
  community       INTEGER NOT NULL,
  x               REAL NOT NULL,
  y               REAL NOT NULL
);

-- TAGS codes (PREL, IZ, …) with their kind and meaning when known.
CREATE TABLE tags (
  node            INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,   -- tag:<code>
  code            TEXT NOT NULL,
  tag_kind        TEXT NOT NULL,          -- subject, country, organization, program, person, unknown
  name            TEXT,                   -- the code's meaning
  degree          REAL NOT NULL,
  weighted_degree REAL NOT NULL,
  pagerank        REAL NOT NULL,
  community       INTEGER NOT NULL,
  x               REAL NOT NULL,
  y               REAL NOT NULL
);

-- ── Edges ─────────────────────────────────────────────────────────────────────────────────────

-- Every mention of an entity that the build resolved: what the MENTIONS edges and co-mentions are
-- made of (and what curation recomputes them from). `type` and `surface` are the extractor's
-- (PERSON|ORGANIZATION|PLACE, the text as written), `paragraph` the paragraph number (0: the
-- header), `authorship` 1 for the "Classified By" line and the signature (MENTIONS only, no
-- co-mentions: or every ambassador would be co-mentioned with all their embassy reports).
-- Rows in (cable, start) order.
CREATE TABLE mentions (
  cable      INTEGER NOT NULL REFERENCES cables (node),
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  type       TEXT NOT NULL,
  surface    TEXT NOT NULL,
  paragraph  INTEGER NOT NULL,
  authorship INTEGER NOT NULL,
  entity     INTEGER NOT NULL REFERENCES entities (node)
);

-- (Cable)-[:MENTIONS {count, paragraphs, offsets}]->(Entity): per cable and entity, the number of
-- mentions, their distinct paragraphs (JSON, sorted) and offsets (JSON, flat [start, end, …] by
-- start). `position` orders a cable's MENTIONS edges (by first mention) as the graph does.
CREATE TABLE cable_entities (
  cable      INTEGER NOT NULL REFERENCES cables (node),
  entity     INTEGER NOT NULL REFERENCES entities (node),
  count      INTEGER NOT NULL,
  paragraphs TEXT NOT NULL,
  offsets    TEXT NOT NULL,
  position   INTEGER NOT NULL,
  PRIMARY KEY (cable, entity)
) WITHOUT ROWID;

-- Per-cable edges below keep the build's order in their rowid (cables in id order; within a cable,
-- signers, posts, tags and references as the cable lists them).

-- (Person)-[:SIGNED]->(Cable)
CREATE TABLE signed (
  person INTEGER NOT NULL REFERENCES entities (node),
  cable  INTEGER NOT NULL REFERENCES cables (node)
);

-- (Person)-[:CLASSIFIED {title}]->(Cable)
CREATE TABLE classified (
  person INTEGER NOT NULL REFERENCES entities (node),
  cable  INTEGER NOT NULL REFERENCES cables (node),
  title  TEXT
);

-- (Cable)-[:FROM]->(Post), (Cable)-[:TO {precedence}]->(Post), (Cable)-[:INFO {precedence}]->(Post)
CREATE TABLE cable_posts (
  cable      INTEGER NOT NULL REFERENCES cables (node),
  role       TEXT NOT NULL CHECK (role IN ('FROM', 'TO', 'INFO')),
  post       INTEGER NOT NULL REFERENCES posts (node),
  precedence TEXT
);

-- (Cable)-[:TAGGED]->(Tag)
CREATE TABLE tagged (
  cable INTEGER NOT NULL REFERENCES cables (node),
  tag   INTEGER NOT NULL REFERENCES tags (node)
);

-- (Cable)-[:REFERENCES]->(Cable); the cited cable may be outside the corpus (in_corpus = 0).
CREATE TABLE cable_references (
  cable INTEGER NOT NULL REFERENCES cables (node),
  cited INTEGER NOT NULL REFERENCES cables (node)
);

-- (Entity)-[:CO_MENTIONED]-(Entity): the id of `a` sorts before the id of `b` (so entity node a <
-- node b: entities are numbered in id order), as the edge id `CO_MENTIONED:<a>--<b>`.
-- weight = cable_count + paragraph_count; first/last date of the cables where both appear.
CREATE TABLE co_mentions (
  a               INTEGER NOT NULL REFERENCES entities (node),
  b               INTEGER NOT NULL REFERENCES entities (node),
  weight          INTEGER NOT NULL,
  cable_count     INTEGER NOT NULL,
  paragraph_count INTEGER NOT NULL,
  first_date      TEXT,
  last_date       TEXT,
  PRIMARY KEY (a, b)
) WITHOUT ROWID;

-- Every cable where both entities of a pair appear (not capped: cable_count rows per pair), with
-- the paragraphs they share (JSON array; empty when both are in the cable but not one paragraph).
-- Read by pair only (the key): no index by cable — the largest table of all, its index by cable
-- was a third of the build's index stage and no question asked it.
CREATE TABLE co_mention_evidence (
  a          INTEGER NOT NULL,
  b          INTEGER NOT NULL,
  cable      INTEGER NOT NULL REFERENCES cables (node),
  paragraphs TEXT NOT NULL,
  PRIMARY KEY (a, b, cable)
) WITHOUT ROWID;

-- ── Relations: roles, affiliations, meetings (issue 17) ──────────────────────────────────────
-- Read from the text per cable (src/extract/relations), people and owners as nodes. Every row
-- keeps its passage: the sentence (`evidence`), its offsets in the cable text and its paragraph.

-- One role statement per person, title and owner in a cable. The graph's
-- (Person)-[:HOLDS_ROLE {title, firstDate, lastDate, cables, evidence}]->(Organization|Place|Post)
-- is their aggregate per (person, title, owner_name): see the view holds_role. `owner` is the
-- owner's node (the country's Place, the organization, the post of its own officers) or NULL when
-- the graph has no node of that name (then the role has no edge, only these rows).
CREATE TABLE roles (
  cable        INTEGER NOT NULL REFERENCES cables (node),
  person       INTEGER NOT NULL REFERENCES entities (node),
  title        TEXT NOT NULL,
  title_text   TEXT NOT NULL,
  country      TEXT,
  organization TEXT,
  unit         TEXT,
  owner        INTEGER,
  owner_name   TEXT NOT NULL,
  basis        TEXT NOT NULL CHECK (basis IN ('explicit', 'implied')),
  former       INTEGER NOT NULL,
  date         TEXT,
  paragraph    INTEGER,
  evidence     TEXT NOT NULL,
  start        INTEGER NOT NULL,
  end          INTEGER NOT NULL
);

-- (Person)-[:AFFILIATED_WITH]->(Organization): membership stated without a title ("X of the MFA").
CREATE TABLE affiliations (
  cable        INTEGER NOT NULL REFERENCES cables (node),
  person       INTEGER NOT NULL REFERENCES entities (node),
  organization TEXT NOT NULL,
  owner        INTEGER,
  country      TEXT,
  date         TEXT,
  paragraph    INTEGER,
  evidence     TEXT NOT NULL,
  start        INTEGER NOT NULL,
  end          INTEGER NOT NULL
);

-- (Person)-[:MET {date, cable, paragraph}]->(Person), one per pair and cable. An embassy officer
-- the cable does not name is the role at its post: `a` is then the Post node and `a_role` the
-- function (Ambassador, DCM, Poloff …): (Post)-[:MET {role}]->(Person).
CREATE TABLE meetings (
  cable       INTEGER NOT NULL REFERENCES cables (node),
  a           INTEGER NOT NULL,
  a_role      TEXT,
  b           INTEGER NOT NULL REFERENCES entities (node),
  date        TEXT,
  date_source TEXT NOT NULL CHECK (date_source IN ('text', 'cable')),
  form        TEXT NOT NULL,
  paragraph   INTEGER,
  evidence    TEXT NOT NULL,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL
);

-- ── Curation ──────────────────────────────────────────────────────────────────────────────────
-- What applying decisions needs (src/curate/apply.ts works on these units): automatic
-- resolution's result, kept beside the curated one.

-- Automatic resolution's entities, before any decision (never changed by curation).
CREATE TABLE resolved (
  id   TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  name TEXT NOT NULL
) WITHOUT ROWID;

-- One surface form of one cable: its normalized form, its count in the cable (occurrences of the
-- text, any type), the entity automatic resolution gave it (`auto`, a resolved.id) and the one it
-- belongs to now (`entity`, NULL when a decision rejected it).
CREATE TABLE assignments (
  cable   INTEGER NOT NULL REFERENCES cables (node),
  type    TEXT NOT NULL,
  surface TEXT NOT NULL,
  norm    TEXT NOT NULL,
  count   INTEGER NOT NULL,
  auto    TEXT NOT NULL,
  entity  INTEGER REFERENCES entities (node),
  PRIMARY KEY (cable, type, surface)
) WITHOUT ROWID;

-- The curation file's decisions as applied (JSON, one per line of the file).
CREATE TABLE decisions (
  seq      INTEGER PRIMARY KEY,
  decision TEXT NOT NULL
);

-- @indexes: built after the bulk load (src/db/build.ts runs what follows once the rows are in), in
-- two parts. First those over the per-cable tables and the co-mentions, with the cables' full-text
-- index (every cables row is in by then; the metrics columns, updated later, are not indexed): a
-- build makes them while the layout runs on another thread.

CREATE INDEX mentions_by_cable ON mentions (cable, start);
CREATE INDEX mentions_by_entity ON mentions (entity, cable);
CREATE INDEX cable_entities_by_entity ON cable_entities (entity, cable);
CREATE INDEX signed_by_cable ON signed (cable);
CREATE INDEX signed_by_person ON signed (person);
CREATE INDEX classified_by_cable ON classified (cable);
CREATE INDEX classified_by_person ON classified (person);
CREATE INDEX cable_posts_by_cable ON cable_posts (cable);
CREATE INDEX cable_posts_by_post ON cable_posts (post);
CREATE INDEX tagged_by_cable ON tagged (cable);
CREATE INDEX tagged_by_tag ON tagged (tag);
CREATE INDEX cable_references_by_cable ON cable_references (cable);
CREATE INDEX cable_references_by_cited ON cable_references (cited);
-- An entity's links by weight from either end (the key gives a's): the viewer reads a hub's
-- heaviest links from the top of these, never its whole adjacency.
CREATE INDEX co_mentions_by_a_weight ON co_mentions (a, weight);
CREATE INDEX co_mentions_by_b ON co_mentions (b, weight);
CREATE INDEX assignments_by_auto ON assignments (auto);
CREATE INDEX assignments_by_norm ON assignments (norm);
CREATE INDEX assignments_by_entity ON assignments (entity);
CREATE INDEX cables_by_date ON cables (date);

-- Relations (issue 17): by person, owner and cable; HOLDS_ROLE and AFFILIATED_WITH as views.
CREATE INDEX roles_by_person ON roles (person, title, owner_name);
CREATE INDEX roles_by_owner ON roles (owner);
CREATE INDEX roles_by_cable ON roles (cable);
CREATE INDEX affiliations_by_person ON affiliations (person);
-- The HOLDS_ROLE and AFFILIATED_WITH edges counted (curation's meta counts after each decision) from
-- these alone: a scan of the tables themselves took over a second at 251,287 cables.
CREATE INDEX roles_edges ON roles (person, title, owner) WHERE owner IS NOT NULL;
CREATE INDEX affiliations_edges ON affiliations (person, owner) WHERE owner IS NOT NULL;
CREATE INDEX affiliations_by_cable ON affiliations (cable);
CREATE INDEX meetings_by_a ON meetings (a);
CREATE INDEX meetings_by_b ON meetings (b);
CREATE INDEX meetings_by_cable ON meetings (cable);
-- A curation decision finds the cables whose relation rows it may change by these too
-- (src/curate/relations.ts: it creates them on a database built before them).
CREATE INDEX roles_by_owner_name ON roles (owner_name);
CREATE INDEX affiliations_by_owner ON affiliations (owner);
CREATE INDEX affiliations_by_organization ON affiliations (organization);
CREATE VIEW holds_role AS
  SELECT person, title, owner, owner_name, min(date) AS first_date, max(date) AS last_date, count(DISTINCT cable) AS cable_count
  FROM roles WHERE owner IS NOT NULL GROUP BY person, title, owner;

-- Full-text search (FTS5) over cable subjects and texts (external content: the text is stored
-- once, in cables; snippet() reads it from there).
CREATE VIRTUAL TABLE cable_fts USING fts5 (subject, text, content = 'cables', content_rowid = 'node', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO cable_fts (cable_fts) VALUES ('rebuild');

-- Readable views: the edges with ids instead of node numbers.
CREATE VIEW co_mentions_by_id AS
  SELECT ea.id AS a_id, ea.name AS a_name, eb.id AS b_id, eb.name AS b_name, c.*
  FROM co_mentions c JOIN entities ea ON ea.node = c.a JOIN entities eb ON eb.node = c.b;
CREATE VIEW co_mention_evidence_by_id AS
  SELECT ea.id AS a_id, ea.name AS a_name, eb.id AS b_id, eb.name AS b_name, cb.id AS cable_id, cb.date, v.paragraphs
  FROM co_mention_evidence v JOIN entities ea ON ea.node = v.a JOIN entities eb ON eb.node = v.b JOIN cables cb ON cb.node = v.cable;

-- @entity-indexes: then those over the entities (written with their metrics, after the layout),
-- with their full-text index over names and aliases.
CREATE INDEX entities_by_pagerank ON entities (pagerank DESC, id);
CREATE INDEX entities_by_community ON entities (community, pagerank DESC, id);
CREATE INDEX entities_by_cable_count ON entities (cable_count DESC, id);
CREATE VIRTUAL TABLE entity_fts USING fts5 (name, aliases, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO entity_fts (rowid, name, aliases)
  SELECT node, name, (SELECT group_concat(alias, char(10)) FROM (SELECT alias FROM aliases WHERE entity = node ORDER BY position)) FROM entities;
