#!/usr/bin/env node
/**
 * The README's viewer screenshot of meetings: builds the seeds and two corpus cables whose people
 * met (the tests' MEETINGS_FIXTURE), serves them, opens Sarkozy's neighbourhood in chromium, opens
 * his meeting with Uribe (its passage in the panel, the link drawn in the meeting colour) and
 * writes docs/meetings-canvas.png.
 *
 *   npm run build && node scripts/relations/meetings-screenshot.js [--out docs/meetings-canvas.png]
 *
 * Needs chromium (/usr/bin/chromium, or CHROMIUM_PATH).
 */
'use strict';
/* global window -- the page.evaluate callbacks run in the browser */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.join(__dirname, '..', '..');
const SHARED = path.join(ROOT, '..', 'shared');
const CABLES = path.join(SHARED, 'corpus', 'cablegate', 'cable');
const args = process.argv.slice(2);
const out = path.resolve(
  args.includes('--out') ? args[args.indexOf('--out') + 1] : path.join(ROOT, 'docs', 'meetings-canvas.png'),
);

async function main() {
  const { runBuild } = require(path.join(ROOT, 'dist/cli/build-command.js'));
  const { startServer } = require(path.join(ROOT, 'dist/cli/serve-command.js'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-shot-'));
  const file = path.join(dir, 'meetings.db');
  const inputs = [
    path.join(SHARED, 'seeds'),
    path.join(CABLES, '2007', '12', '07PARIS4650.html'),
    path.join(CABLES, '2010', '02', '10BRASILIA43.html'),
  ];
  if ((await runBuild(inputs, { output: file, ner: 'builtin', quiet: true, workers: '0' })) !== 0)
    throw new Error('build failed');
  const server = await startServer(file, {
    port: '0',
    quiet: true,
    readOnly: true,
    curation: path.join(dir, 'curation.jsonl'),
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(120_000);
    await page.goto(server.url);
    await page.waitForFunction(() => window.cablegraph && window.cablegraph.ready === true);
    const input = page.getByTestId('search-input');
    await input.click();
    await input.fill('Sarkozy');
    await page.getByTestId('search-input-suggestion').filter({ hasText: 'Sarkozy' }).first().click();
    await page.getByTestId('panel-entity').waitFor();
    const key = await page.waitForFunction(
      () => window.cablegraph.graph.findEdge((_e, a) => a.meetings !== undefined) ?? false,
    );
    const [a, b] = await page.evaluate((k) => window.cablegraph.graph.extremities(k), await key.jsonValue());
    await page.evaluate(
      ([x, y]) => (window.location.hash = `#/met/${encodeURIComponent(x)}/${encodeURIComponent(y)}`),
      [a, b],
    );
    await page.getByTestId('panel-meetings').waitFor();
    await page.waitForFunction(() => !window.cablegraph.renderer.getCamera().isAnimated());
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
main().catch((e) => {
  console.error(e.stack ?? e);
  process.exit(1);
});
