// An entity's aliases and how often each was used.
// @param id string
MATCH (n:Entity {id: $id})
RETURN n.aliases AS aliases, n.aliasCounts AS counts
