#!/usr/bin/env node
/**
 * Every export format of a whole graph file, written streamed and read back: node and edge counts
 * against the graph file's, GEXF validated against the official 1.3 schema (`xmllint --stream`),
 * seconds per format. The heavyweight check the test suite left for a quiet machine.
 *
 *   npm run check:exports -- [out/corpus.db]     (default out/graph.db)
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const ROOT = path.resolve(__dirname, '..');
const { GraphDbReader } = require(path.join(ROOT, 'dist/db'));
const { dbSource, gexfChunks, graphmlChunks, graphologyJsonChunks, writeChunksToFile, writeNeo4jCsvStream } = require(
  path.join(ROOT, 'dist/export'),
);

/** Occurrences of a needle in a file, read in chunks (no whole-file string). */
function countIn(file, needles) {
  const counts = needles.map(() => 0);
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(1 << 20);
  let tail = '';
  for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0;) {
    const text = tail + buffer.toString('utf8', 0, n);
    const cut = Math.max(0, text.length - 64);
    needles.forEach((needle, i) => {
      for (let at = text.indexOf(needle); at >= 0 && at < cut; at = text.indexOf(needle, at + 1)) counts[i] += 1;
    });
    tail = text.slice(cut);
  }
  needles.forEach((needle, i) => {
    for (let at = tail.indexOf(needle); at >= 0; at = tail.indexOf(needle, at + 1)) counts[i] += 1;
  });
  fs.closeSync(fd);
  return counts;
}

/** Data rows of a CSV file with a header (neo4j-csv quotes every multi-line value; rows = records). */
function csvRows(file) {
  const { parse } = require('csv-parse/sync');
  return parse(fs.readFileSync(file), { from_line: 2 }).length;
}

async function main() {
  const graphFile = process.argv[2] ?? path.join(ROOT, 'out/graph.db');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-check-exports-'));
  const reader = GraphDbReader.open(graphFile);
  const expected = { nodes: reader.nodes.keys.length, edges: 0 };
  for await (const _edge of reader.edges()) expected.edges += 1;
  console.log(`${graphFile}: ${expected.nodes} nodes, ${expected.edges} edges`);
  const results = [];
  const time = async (format, fn) => {
    const started = Date.now();
    const counts = await fn();
    const ok = counts.nodes === expected.nodes && counts.edges === expected.edges;
    results.push(ok);
    console.log(
      `${format.padEnd(10)} ${String(counts.nodes).padStart(8)} nodes ${String(counts.edges).padStart(9)} edges  ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${ok ? 'ok' : 'MISMATCH'}${counts.note ? `  ${counts.note}` : ''}`,
    );
  };
  await time('gexf', async () => {
    const file = path.join(dir, 'g.gexf');
    await writeChunksToFile(file, gexfChunks(dbSource(reader)));
    execFileSync(
      'xmllint',
      ['--stream', '--noout', '--schema', path.join(ROOT, '../shared/gexf-schema/1.3/gexf.xsd'), file],
      { stdio: 'pipe' },
    );
    const [nodes, edges] = countIn(file, ['<node id=', '<edge id=']);
    return { nodes, edges, note: `valid GEXF 1.3, ${(fs.statSync(file).size / 1e6).toFixed(0)} MB` };
  });
  await time('graphml', async () => {
    const file = path.join(dir, 'g.graphml');
    await writeChunksToFile(file, graphmlChunks(dbSource(reader)));
    const [nodes, edges] = countIn(file, ['<node id=', '<edge id=']);
    return { nodes, edges };
  });
  await time('json', async () => {
    const file = path.join(dir, 'g.json');
    await writeChunksToFile(file, graphologyJsonChunks(dbSource(reader)));
    const Graph = require('graphology');
    const g = new Graph({ multi: true, type: 'mixed' });
    g.import(JSON.parse(fs.readFileSync(file, 'utf8')));
    return { nodes: g.order, edges: g.size };
  });
  await time('neo4j-csv', async () => {
    const files = await writeNeo4jCsvStream(dbSource(reader), path.join(dir, 'csv'));
    return {
      nodes: files.nodes.reduce((n, f) => n + csvRows(f), 0),
      edges: files.relationships.reduce((n, f) => n + csvRows(f), 0),
    };
  });
  fs.rmSync(dir, { recursive: true, force: true });
  return results.every(Boolean) ? 0 : 1;
}

main().then(
  (status) => (process.exitCode = status),
  (error) => {
    console.error(`check-exports: ${error.message}`);
    process.exitCode = 1;
  },
);
