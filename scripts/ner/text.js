#!/usr/bin/env node
/**
 * Prints a corpus cable's text exactly as the project parses it (dist/ingest + dist/parse `cable.text`,
 * the text the extractor reads): `node scripts/ner/text.js ID [--numbered] [--sha1]`.
 * Needs `npm run build` once. --numbered prefixes each line with its line number and start offset.
 */
'use strict';
const { parsedCable, sha1 } = require('./lib');

async function main() {
  const args = process.argv.slice(2);
  const id = args.find((a) => !a.startsWith('--'));
  if (!id) {
    console.error('usage: node scripts/ner/text.js ID [--numbered] [--sha1]');
    process.exit(2);
  }
  const cable = await parsedCable(id);
  if (args.includes('--sha1')) {
    console.log(sha1(cable.text));
    return;
  }
  if (!args.includes('--numbered')) {
    process.stdout.write(cable.text.endsWith('\n') ? cable.text : cable.text + '\n');
    return;
  }
  let offset = 0;
  cable.text.split('\n').forEach((line, i) => {
    process.stdout.write(`${String(i + 1).padStart(4)} ${String(offset).padStart(6)} | ${line}\n`);
    offset += line.length + 1;
  });
}
main().catch((e) => {
  console.error(`error: ${e.message}`);
  process.exit(1);
});
