#!/usr/bin/env bash
# Starts a real Neo4j Community 5.26 server (embedded, Bolt on 127.0.0.1:7687, auth on), fetched
# from Maven Central on first use. Data, jars and logs live in .neo4j/ (git-ignored).
#   NEO4J_PASSWORD (default cablegraph), NEO4J_BOLT_PORT (7687), NEO4J_DIR (.neo4j), NEO4J_HEAP (2g),
#   NEO4J_PAGECACHE (Neo4j's default: half of the free memory; e.g. 2g), NEO4J_START_SECONDS (600:
#   how long to wait for Bolt), NEO4J_LIB (the jars' folder, to share one copy between servers),
#   NEO4J_WARMUP (1; 0 = off), NEO4J_WARMUP_MB (3/4 of the page cache), NEO4J_WARMUP_SECONDS (300):
#   once ready, the server reads the stores the viewer uses into its page cache in the background
#   (scripts/neo4j/PageCacheWarmup.java; the log's "warm-up done" line says what it read, how fast).
# With --test: the test suite's own server, in .neo4j-test/ on 7688 (NEO4J_TEST_DIR, NEO4J_TEST_PORT,
# NEO4J_TEST_PASSWORD), so tests never write into the user's database. --dir DIR and --port PORT
# start another server (a benchmark's, a second graph's): its data, jars, log and pid in DIR.
set -euo pipefail
source "$(dirname "$0")/neo4j/env.sh"
mkdir -p "$DIR"

if [ -f "$PIDFILE" ] && alive "$(cat "$PIDFILE")"; then
  echo "$WHICH: already running (pid $(cat "$PIDFILE")) on bolt://127.0.0.1:$PORT"
  exit 0
fi
command -v java >/dev/null || { echo "$WHICH: java (17+) not found" >&2; exit 1; }

# 1. Jars from Maven Central (once per pom.xml: .complete holds the checksum of the pom.xml it was
#    fetched for — not its date, which a fresh clone or worktree resets, so a shared NEO4J_LIB was
#    deleted and fetched again by every new checkout).
POM_SUM="$(sha256sum "$ROOT/scripts/neo4j/pom.xml" | cut -d' ' -f1)"
if [ ! -f "$LIB/.complete" ] || [ "$(cat "$LIB/.complete")" != "$POM_SUM" ]; then
  command -v mvn >/dev/null || { echo "$WHICH: mvn not found (needed once to fetch Neo4j from Maven Central)" >&2; exit 1; }
  echo "$WHICH: fetching Neo4j from Maven Central into $LIB"
  rm -rf "$LIB"
  mvn -q -f "$ROOT/scripts/neo4j/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIB" \
    || { echo "$WHICH: could not fetch Neo4j from Maven Central" >&2; exit 1; }
  echo "$POM_SUM" > "$LIB/.complete"
fi

# 2. The launcher and its page-cache warm-up (recompiled when a source changes).
SRCS=("$ROOT"/scripts/neo4j/*.java)
STALE=0
for src in "${SRCS[@]}"; do
  class="$DIR/classes/$(basename "$src" .java).class"
  [ -f "$class" ] && [ ! "$src" -nt "$class" ] || STALE=1
done
if [ "$STALE" = 1 ]; then
  mkdir -p "$DIR/classes"
  javac -d "$DIR/classes" -cp "$LIB/*" "${SRCS[@]}"
fi

# 3. Start, and wait until Bolt answers.
echo "$WHICH: starting on bolt://127.0.0.1:$PORT (log: $LOG)"
NEO4J_HOME_DIR="$DIR/data" NEO4J_BOLT_PORT="$PORT" NEO4J_PASSWORD="$PASSWORD" NEO4J_PAGECACHE="${NEO4J_PAGECACHE:-}" \
  nohup java -Xmx"${NEO4J_HEAP:-2g}" -cp "$DIR/classes:$LIB/*" CablegraphNeo4j >"$LOG" 2>&1 &
echo $! >"$PIDFILE"
# Recovery after a crash on a loaded machine can take minutes: wait up to NEO4J_START_SECONDS (600).
WAIT="${NEO4J_START_SECONDS:-600}"
for _ in $(seq 1 $((WAIT * 2))); do
  if grep -q "cablegraph-neo4j: ready" "$LOG" 2>/dev/null; then
    echo "$WHICH: ready (pid $(cat "$PIDFILE"))"
    exit 0
  fi
  if ! alive "$(cat "$PIDFILE")"; then
    echo "$WHICH: the server exited while starting; last lines of $LOG:" >&2
    tail -20 "$LOG" >&2
    rm -f "$PIDFILE"
    exit 1
  fi
  sleep 0.5
done
echo "$WHICH: not ready after $WAIT s; last lines of $LOG:" >&2
tail -20 "$LOG" >&2
exit 1
