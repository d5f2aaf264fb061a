#!/usr/bin/env bash
# Says whether the server of neo4j-start.sh runs, and where. Exit 0 when running, 3 when not.
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${NEO4J_DIR:-$ROOT/.neo4j}"
PIDFILE="$DIR/neo4j.pid"
# A pid is alive when it exists and is not a zombie (a killed server whose parent never reaped it).
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null && ! grep -qs '^State:[[:space:]]*Z' "/proc/$1/status"; }
if [ -f "$PIDFILE" ] && alive "$(cat "$PIDFILE")"; then
  echo "neo4j: running (pid $(cat "$PIDFILE")) on bolt://127.0.0.1:${NEO4J_BOLT_PORT:-7687}, data in $DIR/data"
  exit 0
fi
echo "neo4j: not running"
exit 3
