#!/usr/bin/env bash
# Says whether the server of neo4j-start.sh runs, and where. Exit 0 when running, 3 when not.
source "$(dirname "$0")/neo4j/env.sh"
if [ -f "$PIDFILE" ] && alive "$(cat "$PIDFILE")"; then
  echo "$WHICH: running (pid $(cat "$PIDFILE")) on bolt://127.0.0.1:$PORT, data in $DIR/data"
  exit 0
fi
echo "$WHICH: not running"
exit 3
