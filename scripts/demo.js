#!/usr/bin/env node
/**
 * The README's main job, with no database server: builds the graph of the seeds (or of the inputs
 * given, e.g. ../shared/corpus), writes it as a graph database and as GEXF for Gephi, and serves the
 * viewer on it (http://127.0.0.1:8080/, until Ctrl-C).
 *
 *   npm run demo                                # the two seed cables
 *   npm run demo -- ../shared/corpus            # the 1,055-cable shared corpus
 *   npm run demo -- --port 9000 --no-serve …    # another port; or build and export only
 */
'use strict';
const path = require('node:path');
const ROOT = path.resolve(__dirname, '..');
const { runBuild } = require(path.join(ROOT, 'dist/cli/build-command'));
const { runExport } = require(path.join(ROOT, 'dist/cli/export-command'));
const { runServe } = require(path.join(ROOT, 'dist/cli/serve-command'));
const { parseArgs } = require('node:util');

async function main() {
  const { values, positionals: inputs } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: process.env.PORT ?? '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      'no-serve': { type: 'boolean', default: false },
    },
  });
  const sources = inputs.length > 0 ? inputs : [path.join(ROOT, '..', 'shared', 'seeds')];
  const graphFile = path.join(ROOT, 'out', 'graph.db');
  const gexfFile = path.join(ROOT, 'out', 'graph.gexf');
  let status = await runBuild(sources, { output: graphFile });
  if (status !== 0) return status;
  status = await runExport(graphFile, { format: 'gexf', output: gexfFile });
  if (status !== 0) return status;
  const rel = (f) => path.relative(process.cwd(), f);
  process.stdout.write(
    [
      `graph database (SQLite; open it with sqlite3, Datasette or DuckDB too): ${rel(graphFile)}`,
      `GEXF (open in Gephi, play the timeline): ${rel(gexfFile)}`,
      `other exports: npx cablegraph export ${rel(graphFile)} --format graphml|json|neo4j-csv -o …`,
      `into Neo4j:    npm run neo4j:start && npx cablegraph load ${rel(graphFile)}`,
      '',
    ].join('\n'),
  );
  if (values['no-serve']) return 0;
  return runServe(graphFile, { port: values.port, host: values.host });
}

main().then(
  (status) => (process.exitCode = status),
  (error) => {
    process.stderr.write(`demo: ${error.message}\n`);
    process.exitCode = error.code ? 2 : 1;
  },
);
