/**
 * Shared set-up of the README's viewer screenshots: builds the given inputs into a scratch graph
 * database, serves it read-only, opens the viewer in headless chromium, hands the ready page to the
 * caller, then writes the screenshot and cleans up. Needs `npm run build` and chromium
 * (/usr/bin/chromium, or CHROMIUM_PATH).
 */
'use strict';
/* global window -- the waitForFunction callback runs in the browser */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.join(__dirname, '..', '..');

/** The output path: `--out FILE` on the command line, else `docs/<name>`. */
function outputPath(name) {
  const args = process.argv.slice(2);
  return path.resolve(args.includes('--out') ? args[args.indexOf('--out') + 1] : path.join(ROOT, 'docs', name));
}

/** Builds `inputs` (builtin extractor), serves them, runs `arrange(page)` on the ready viewer and writes `out`. */
async function screenshotViewer(inputs, out, arrange) {
  const { runBuild } = require(path.join(ROOT, 'dist/cli/build-command.js'));
  const { startServer } = require(path.join(ROOT, 'dist/cli/serve-command.js'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-shot-'));
  try {
    const file = path.join(dir, 'graph.db');
    if ((await runBuild(inputs, { output: file, ner: 'builtin', quiet: true, workers: '0' })) !== 0)
      throw new Error(`build of ${inputs.join(', ')} failed`);
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
      await arrange(page);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      await page.screenshot({ path: out });
      console.log(`wrote ${path.relative(process.cwd(), out)}`);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `main`, printing a failure's stack and exiting 1. */
function run(main) {
  main().catch((e) => {
    console.error(e.stack ?? e);
    process.exit(1);
  });
}

module.exports = { ROOT, outputPath, screenshotViewer, run };
