# Sourced by neo4j-{start,stop,status,import}.sh: which server they act on.
#   (default)  the user's server: data in NEO4J_DIR (.neo4j), Bolt on NEO4J_BOLT_PORT (7687)
#   --test     the test suite's own server: data in NEO4J_TEST_DIR (.neo4j-test), Bolt on
#              NEO4J_TEST_PORT (7688). The tests talk only to this one, never to the user's data.
#   --dir D    another server's folder (data, jars, log, pid), e.g. a benchmark's or a second graph's
#   --port P   its Bolt port (with --dir, or to move the default or test server)
# Whatever follows the options is left in ARGS for the script (neo4j-import.sh's CSV folder).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TEST=0
DIR_OPT=""
PORT_OPT=""
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --test) TEST=1 ;;
    --dir) [ $# -ge 2 ] || { echo "usage: $0 [--test] [--dir DIR] [--port PORT]" >&2; exit 2; }; DIR_OPT="$2"; shift ;;
    --port) [ $# -ge 2 ] && [[ "$2" =~ ^[0-9]+$ ]] || { echo "$0: --port wants a port number" >&2; exit 2; }; PORT_OPT="$2"; shift ;;
    --*) echo "usage: $0 [--test] [--dir DIR] [--port PORT]" >&2; exit 2 ;;
    *) ARGS+=("$1") ;;
  esac
  shift
done
if [ "$TEST" = 1 ]; then
  DIR="${DIR_OPT:-${NEO4J_TEST_DIR:-$ROOT/.neo4j-test}}"
  PORT="${PORT_OPT:-${NEO4J_TEST_PORT:-7688}}"
  PASSWORD="${NEO4J_TEST_PASSWORD:-cablegraph}"
  WHICH="neo4j (test server)"
else
  DIR="${DIR_OPT:-${NEO4J_DIR:-$ROOT/.neo4j}}"
  PORT="${PORT_OPT:-${NEO4J_BOLT_PORT:-7687}}"
  PASSWORD="${NEO4J_PASSWORD:-cablegraph}"
  WHICH="neo4j"
  [ -n "$DIR_OPT" ] && WHICH="neo4j ($DIR_OPT)"
fi
DIR="$(mkdir -p "$DIR" && cd "$DIR" && pwd)"
# The jars: the folder's own (fetched once), or NEO4J_LIB to share one copy between servers.
LIB="${NEO4J_LIB:-$DIR/lib}"
PIDFILE="$DIR/neo4j.pid"
LOG="$DIR/neo4j.log"
# A pid is alive when it exists and is not a zombie (a killed server whose parent never reaped it).
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null && ! grep -qs '^State:[[:space:]]*Z' "/proc/$1/status"; }
