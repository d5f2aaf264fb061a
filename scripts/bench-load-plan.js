#!/usr/bin/env node
/**
 * The Neo4j loader's client side at a size, without a server: every batch planned as `cablegraph
 * load` plans it, with what the loader holds beside — a map of every node's id, the co-mentions'
 * relationship ids per relationship batch until their evidence batches take them, the last two
 * batches as if in flight — printing RSS and heap every 200 batches. Run it under the cap `load`
 * gives the graph (`loadHeapCapFor`), e.g. at full scale:
 *
 *   npm run build && /usr/bin/time -v node --max-old-space-size=750 scripts/bench-load-plan.js graph.db
 */
'use strict';
const path = require('path');
const root = path.resolve(__dirname, '..');
const { GraphDbReader } = require(path.join(root, 'dist/db'));
const { planBatches, dbSource } = require(path.join(root, 'dist/store/neo4j/plan'));
const mib = (b) => `${Math.round(b / 2 ** 20)} MiB`;
(async () => {
  const t0 = Date.now();
  const reader = GraphDbReader.open(process.argv[2], { nodeAttributes: false });
  const source = dbSource(reader, { texts: false });
  const nodeIds = new Map();
  const ids = new Map();
  const inFlight = [];
  let peak = 0;
  let n = 0;
  const phases = {};
  for await (const batch of planBatches(source, 10000)) {
    n += 1;
    phases[batch.phase] = (phases[batch.phase] || 0) + 1;
    if (batch.phase === 'nodes') for (const row of batch.rows) nodeIds.set(`${row[0]}`, nodeIds.size);
    if (batch.late?.rows && batch.phase === 'relationships')
      ids.set(`${batch.late.shape}\u0000${batch.late.first}`, new Int32Array(batch.late.rows.length));
    if (batch.late && batch.phase === 'evidence') {
      const k = `${batch.late.shape}\u0000${batch.late.first}`;
      const a = ids.get(k);
      if (a && (batch.late.from ?? 0) + batch.rows.length >= a.length) ids.delete(k);
    }
    inFlight.push(batch);
    if (inFlight.length > 2) inFlight.shift();
    if (n % 200 === 0) {
      const rss = process.memoryUsage().rss;
      peak = Math.max(peak, rss);
      console.log(
        `${((Date.now() - t0) / 1000).toFixed(0)} s batch ${n} ${batch.phase}: rss ${mib(rss)}, heap ${mib(process.memoryUsage().heapUsed)}`,
      );
    }
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `done: ${n} batches ${JSON.stringify(phases)}, sampled peak rss ${mib(peak)}, ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
})();
