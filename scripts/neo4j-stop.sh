#!/usr/bin/env bash
# Stops the server started by neo4j-start.sh: SIGTERM (the database shuts down cleanly), then waits.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${NEO4J_DIR:-$ROOT/.neo4j}"
PIDFILE="$DIR/neo4j.pid"
if [ ! -f "$PIDFILE" ] || ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  echo "neo4j: not running"
  rm -f "$PIDFILE"
  exit 0
fi
PID="$(cat "$PIDFILE")"
kill -TERM "$PID"
for _ in $(seq 1 120); do
  kill -0 "$PID" 2>/dev/null || { rm -f "$PIDFILE"; echo "neo4j: stopped"; exit 0; }
  sleep 0.5
done
echo "neo4j: did not stop within 60 s; killing pid $PID" >&2
kill -KILL "$PID"
rm -f "$PIDFILE"
exit 1
