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
const path = require('node:path');
const { ROOT, outputPath, screenshotViewer, run } = require('./viewer-shot');

run(() =>
  screenshotViewer([path.join(ROOT, '..', 'shared', 'seeds')], outputPath('relations-kouchner.png'), async (page) => {
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
  }),
);
