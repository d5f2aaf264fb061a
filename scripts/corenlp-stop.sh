#!/usr/bin/env bash
# Stops the CoreNLP server started by scripts/corenlp-start.sh (same CORENLP_PORT / cache dir).
set -euo pipefail
DIR="${CORENLP_DIR:-${CABLEGRAPH_CACHE:-$HOME/.cache/cablegraph}/corenlp}"
PORT="${CORENLP_PORT:-9000}"
PIDFILE="$DIR/corenlp-$PORT.pid"

if [ ! -f "$PIDFILE" ]; then
  echo "corenlp: not running on port $PORT (no $PIDFILE)"
  exit 0
fi
PID="$(cat "$PIDFILE")"
# A live CoreNLP server with this pid (not a process that reused a stale pid).
is_corenlp() {
  kill -0 "$1" 2>/dev/null || return 1
  if [ -r "/proc/$1/cmdline" ]; then tr '\0' ' ' <"/proc/$1/cmdline" | grep -q StanfordCoreNLPServer
  elif command -v ps >/dev/null; then ps -p "$1" -o args= | grep -q StanfordCoreNLPServer
  fi
}
if ! is_corenlp "$PID"; then
  echo "corenlp: not running (stale pid file removed)"
  rm -f "$PIDFILE"
  exit 0
fi
kill "$PID"
for _ in $(seq 1 40); do
  kill -0 "$PID" 2>/dev/null || { rm -f "$PIDFILE"; echo "corenlp: stopped (pid $PID)"; exit 0; }
  sleep 0.25
done
echo "corenlp: pid $PID did not stop within 10 s; killing it" >&2
kill -9 "$PID" 2>/dev/null || true
rm -f "$PIDFILE"
echo "corenlp: stopped (pid $PID, killed)"
