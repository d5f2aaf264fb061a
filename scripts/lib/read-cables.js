'use strict';
/**
 * The cables of some inputs, read and parsed once each (a repeated id skipped), for the scripts that
 * time a stage after parsing (bench-extract.js, bench-relations.js). Load scripts/lib/ts-require.js
 * first: the sources are read as TypeScript.
 */
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/** Every distinct cable of `inputs` (files, folders, CSV dumps), at most `limit`. */
async function readParsedCables(inputs, limit = Infinity) {
  const { readCables } = require(path.join(ROOT, 'src', 'ingest', 'index.ts'));
  const { parseCable } = require(path.join(ROOT, 'src', 'parse', 'index.ts'));
  const cables = [];
  const seen = new Set();
  for await (const raw of readCables(inputs, { onDiagnostic: () => undefined })) {
    const cable = parseCable(raw, {});
    if (seen.has(cable.id)) continue;
    seen.add(cable.id);
    cables.push(cable);
    if (cables.length >= limit) break;
  }
  return cables;
}

module.exports = { readParsedCables };
