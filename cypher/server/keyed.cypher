// Whether the co-mentions carry their `pair` key (written by every load since it was added): the
// store uses the *-keyed queries only then (a database loaded before answers through the others).
MATCH ()-[r:CO_MENTIONED]->()
RETURN r.pair IS NOT NULL AS keyed
LIMIT 1
