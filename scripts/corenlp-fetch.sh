#!/usr/bin/env bash
# Fetches Stanford CoreNLP (jar, its runtime dependencies and the English `models` jar, which
# holds the POS tagger and the 3/4/7-class NER CRFs) from Maven Central, once, into
#   ${CORENLP_DIR:-${CABLEGRAPH_CACHE:-$HOME/.cache/cablegraph}/corenlp}/lib
# Idempotent: does nothing when lib/.complete exists for the same version.
#   CORENLP_VERSION (default 4.5.10), CORENLP_DIR, CABLEGRAPH_CACHE
# Used by scripts/corenlp-start.sh and .ci/run; needs java and mvn (Maven 3).
set -euo pipefail
VERSION="${CORENLP_VERSION:-4.5.10}"
DIR="${CORENLP_DIR:-${CABLEGRAPH_CACHE:-$HOME/.cache/cablegraph}/corenlp}"
LIB="$DIR/lib"
STAMP="$LIB/.complete"
STAMP_CONTENT="$VERSION (models, slf4j-simple)"

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$STAMP_CONTENT" ]; then
  echo "corenlp: $VERSION already fetched in $LIB"
  exit 0
fi
command -v mvn >/dev/null || { echo "corenlp: mvn (Maven 3) not found; it is needed once to fetch CoreNLP from Maven Central" >&2; exit 1; }
command -v java >/dev/null || { echo "corenlp: java (8+) not found" >&2; exit 1; }
mkdir -p "$DIR" || { echo "corenlp: cannot create $DIR (set CABLEGRAPH_CACHE or CORENLP_DIR)" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/corenlp-fetch.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# A throw-away pom: CoreNLP with its runtime dependencies, minus the ones the NER server never
# loads (Mac GUI, servlet API for the web demo, XSLT), plus the English models jar alone and a
# logging backend.
cat >"$WORK/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>cablegraph</groupId>
  <artifactId>corenlp-fetch</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>edu.stanford.nlp</groupId>
      <artifactId>stanford-corenlp</artifactId>
      <version>$VERSION</version>
      <exclusions>
        <exclusion><groupId>com.apple</groupId><artifactId>AppleJavaExtensions</artifactId></exclusion>
        <exclusion><groupId>jakarta.servlet</groupId><artifactId>jakarta.servlet-api</artifactId></exclusion>
        <exclusion><groupId>xalan</groupId><artifactId>xalan</artifactId></exclusion>
        <exclusion><groupId>xalan</groupId><artifactId>serializer</artifactId></exclusion>
      </exclusions>
    </dependency>
    <dependency>
      <groupId>edu.stanford.nlp</groupId>
      <artifactId>stanford-corenlp</artifactId>
      <version>$VERSION</version>
      <classifier>models</classifier>
      <exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions>
    </dependency>
    <!-- CoreNLP logs through SLF4J when it is on the class path: a binding sends its log to stderr. -->
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-simple</artifactId>
      <version>1.7.36</version>
    </dependency>
  </dependencies>
</project>
EOF

echo "corenlp: fetching stanford-corenlp $VERSION + models (~480 MB, once) from Maven Central into $LIB"
rm -rf "$LIB.partial"
if ! mvn -q -B -U -Dstyle.color=never -f "$WORK/pom.xml" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$LIB.partial" >"$WORK/mvn.log" 2>&1; then
  echo "corenlp: could not fetch CoreNLP $VERSION from Maven Central; last lines of the Maven log:" >&2
  tail -20 "$WORK/mvn.log" | sed "s/\x1b\[[0-9;]*m//g" >&2
  rm -rf "$LIB.partial"
  exit 1
fi
for jar in "stanford-corenlp-$VERSION.jar" "stanford-corenlp-$VERSION-models.jar"; do
  [ -s "$LIB.partial/$jar" ] || { echo "corenlp: $jar missing after the Maven fetch" >&2; rm -rf "$LIB.partial"; exit 1; }
done
rm -rf "$LIB"
mv "$LIB.partial" "$LIB"
echo "$STAMP_CONTENT" >"$STAMP"
echo "corenlp: fetched $(ls "$LIB" | wc -l) jars ($(du -sh "$LIB" | cut -f1)) into $LIB"
