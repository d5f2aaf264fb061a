#!/usr/bin/env bash
# Fills the server's database with neo4j-admin's offline importer (`database import full`, the
# AdminTool of the jars neo4j-start.sh fetched) from a folder of neo4j-admin CSVs (`cablegraph
# export --format neo4j-csv`): the fastest way into an empty local database. The server must be
# stopped; its `neo4j` database is replaced. `cablegraph load --import` runs this between a stop
# and a start, after checking that the database is empty.
#   bash scripts/neo4j-import.sh [--test | --dir DIR] [--port PORT] CSV_DIR
#   NEO4J_IMPORT_HEAP (1g: the importer's Java heap), NEO4J_IMPORT_MEMORY (2G: its off-heap memory),
#   NEO4J_IMPORT_READ_BUFFER (16m: the largest field it can read)
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
# The CSVs and the store it writes are on disk together until the import ends (at 251,287 cables:
# 14 GB of CSVs and a store of about twice that). neo4j-admin reads gzipped CSVs, and JSON-heavy
# rows compress about 5x, so the CSVs are gzipped in place first, one file at a time, when the free
# space is short: NEO4J_IMPORT_GZIP=1 always, 0 never, unset when the disk has less than 3x the
# CSVs' size free. It costs the compression's time (and the importer a little decompression).
CSV_KB="$(du -sk "$CSV" | cut -f1)"
FREE_KB="$(df -Pk "$CSV" | awk 'NR == 2 { print $4 }')"
GZIP_CSV="${NEO4J_IMPORT_GZIP:-auto}"
[ "$GZIP_CSV" = auto ] && { [ "$FREE_KB" -lt $((CSV_KB * 3)) ] && GZIP_CSV=1 || GZIP_CSV=0; }
if [ "$GZIP_CSV" = 1 ]; then
  echo "$WHICH: gzipping the CSVs first ($((CSV_KB / 1024)) MB, $((FREE_KB / 1024)) MB free)"
  STARTED=$SECONDS
  for f in "$CSV"/nodes-*.csv "$CSV"/relationships-*.csv; do gzip -1 "$f"; done
  echo "$WHICH: gzipped in $((SECONDS - STARTED)) s to $(du -sm "$CSV" | cut -f1) MB"
fi
NODES=("$CSV"/nodes-*.csv "$CSV"/nodes-*.csv.gz)
RELS=("$CSV"/relationships-*.csv "$CSV"/relationships-*.csv.gz)
[ ${#NODES[@]} -gt 0 ] || { echo "$WHICH: no nodes-*.csv(.gz) in $CSV" >&2; exit 1; }
# The importer's home is the server's (NEO4J_HOME_DIR of the launcher): it writes data/databases/neo4j there.
mkdir -p "$DIR/data" "$DIR/import-conf"
: >"$DIR/import-conf/neo4j.conf"
echo "$WHICH: importing $CSV into $DIR/data ($(date +%T))"
# The importer's read buffer must hold the largest single field. Its default, 4 MiB, failed at
# 251,287 generated cables ("Tried to read a field larger than buffer size 4194304"): the largest
# HOLDS_ROLE edge there holds 26,800 statements, 5.7 MB of evidence. NEO4J_IMPORT_READ_BUFFER sets it.
NEO4J_HOME="$DIR/data" NEO4J_CONF="$DIR/import-conf" java -Xmx"${NEO4J_IMPORT_HEAP:-1g}" -cp "$LIB/*" org.neo4j.cli.AdminTool \
  database import full neo4j --verbose --overwrite-destination --multiline-fields=true --array-delimiter=$'\x1f' \
  --max-off-heap-memory="${NEO4J_IMPORT_MEMORY:-2G}" --read-buffer-size="${NEO4J_IMPORT_READ_BUFFER:-16m}" --report-file="$DIR/import.report" \
  "${NODES[@]/#/--nodes=}" "${RELS[@]/#/--relationships=}"
