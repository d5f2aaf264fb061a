#!/usr/bin/env bash
# Starts a Stanford CoreNLP server (fetched by scripts/corenlp-fetch.sh) in the background, with
# only the annotators NER needs (tokenize, ssplit, pos, lemma, ner; truecase for all-caps cables;
# the server adds pos and lemma to any pipeline with ner anyway)
# preloaded, and returns once it answers a real annotation request. Used by `--ner corenlp`
# (src/extract/corenlp.ts) and by .ci/run. Stop it with scripts/corenlp-stop.sh.
#   CORENLP_PORT (9000), CORENLP_HEAP (4g), CORENLP_THREADS (number of cores),
#   CORENLP_START_TIMEOUT (seconds, 240), CORENLP_DIR / CABLEGRAPH_CACHE (as in corenlp-fetch.sh)
# Pid file, log and server properties live in the cache dir: corenlp-$PORT.{pid,log,properties}.
set -euo pipefail
DIR="${CORENLP_DIR:-${CABLEGRAPH_CACHE:-$HOME/.cache/cablegraph}/corenlp}"
LIB="$DIR/lib"
PORT="${CORENLP_PORT:-9000}"
PIDFILE="$DIR/corenlp-$PORT.pid"
LOG="$DIR/corenlp-$PORT.log"
PROPS="$DIR/corenlp-$PORT.properties"
TIMEOUT="${CORENLP_START_TIMEOUT:-240}"
URL="http://127.0.0.1:$PORT"

command -v curl >/dev/null || { echo "corenlp: curl not found (needed to check that the server answers)" >&2; exit 1; }
# A live CoreNLP server with this pid (not a process that reused a stale pid).
is_corenlp() {
  kill -0 "$1" 2>/dev/null || return 1
  if [ -r "/proc/$1/cmdline" ]; then tr '\0' ' ' <"/proc/$1/cmdline" | grep -q StanfordCoreNLPServer
  elif command -v ps >/dev/null; then ps -p "$1" -o args= | grep -q StanfordCoreNLPServer
  fi
}
if [ -f "$PIDFILE" ] && is_corenlp "$(cat "$PIDFILE")"; then
  echo "corenlp: already running (pid $(cat "$PIDFILE")) on $URL"
  exit 0
fi
rm -f "$PIDFILE"
if [ "$(curl -s -m 2 "$URL/live" 2>/dev/null || true)" = "live" ]; then
  echo "corenlp: a CoreNLP server not started by this script already answers on $URL; using it"
  exit 0
fi
[ -f "$LIB/.complete" ] || { echo "corenlp: CoreNLP is not fetched into $LIB; run: bash scripts/corenlp-fetch.sh" >&2; exit 1; }
command -v java >/dev/null || { echo "corenlp: java (8+) not found" >&2; exit 1; }

# Server defaults = what src/extract/corenlp.ts sends with each request (it sends them itself too,
# so that any CoreNLP server works): the English 3-class CRF only (CoreNLP's default also runs the
# 7-class and 4-class CRFs, which only add classes the extractor drops: same tags, half the speed),
# NER without SUTime, numeric classifiers, fine-grained RegexNER or entity mentions (the extractor
# merges tokens itself), sentences never crossing a blank line (paragraphs, and the separator
# between batched cables); all-caps text is truecased before tagging.
cat >"$PROPS" <<'EOF'
annotators = tokenize,ssplit,pos,lemma,ner
outputFormat = json
ner.model = edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz
ssplit.newlineIsSentenceBreak = two
ner.useSUTime = false
ner.applyNumericClassifiers = false
ner.applyFineGrained = false
ner.buildEntityMentions = false
truecase.overwriteText = true
EOF

echo "corenlp: starting on $URL (log: $LOG)"
THREADS=()
[ -n "${CORENLP_THREADS:-}" ] && THREADS=(-threads "$CORENLP_THREADS")
nohup java -mx"${CORENLP_HEAP:-4g}" -Dfile.encoding=UTF-8 -Djava.io.tmpdir="$DIR" -cp "$LIB/*" \
  edu.stanford.nlp.pipeline.StanfordCoreNLPServer \
  -port "$PORT" -timeout 300000 -quiet -maxCharLength 200000 "${THREADS[@]}" \
  -serverProperties "$PROPS" -preload tokenize,ssplit,pos,lemma,ner,truecase \
  >"$LOG" 2>&1 </dev/null &
echo $! >"$PIDFILE"

fail() {
  echo "corenlp: $1; last lines of $LOG:" >&2
  tail -20 "$LOG" >&2
  kill "$(cat "$PIDFILE")" 2>/dev/null || true
  rm -f "$PIDFILE"
  exit 1
}

# Ready = a real request with the extractor's properties succeeds (loads any model not preloaded),
# for mixed-case text and for all-caps text (truecase pipeline).
annotate() { # $1 = extra JSON properties, $2 = text
  curl -s -m 300 -o /dev/null -w '%{http_code}' -H 'Content-Type: text/plain; charset=utf-8' --data-binary "$2" \
    "$URL/?properties=%7B%22annotators%22%3A%22$1%22%2C%22outputFormat%22%3A%22json%22%7D" 2>/dev/null || true
}
deadline=$((SECONDS + TIMEOUT))
until [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "$URL/ready" 2>/dev/null || true)" = "200" ]; do
  kill -0 "$(cat "$PIDFILE")" 2>/dev/null || fail "the server exited while starting"
  [ "$SECONDS" -lt "$deadline" ] || fail "the server did not answer on $URL within $TIMEOUT s"
  sleep 1
done
[ "$(annotate 'tokenize%2Cssplit%2Cpos%2Clemma%2Cner' 'Bernard Kouchner visited Baghdad.')" = "200" ] \
  || fail "the server answers on $URL but an NER request failed"
# Warm the all-caps pipeline too (shares every model but truecase; failure is not fatal).
annotate 'tokenize%2Cssplit%2Ctruecase%2Cpos%2Clemma%2Cner' 'KOUCHNER VISITED BAGHDAD.' >/dev/null
echo "corenlp: ready (pid $(cat "$PIDFILE")) on $URL"
