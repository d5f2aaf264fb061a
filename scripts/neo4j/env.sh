# Sourced by neo4j-{start,stop,status}.sh: which server they act on.
#   (default)  the user's server: data in NEO4J_DIR (.neo4j), Bolt on NEO4J_BOLT_PORT (7687)
#   --test     the test suite's own server: data in NEO4J_TEST_DIR (.neo4j-test), Bolt on
#              NEO4J_TEST_PORT (7688). The tests talk only to this one, never to the user's data.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ "${1:-}" = "--test" ]; then
  DIR="${NEO4J_TEST_DIR:-$ROOT/.neo4j-test}"
  PORT="${NEO4J_TEST_PORT:-7688}"
  PASSWORD="${NEO4J_TEST_PASSWORD:-cablegraph}"
  WHICH="neo4j (test server)"
elif [ -n "${1:-}" ]; then
  echo "usage: $0 [--test]" >&2
  exit 2
else
  DIR="${NEO4J_DIR:-$ROOT/.neo4j}"
  PORT="${NEO4J_BOLT_PORT:-7687}"
  PASSWORD="${NEO4J_PASSWORD:-cablegraph}"
  WHICH="neo4j"
fi
PIDFILE="$DIR/neo4j.pid"
LOG="$DIR/neo4j.log"
# A pid is alive when it exists and is not a zombie (a killed server whose parent never reaped it).
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null && ! grep -qs '^State:[[:space:]]*Z' "/proc/$1/status"; }
