#!/usr/bin/env node
/**
 * The README's viewer screenshot of roles: builds the seeds, serves them, opens Kouchner's panel in
 * chromium with his Foreign Minister role's passage open, and writes docs/relations-kouchner.png.
 *
 *   npm run build && node scripts/relations/screenshot.js [--out docs/relations-kouchner.png]
 *
 * Needs chromium (/usr/bin/chromium, or CHROMIUM_PATH).
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.join(__dirname, '..', '..');
const args = process.argv.slice(2);
const out = path.resolve(
  args.includes('--out') ? args[args.indexOf('--out') + 1] : path.join(ROOT, 'docs', 'relations-kouchner.png'),
);

async function main() {
  const { runBuild } = require(path.join(ROOT, 'dist/cli/build-command.js'));
  const { startServer } = require(path.join(ROOT, 'dist/cli/serve-command.js'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-shot-'));
  const file = path.join(dir, 'seeds.db');
  if (
    (await runBuild([path.join(ROOT, '..', 'shared', 'seeds')], {
      output: file,
      ner: 'builtin',
      quiet: true,
      workers: '0',
    })) !== 0
  )
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
    await input.fill('Kouchner');
    await page.getByTestId('search-input-suggestion').filter({ hasText: 'Kouchner' }).first().click();
    const block = page.locator('[data-testid="entity-relations"][data-state="ready"]');
    await block.waitFor();
    const role = block.locator('[data-testid="role-item"][data-title="Foreign Minister"]');
    await role.getByTestId('role-open').click();
    await role.getByTestId('relation-passage').first().waitFor({ state: 'visible' });
    await block.scrollIntoViewIfNeeded();
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
