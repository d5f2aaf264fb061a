#!/usr/bin/env node
/**
 * /api/statements over both stores: loads a graph database into Neo4j (emptied first: the project's
 * own server, never one holding data you need), then pages the longest role's statements 50 at a
 * time from offset 0 in steps of 10 over the SQLite and the Neo4j store, checks that every page is
 * the same on both, and prints the load's phases and each store's page times (median, max).
 *
 *   npm run build && node scripts/bench-statements.js GRAPH.db bolt://127.0.0.1:PORT
 *   (a graph built with a small --max-evidence cuts many roles: e.g. the shared corpus at 2)
 */
'use strict';
const path = require('node:path');
const dist = path.join(__dirname, '..', 'dist');
const Database = require('better-sqlite3');
const { loadGraphDb, openDriver } = require(path.join(dist, 'store/neo4j'));
const { Neo4jStore } = require(path.join(dist, 'server/neo4j-store'));
const { SqliteStore } = require(path.join(dist, 'server/sqlite-store'));

async function main() {
  const [file, uri] = process.argv.slice(2);
  if (!file || !uri) throw new Error('usage: node scripts/bench-statements.js GRAPH.db bolt://127.0.0.1:PORT');
  const driver = await openDriver({ uri, user: 'neo4j', password: process.env.NEO4J_PASSWORD || 'cablegraph' });
  const session = driver.session();
  await session.run('MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 5000 ROWS');
  await session.run('MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  await session.close();
  const load = await loadGraphDb(file, driver, { force: true });
  const phases = Object.fromEntries(Object.entries(load.phases).map(([k, v]) => [k, Number(v.toFixed(2))]));
  console.log(`load: ${load.seconds.toFixed(1)} s, ${load.batches} batches, phases ${JSON.stringify(phases)}`);
  const { records } = await driver.executeQuery('MATCH (s:Statement) RETURN count(s) AS n');
  console.log(`statement nodes: ${String(records[0].get('n'))}`);
  const db = new Database(file, { readonly: true });
  const longest = db
    .prepare(
      'SELECT p.id AS person, o.id AS owner, r.title AS title, count(*) AS n FROM roles r JOIN entities p ON p.node = r.person JOIN entities o ON o.node = r.owner GROUP BY r.person, r.title, r.owner ORDER BY n DESC LIMIT 1',
    )
    .get();
  db.close();
  const edge = { type: 'HOLDS_ROLE', person: longest.person, owner: longest.owner, title: longest.title };
  console.log(`edge: ${JSON.stringify(edge)}, ${longest.n} statements`);
  const sqlite = SqliteStore.open(file);
  const neo4j = new Neo4jStore(driver, undefined, false);
  for (const [name, store, other] of [
    ['sqlite', sqlite, neo4j],
    ['neo4j', neo4j, sqlite],
  ]) {
    for (let warm = 0; warm < 3; warm += 1) await store.relationStatements(edge, 40, 50);
    const times = [];
    let same = 0;
    for (let offset = 0; offset < longest.n; offset += 10) {
      const started = process.hrtime.bigint();
      const page = await store.relationStatements(edge, offset, 50);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (JSON.stringify(page) === JSON.stringify(await other.relationStatements(edge, offset, 50))) same += 1;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)].toFixed(2);
    console.log(
      `${name}: ${times.length} pages, ${same} identical, median ${median} ms, max ${times.at(-1).toFixed(2)} ms`,
    );
  }
  await sqlite.close();
  await driver.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
