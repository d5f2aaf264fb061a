#!/usr/bin/env bash
# Stops the server started by neo4j-start.sh: SIGTERM (the database shuts down cleanly), then waits.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${NEO4J_DIR:-$ROOT/.neo4j}"
PIDFILE="$DIR/neo4j.pid"
# A pid is alive when it exists and is not a zombie (a killed server whose parent never reaped it).
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null && ! grep -qs '^State:[[:space:]]*Z' "/proc/$1/status"; }
if [ ! -f "$PIDFILE" ] || ! alive "$(cat "$PIDFILE")"; then
  echo "neo4j: not running"
  rm -f "$PIDFILE"
  exit 0
fi
PID="$(cat "$PIDFILE")"
kill -TERM "$PID"
for _ in $(seq 1 120); do
  alive "$PID" || { rm -f "$PIDFILE"; echo "neo4j: stopped"; exit 0; }
  sleep 0.5
done
echo "neo4j: did not stop within 60 s; killing pid $PID" >&2
kill -KILL "$PID"
rm -f "$PIDFILE"
exit 1
