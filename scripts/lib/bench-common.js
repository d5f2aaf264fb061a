'use strict';
/**
 * What the benchmark scripts (bench.js, bench-load.js, bench-viewer.js) share: running the CLI and
 * other programs as measured child processes (wall time, peak RSS, a timeout, out-of-memory told
 * apart from other failures), generating and building a corpus, reading a graph database's counts and open time,
 * emptying the Neo4j database, and Neo4j's offline importer (neo4j-admin from the Maven Central jars).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
/** Child Node processes get a big heap: the loader and the exports hold a large graph whole. */
const NODE_HEAP = '--max-old-space-size=16000';
const SHARED_CORPUS = path.join(ROOT, '..', 'shared', 'corpus');
const TIME = '/usr/bin/time';

/**
 * Runs a program and measures it. Resolves (never rejects on the program's failure) with
 * { ok, code, signal, seconds, peakRss (bytes), stdout, stderr, timedOut, outOfMemory, failure }.
 * Peak RSS from `/usr/bin/time -v` when present, else by polling /proc/<pid>/status (VmHWM).
 * The child runs in its own process group, killed whole on timeout.
 */
function runMeasured(command, argv, options = {}) {
  const { timeoutMs = 0, cwd = ROOT, env = process.env, echo = false } = options;
  const timed = fs.existsSync(TIME);
  const [file, fileArgs] = timed ? [TIME, ['-v', command, ...argv]] : [command, argv];
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, fileArgs, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (limit) => {
      let text = '';
      return {
        add: (chunk) => {
          text = (text + chunk).slice(-limit);
        },
        get: () => text,
      };
    };
    const out = keep(1 << 20);
    const err = keep(1 << 20);
    child.stdout.on('data', (c) => out.add(c.toString()));
    child.stderr.on('data', (c) => {
      err.add(c.toString());
      if (echo) process.stderr.write(c);
    });
    let polledHwm = 0;
    const poll = timed
      ? undefined
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) polledHwm = Math.max(polledHwm, Number(m[1]) * 1024);
          } catch {
            /* gone */
          }
        }, 100);
    let timedOut = false;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            try {
              process.kill(-child.pid, 'SIGKILL');
            } catch {
              /* gone */
            }
          }, timeoutMs)
        : undefined;
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (poll) clearInterval(poll);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      let stderr = err.get();
      let peakRss = polledHwm;
      let childSignal = signal;
      if (timed) {
        const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        if (rss) peakRss = Number(rss[1]) * 1024;
        const killed = /Command terminated by signal (\d+)/.exec(stderr);
        if (killed) childSignal = Number(killed[1]) === 9 ? 'SIGKILL' : `signal ${killed[1]}`;
        const cut = stderr.search(
          /\n?\s*(Command (exited with non-zero status|terminated by signal)|Command being timed:)/,
        );
        if (cut >= 0) stderr = stderr.slice(0, cut);
      }
      const outOfMemory =
        /JavaScript heap out of memory|Reached heap limit|OutOfMemoryError|Cannot allocate memory/.test(stderr) ||
        (childSignal === 'SIGKILL' && !timedOut);
      const ok = code === 0 && !timedOut && !childSignal;
      let failure;
      if (timedOut) failure = `timeout after ${+(timeoutMs / 60000).toFixed(2)} min`;
      else if (outOfMemory) failure = 'out of memory';
      else if (!ok)
        failure = `failed (${childSignal || `exit ${code}`})${lastLine(stderr) ? ` — ${lastLine(stderr)}` : ''}`;
      resolve({
        ok,
        code,
        signal: childSignal,
        seconds,
        peakRss,
        stdout: out.get(),
        stderr,
        timedOut,
        outOfMemory,
        failure,
      });
    });
  });
}

/** The line that names the error (`RangeError: Invalid string length`), else the last line. */
function lastLine(text) {
  const lines = text
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('at ') && !/^Node\.js v/.test(l));
  const named = lines.find((l) => /^(\w*Error|Exception|error)\b|^cablegraph\b.*:/.test(l));
  return (named || lines[lines.length - 1] || '').slice(0, 200);
}

/** A measured run's result, or an error naming what failed and how. */
function mustSucceed(what, result) {
  if (!result.ok) throw Object.assign(new Error(`${what}: ${result.failure}`), { result });
  return result;
}

/** `cablegraph <args>` in a child Node process with a big heap. */
const cli = (argv, options) => runMeasured(process.execPath, [NODE_HEAP, CLI, ...argv], options);

/** scripts/gen-corpus.js: an N-cable cables.csv (seed 1, the corpus bench-load.js --cables N makes). */
const generateCorpus = (n, csv, options) =>
  runMeasured(process.execPath, [path.join(ROOT, 'scripts', 'gen-corpus.js'), '-n', String(n), '-o', csv], options);

/** `cablegraph build <input> -o <out>`; `quiet: false` keeps the summary line (stage seconds). */
const buildGraph = (input, out, options = {}) =>
  cli(['build', input, '-o', out, ...(options.quiet === false ? [] : ['--quiet'])], options);

/** The build's summary line: nodes, edges and seconds per stage. */
function parseBuildSummary(stderr) {
  const m =
    /cablegraph build: (\d+) cables .*?: (\d+) nodes .*?, (\d+) edges .*? in ([\d.]+) s \(read\+parse\+extract ([\d.]+) s, resolve\+graph(?:\+metrics)? ([\d.]+) s, (?:metrics\+)?write ([\d.]+) s\)/.exec(
      stderr,
    );
  if (!m) return undefined;
  return {
    cables: Number(m[1]),
    nodes: Number(m[2]),
    edges: Number(m[3]),
    seconds: Number(m[4]),
    readSeconds: Number(m[5]),
    graphSeconds: Number(m[6]),
    writeSeconds: Number(m[7]),
  };
}

/** A graph database's counts (its meta table: cables, nodes, edges …). */
function readGraphCounts(file) {
  const { openGraphDb, readMeta } = require(path.join(ROOT, 'dist/db'));
  const db = openGraphDb(file);
  try {
    return readMeta(db).counts;
  } finally {
    db.close();
  }
}

/**
 * Seconds to open a graph database in a fresh Node process (module loading excluded): open and
 * check it, read its meta, answer one indexed query (the top entities by PageRank) — what a
 * server pays before its first answer.
 */
function openTime(file) {
  const script = `const { openGraphDb, readMeta } = require(${JSON.stringify(path.join(ROOT, 'dist/db'))});
const t = process.hrtime.bigint();
const db = openGraphDb(process.argv[1]);
readMeta(db);
db.prepare('SELECT id FROM entities ORDER BY pagerank DESC, id LIMIT 50').all();
process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e9));
db.close();`;
  return Number(
    require('node:child_process').execFileSync(process.execPath, ['-e', script, file], { encoding: 'utf8' }),
  );
}

/** Total bytes of the files under the given paths. */
function inputBytes(input) {
  const stat = fs.statSync(input);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(input).reduce((sum, name) => sum + inputBytes(path.join(input, name)), 0);
}

/**
 * Empties the database: relationships first, then nodes, in batches (a hub's DETACH DELETE would
 * take all its relationships in one transaction and exceed the transaction memory).
 */
async function emptyDatabase(driver) {
  const session = driver.session();
  try {
    await session.run('MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 5000 ROWS');
    await session.run('MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}

/** The node and relationship files of a `cablegraph export --format neo4j-csv` directory. */
function neo4jCsvFiles(directory) {
  const names = fs.readdirSync(directory).sort();
  return {
    nodes: names.filter((n) => /^nodes-.*\.csv$/.test(n)).map((n) => path.join(directory, n)),
    relationships: names.filter((n) => /^relationships-.*\.csv$/.test(n)).map((n) => path.join(directory, n)),
  };
}

/**
 * Neo4j's offline importer (`neo4j-admin database import full`, the AdminTool class of the jars
 * `npm run neo4j:start` fetched) on neo4j-csv files, into a scratch Neo4j home under `work`
 * (never the running server's database). Returns the measured run (seconds, peak RSS); throws when
 * the import fails.
 */
async function offlineImport(files, work, options = {}) {
  // The jars: NEO4J_LIB (shared between servers, as the scripts take it), else the server folder's.
  const lib = process.env.NEO4J_LIB || path.join(process.env.NEO4J_DIR || path.join(ROOT, '.neo4j'), 'lib');
  if (!fs.existsSync(path.join(lib, '.complete')))
    throw new Error(`no Neo4j jars in ${lib}: run npm run neo4j:start once`);
  const home = path.join(work, 'neo4j-home');
  fs.rmSync(home, { recursive: true, force: true });
  fs.mkdirSync(path.join(home, 'conf'), { recursive: true });
  fs.writeFileSync(path.join(home, 'conf', 'neo4j.conf'), '');
  try {
    return mustSucceed(
      'offline import',
      await runMeasured(
        'java',
        [
          // The same memory as `load --import` (scripts/neo4j-import.sh), so the two compare.
          `-Xmx${process.env.NEO4J_IMPORT_HEAP || '1g'}`,
          '-cp',
          `${lib}/*`,
          'org.neo4j.cli.AdminTool',
          'database',
          'import',
          'full',
          'neo4j',
          '--overwrite-destination',
          `--max-off-heap-memory=${process.env.NEO4J_IMPORT_MEMORY || '2G'}`,
          '--multiline-fields=true',
          '--array-delimiter=\u001f',
          ...files.nodes.map((f) => `--nodes=${f}`),
          ...files.relationships.map((f) => `--relationships=${f}`),
        ],
        { ...options, cwd: work, env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: path.join(home, 'conf') } },
      ),
    );
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

module.exports = {
  ROOT,
  CLI,
  NODE_HEAP,
  SHARED_CORPUS,
  runMeasured,
  mustSucceed,
  cli,
  generateCorpus,
  buildGraph,
  parseBuildSummary,
  readGraphCounts,
  openTime,
  inputBytes,
  emptyDatabase,
  neo4jCsvFiles,
  offlineImport,
};
