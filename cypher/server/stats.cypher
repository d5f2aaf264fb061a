// The graph as a whole: cables, entities, co-mentions, date range, communities.
CALL {
  MATCH (c:Cable) WHERE c.inCorpus AND c.date IS NOT NULL
  RETURN min(c.date) AS firstDate, max(c.date) AS lastDate
}
RETURN COUNT { (c:Cable) WHERE c.inCorpus } AS cables,
       COUNT { (e:Entity) } AS entities,
       COUNT { ()-[:CO_MENTIONED]->() } AS coMentions,
       firstDate, lastDate,
       size(COLLECT { MATCH (e:Entity) RETURN DISTINCT e.community }) AS communities
