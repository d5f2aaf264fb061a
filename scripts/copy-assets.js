#!/usr/bin/env node
// Copies the files the compiled code reads beside itself (not TypeScript, so tsc leaves them) into dist/,
// and makes the CLI executable: tsc writes it without the bit, and npm sets it only when dist existed at install.
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const ASSETS = [
  'src/db/schema.sql',
  'src/extract/tagger/tagger.bin.gz',
  'src/extract/tagger/case-prior.json.gz',
  'src/extract/tagger/usage.json.gz',
];

for (const asset of ASSETS) {
  const target = path.join(ROOT, 'dist', path.relative(path.join(ROOT, 'src'), path.join(ROOT, asset)));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(ROOT, asset), target);
}

fs.chmodSync(path.join(ROOT, 'dist', 'cli', 'index.js'), 0o755);
