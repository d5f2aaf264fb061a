#!/usr/bin/env node
/**
 * PROFILE of the viewer's questions over Neo4j: the bench-viewer requests (the same seeded draw)
 * answered by the Neo4j store in this process, every Cypher query it sends run under `PROFILE`.
 * Prints the slowest requests with their queries (db hits, rows, server and client ms), the
 * totals per query, and the operator tree of the heaviest query seen (its db hits per operator):
 * what the README's "Neo4j at scale" PROFILE notes are made from.
 *
 *   npm run build && NEO4J_URI=bolt://127.0.0.1:7696 node scripts/profile-neo4j-viewer.js --graph graph.db \
 *     [--requests 50] [--only neighbourhood,paths] [--slowest 5]
 *
 * The graph must be in that Neo4j already (`load` or `load --import` of the same graph database).
 * PROFILE adds its own cost to every query: read the db hits and the plans, not the wall times.
 */
'use strict';
const path = require('node:path');
const os = require('node:os');

const ROOT = path.resolve(__dirname, '..');
const { opt: flag } = require('./lib/cli-args');
const { plan } = require('./bench-viewer');
const { openDriver, resolveConnection } = require(path.join(ROOT, 'dist/store/neo4j'));
const { Neo4jStore, SERVER_QUERIES_DIR } = require(path.join(ROOT, 'dist/server/neo4j-store'));
const { queryLibrary } = require(path.join(ROOT, 'dist/store/neo4j'));
const { Explorer } = require(path.join(ROOT, 'dist/server/explore'));

/** Which server query a Cypher text is (by its text; anything else by its first 40 characters). */
function namer() {
  const byText = new Map([...queryLibrary(SERVER_QUERIES_DIR)].map(([name, q]) => [q.cypher.trim(), name]));
  return (cypher) => byText.get(cypher.trim()) ?? cypher.trim().slice(0, 40);
}

const sumHits = (p) => (p ? p.dbHits + p.children.reduce((s, c) => s + sumHits(c), 0) : 0);

function tree(p, depth = 0, lines = []) {
  const args = p.arguments || {};
  const details = String(args.Details ?? '')
    .replace(/\s+/g, ' ')
    .slice(0, 110);
  lines.push(
    `${'  '.repeat(depth)}${p.operatorType}  rows ${p.rows}  db hits ${p.dbHits}${details ? `  ${details}` : ''}`,
  );
  for (const c of p.children) tree(c, depth + 1, lines);
  return lines;
}

/** A driver whose read transactions run every query under PROFILE, recording its plan. */
function profiling(driver, log) {
  const name = namer();
  return new Proxy(driver, {
    get(target, key) {
      if (key !== 'session') return Reflect.get(target, key);
      return (config) => {
        const session = target.session(config);
        return new Proxy(session, {
          get(s, k) {
            if (k !== 'executeRead') return Reflect.get(s, k).bind ? Reflect.get(s, k).bind(s) : Reflect.get(s, k);
            return (work) =>
              s.executeRead((tx) =>
                work({
                  run: async (cypher, params) => {
                    const started = process.hrtime.bigint();
                    const result = await tx.run(`PROFILE ${cypher}`, params);
                    const profile = result.summary.profile;
                    log.push({
                      query: name(cypher),
                      ms: Number(process.hrtime.bigint() - started) / 1e6,
                      serverMs: result.summary.resultAvailableAfter + result.summary.resultConsumedAfter,
                      dbHits: sumHits(profile),
                      rows: result.records.length,
                      plan: profile,
                    });
                    return result;
                  },
                }),
              );
          },
        });
      };
    },
  });
}

async function main() {
  const file = flag('--graph');
  if (!file) throw new Error('--graph graph.db (the graph loaded in Neo4j) is required');
  const count = Number(flag('--requests', '50'));
  const only = flag('--only', 'search,neighbourhood,paths,evidence').split(',');
  const slowest = Number(flag('--slowest', '5'));
  const requests = plan(file, count);
  const driver = await openDriver(resolveConnection());
  const log = [];
  const store = new Neo4jStore(profiling(driver, log), undefined, false);
  const explorer = new Explorer(store);
  const ask = {
    search: (q) => explorer.search(q.get('q'), undefined, 20),
    neighbourhood: (q, id) => explorer.neighbourhood(id, {}, 1, Number(q.get('limit') ?? 100)),
    paths: (q) => explorer.paths(q.get('from'), q.get('to'), Number(q.get('maxHops') ?? 4), 1, 3),
    evidence: (q) => explorer.evidence(q.get('a'), q.get('b'), 20, 0),
  };
  const all = [];
  for (const kind of only) {
    for (const route of requests[kind]) {
      const [base, search] = route.split('?');
      const q = new URLSearchParams(search ?? '');
      const id = decodeURIComponent(base.split('/')[1] ?? '');
      const from = log.length;
      const started = process.hrtime.bigint();
      await ask[kind](q, id);
      const queries = log.slice(from);
      all.push({ kind, route, ms: Number(process.hrtime.bigint() - started) / 1e6, queries });
    }
  }
  console.log(
    `PROFILE of ${all.length} viewer requests over ${resolveConnection().uri}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for (const kind of only) {
    const mine = all.filter((r) => r.kind === kind).sort((a, b) => sumOf(b, 'dbHits') - sumOf(a, 'dbHits'));
    const hits = mine.map((r) => sumOf(r, 'dbHits')).sort((a, b) => a - b);
    console.log(
      `\n${kind}: ${mine.length} requests; db hits per request p50 ${hits[Math.floor(hits.length / 2)]}, p95 ${hits[Math.min(hits.length - 1, Math.floor(hits.length * 0.95))]}, max ${hits[hits.length - 1]}`,
    );
    for (const r of mine.slice(0, slowest)) {
      console.log(`  ${r.route}: ${sumOf(r, 'dbHits')} db hits, ${r.ms.toFixed(0)} ms (profiled)`);
      for (const q of r.queries)
        console.log(
          `    ${q.query.padEnd(18)} db hits ${String(q.dbHits).padStart(9)}  rows ${String(q.rows).padStart(6)}  server ${String(q.serverMs).padStart(5)} ms`,
        );
    }
  }
  const heaviest = all.flatMap((r) => r.queries).sort((a, b) => b.dbHits - a.dbHits)[0];
  if (heaviest)
    console.log(`\nheaviest query: ${heaviest.query}, ${heaviest.dbHits} db hits\n${tree(heaviest.plan).join('\n')}`);
  await driver.close();
}

const sumOf = (r, key) => r.queries.reduce((s, q) => s + q[key], 0);

main().catch((error) => {
  console.error(`profile-neo4j-viewer: ${error.stack || error.message}`);
  process.exitCode = 1;
});
