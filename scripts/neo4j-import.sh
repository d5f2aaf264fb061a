#!/usr/bin/env bash
# Fills the server's database with neo4j-admin's offline importer (`database import full`, the
# AdminTool of the jars neo4j-start.sh fetched) from a folder of neo4j-admin CSVs (`cablegraph
# export --format neo4j-csv`): the fastest way into an empty local database. The server must be
# stopped; its `neo4j` database is replaced. `cablegraph load --import` runs this between a stop
# and a start, after checking that the database is empty.
#   bash scripts/neo4j-import.sh [--test | --dir DIR] [--port PORT] CSV_DIR
#   NEO4J_IMPORT_HEAP (1g: the importer's Java heap), NEO4J_IMPORT_MEMORY (2G: its off-heap memory)
set -euo pipefail
source "$(dirname "$0")/neo4j/env.sh"
CSV="${ARGS[0]:-}"
[ -n "$CSV" ] && [ -d "$CSV" ] || { echo "usage: $0 [--test | --dir DIR] [--port PORT] CSV_DIR (a folder of neo4j-admin CSVs)" >&2; exit 2; }
if [ -f "$PIDFILE" ] && alive "$(cat "$PIDFILE")"; then
  echo "$WHICH: running (pid $(cat "$PIDFILE")): stop it first (the importer writes the database files)" >&2
  exit 1
fi
[ -f "$LIB/.complete" ] || { echo "$WHICH: no Neo4j jars in $LIB: start the server once (npm run neo4j:start) to fetch them" >&2; exit 1; }
shopt -s nullglob
NODES=("$CSV"/nodes-*.csv)
RELS=("$CSV"/relationships-*.csv)
[ ${#NODES[@]} -gt 0 ] || { echo "$WHICH: no nodes-*.csv in $CSV" >&2; exit 1; }
# The importer's home is the server's (NEO4J_HOME_DIR of the launcher): it writes data/databases/neo4j there.
mkdir -p "$DIR/data" "$DIR/import-conf"
: >"$DIR/import-conf/neo4j.conf"
echo "$WHICH: importing $CSV into $DIR/data"
NEO4J_HOME="$DIR/data" NEO4J_CONF="$DIR/import-conf" java -Xmx"${NEO4J_IMPORT_HEAP:-1g}" -cp "$LIB/*" org.neo4j.cli.AdminTool \
  database import full neo4j --overwrite-destination --multiline-fields=true --array-delimiter=$'\x1f' \
  --max-off-heap-memory="${NEO4J_IMPORT_MEMORY:-2G}" --report-file="$DIR/import.report" \
  "${NODES[@]/#/--nodes=}" "${RELS[@]/#/--relationships=}"
