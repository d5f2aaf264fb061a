#!/usr/bin/env bash
# Stops the server started by neo4j-start.sh: SIGTERM (the database shuts down cleanly), then waits.
set -uo pipefail
source "$(dirname "$0")/neo4j/env.sh"
if [ ! -f "$PIDFILE" ] || ! alive "$(cat "$PIDFILE")"; then
  echo "$WHICH: not running"
  rm -f "$PIDFILE"
  exit 0
fi
PID="$(cat "$PIDFILE")"
kill -TERM "$PID"
for _ in $(seq 1 120); do
  alive "$PID" || { rm -f "$PIDFILE"; echo "$WHICH: stopped"; exit 0; }
  sleep 0.5
done
echo "$WHICH: did not stop within 60 s; killing pid $PID" >&2
kill -KILL "$PID"
rm -f "$PIDFILE"
exit 1
