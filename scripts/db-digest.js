#!/usr/bin/env node
/**
 * Per-table digest of a graph database: each table's row count and the sha256 of its rows in
 * storage order (FTS5 shadow tables included, the virtual tables themselves left out). Two builds
 * of the same cables must print the same lines: compare a build before and after a change with
 *
 *   node scripts/db-digest.js before.db > a.txt && node scripts/db-digest.js after.db > b.txt && diff a.txt b.txt
 *
 * (test/db compares small databases row by row; this is for 10,000+ cables, where sorting every
 * table in memory would not fit.)
 */
'use strict';
const crypto = require('node:crypto');
const Database = require('better-sqlite3');

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error('usage: node scripts/db-digest.js GRAPH.db');
  process.exit(2);
}
let db;
try {
  db = new Database(file, { readonly: true, fileMustExist: true });
} catch (error) {
  console.error(`db-digest: ${file}: ${error.message}`);
  process.exit(1);
}
const tables = db
  .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
  .pluck()
  .all();
for (const table of tables) {
  if (/_fts$/.test(table)) continue;
  const hash = crypto.createHash('sha256');
  let rows = 0;
  for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate()) {
    hash.update(JSON.stringify(row));
    hash.update('\n');
    rows += 1;
  }
  console.log(`${table}\t${rows}\t${hash.digest('hex')}`);
}
db.close();
