/** Shared helpers of the NER annotation scripts: cable paths, the parsed cable text, ids of the gold cables. */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const ROOT = path.join(__dirname, '..', '..');
const SHARED = path.join(ROOT, '..', 'shared');
const CABLE_DIR = path.join(SHARED, 'corpus', 'cablegate', 'cable');
const GOLD_DIR = path.join(SHARED, 'gold');
const ANNOTATION_DIR = path.join(__dirname, 'annotations');

function requireBuilt(mod) {
  const file = path.join(ROOT, 'dist', mod, 'index.js');
  if (!fs.existsSync(file)) {
    console.error(`error: ${file} is missing — run \`npm run build\` first`);
    process.exit(2);
  }
  return require(file);
}

/** Every Cable Viewer page of the corpus, as {id, file}, sorted by id. */
function corpusPages() {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) out.push({ id: e.name.slice(0, -5), file: p });
    }
  };
  walk(CABLE_DIR);
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Ids of the 20 gold cables (file names only — their annotations are never read). */
function goldIds() {
  return new Set(
    fs
      .readdirSync(path.join(GOLD_DIR, 'annotations'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5)),
  );
}

/**
 * The parsed cables of a corpus folder (default ../shared/corpus) in file order, each id once,
 * never a gold cable: the unlabelled text the corpus-wide tagger assets are learnt from
 * (scripts/ner/case-prior.js, scripts/ner/corpus-usage.js). Runs from the TypeScript sources.
 */
async function* unlabelledCables(corpus = path.join(SHARED, 'corpus')) {
  require('../lib/ts-require');
  const { readCables } = require(path.join(ROOT, 'src/ingest/index.ts'));
  const { processCables } = require(path.join(ROOT, 'src/pipeline/pool.ts'));
  const gold = fs.existsSync(path.join(GOLD_DIR, 'annotations')) ? goldIds() : new Set();
  const pages = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html') && !gold.has(e.name.slice(0, -5))) pages.push(p);
    }
  };
  walk(corpus);
  pages.sort();
  const seen = new Set();
  for await (const { cable } of processCables(readCables(pages, {}), { ner: 'none', workers: 0 })) {
    if (gold.has(cable.id) || seen.has(cable.id)) continue;
    seen.add(cable.id);
    yield cable;
  }
}

let pageIndex;
function pageOf(id) {
  if (!pageIndex) pageIndex = new Map(corpusPages().map((p) => [p.id, p.file]));
  const file = pageIndex.get(id);
  if (!file) throw new Error(`no Cable Viewer page for cable id ${id} under ${CABLE_DIR}`);
  return file;
}

/**
 * The cable as the project parses it: the page read by dist/ingest, parsed by dist/parse.
 * `cable.text` is the text the extractors see (and the text eval-entities.js scores on).
 */
async function parsedCable(id) {
  const { readCables } = requireBuilt('ingest');
  const { parseCable } = requireBuilt('parse');
  const file = pageOf(id);
  for await (const raw of readCables([file], { onDiagnostic: () => undefined })) return parseCable(raw, {});
  throw new Error(`${file}: no cable read from this page`);
}

const sha1 = (s) => crypto.createHash('sha1').update(s, 'utf8').digest('hex');

module.exports = { ROOT, CABLE_DIR, ANNOTATION_DIR, corpusPages, goldIds, pageOf, parsedCable, sha1, unlabelledCables };
