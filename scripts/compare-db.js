#!/usr/bin/env node
// Compares two graph databases table by table (every row, in rowid order): what "behaviour unchanged" is checked with.
// Usage: node scripts/compare-db.js before.db after.db [--ignore-meta key,key] [--any-order]
// --any-order compares each table's rows as a multiset (an in-place append rewrites rows, so their rowids and
// storage differ from a full build's while their contents do not); FTS5 tables are then compared by their
// content (rowid and columns), not by their shadow tables, whose segments record every delete and insert.
'use strict';
const crypto = require('crypto');
const Database = require('better-sqlite3');

const [aFile, bFile, ...rest] = process.argv.slice(2);
if (!aFile || !bFile) {
  process.stderr.write('usage: node scripts/compare-db.js before.db after.db [--ignore-meta key,key] [--any-order]\n');
  process.exit(2);
}
const ignoreAt = rest.indexOf('--ignore-meta');
const anyOrder = rest.includes('--any-order');
const ignoredMeta = new Set(ignoreAt >= 0 ? (rest[ignoreAt + 1] ?? '').split(',').filter(Boolean) : []);
// Build times and the build's own inputs (paths) differ between any two builds.
const open = (file) => new Database(file, { readonly: true, fileMustExist: true });
const a = open(aFile);
const b = open(bFile);
const ftsTables = (db) =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'")
    .pluck()
    .all();
const tables = (db) => {
  const all = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
  if (!anyOrder) return all;
  // the shadow tables of an FTS5 table are named after it (x_data, x_idx, x_content, x_docsize, x_config)
  const fts = ftsTables(db);
  return all.filter((t) => !fts.some((f) => t.startsWith(`${f}_`)));
};
const rowText = (row) =>
  JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? String(v) : v));
/** Rows as a multiset: the sum of their hashes (mod 2^64) and their count, whatever their order. */
const multisetDigest = (db, table, cols) => {
  const fts = ftsTables(db).includes(table);
  const select = fts ? ['rowid', ...cols] : cols;
  let sum = 0n;
  let rows = 0;
  for (const row of db
    .prepare(`SELECT ${select.map((c) => `"${c}"`).join(', ')} FROM "${table}"`)
    .raw()
    .iterate()) {
    sum = (sum + crypto.createHash('sha256').update(rowText(row)).digest().readBigUInt64LE(0)) & 0xffffffffffffffffn;
    rows += 1;
  }
  return { rows, hash: sum.toString(16) };
};
const columns = (db, table) => db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table);
const digest = (db, table, cols) => {
  if (anyOrder) return multisetDigest(db, table, cols);
  const hash = crypto.createHash('sha256');
  let rows = 0;
  const withoutRowid = db
    .prepare('SELECT sql FROM sqlite_master WHERE name = ?')
    .pluck()
    .get(table)
    ?.includes('WITHOUT ROWID');
  const order = withoutRowid ? cols.map((c) => `"${c}"`).join(', ') : 'rowid';
  for (const row of db
    .prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY ${order}`)
    .raw()
    .iterate()) {
    hash.update(rowText(row));
    hash.update('\n');
    rows += 1;
  }
  return { rows, hash: hash.digest('hex') };
};

let differences = 0;
const aTables = tables(a);
const bTables = tables(b);
for (const t of [...new Set([...aTables, ...bTables])].sort()) {
  if (!aTables.includes(t) || !bTables.includes(t)) {
    console.log(`${t}: only in ${aTables.includes(t) ? aFile : bFile}`);
    differences += 1;
    continue;
  }
  if (t === 'meta') {
    const read = (db) => new Map(db.prepare('SELECT key, value FROM meta').raw().all());
    const ma = read(a);
    const mb = read(b);
    const keys = [...new Set([...ma.keys(), ...mb.keys()])].sort();
    const differing = keys.filter((k) => !ignoredMeta.has(k) && ma.get(k) !== mb.get(k));
    console.log(
      `meta: ${keys.length} keys, ${differing.length === 0 ? 'equal' : `differ: ${differing.map((k) => `${k} (${ma.get(k) ?? '-'} → ${mb.get(k) ?? '-'})`).join('; ')}`}`,
    );
    differences += differing.length;
    continue;
  }
  const ca = columns(a, t);
  const cb = columns(b, t);
  if (ca.join(',') !== cb.join(',')) {
    console.log(`${t}: columns differ (${ca.join(',')} vs ${cb.join(',')})`);
    differences += 1;
    continue;
  }
  const da = digest(a, t, ca);
  const db = digest(b, t, cb);
  const same = da.rows === db.rows && da.hash === db.hash;
  console.log(`${t}: ${da.rows} rows${da.rows === db.rows ? '' : ` vs ${db.rows}`}, ${same ? 'equal' : 'DIFFER'}`);
  if (!same) differences += 1;
}
console.log(differences === 0 ? 'equal: every table' : `${differences} difference(s)`);
process.exit(differences === 0 ? 0 : 1);
