#!/usr/bin/env node
/**
 * The README's viewer screenshot of meetings: builds the seeds and two corpus cables whose people
 * met (the tests' MEETINGS_FIXTURE), serves them, opens Lula's neighbourhood in chromium, opens
 * a meeting of Lula's (its passage in the panel, the link drawn in the meeting colour) and
 * writes docs/meetings-canvas.png.
 *
 *   npm run build && node scripts/relations/meetings-screenshot.js [--out docs/meetings-canvas.png]
 *
 * Needs chromium (/usr/bin/chromium, or CHROMIUM_PATH).
 */
'use strict';
/* global window -- the page.evaluate callbacks run in the browser */
const path = require('node:path');
const { ROOT, outputPath, screenshotViewer, run } = require('./viewer-shot');

const CABLES = path.join(ROOT, '..', 'shared', 'corpus', 'cablegate', 'cable');
const INPUTS = [
  path.join(ROOT, '..', 'shared', 'seeds'),
  path.join(CABLES, '2008', '08', '08PARIS1568.html'),
  path.join(CABLES, '2010', '02', '10BRASILIA43.html'),
];

run(() =>
  screenshotViewer(INPUTS, outputPath('meetings-canvas.png'), async (page) => {
    const input = page.getByTestId('search-input');
    await input.click();
    await input.fill('Lula');
    await page.getByTestId('search-input-suggestion').filter({ hasText: 'Lula' }).first().click();
    await page.getByTestId('panel-entity').waitFor();
    const key = await page.waitForFunction(
      () =>
        window.cablegraph.graph.findEdge(
          (_e, a, _s, _t, sa, ta) =>
            a.meetings !== undefined && [sa.label, ta.label].some((l) => String(l).includes('Lula')),
        ) ?? false,
    );
    const [a, b] = await page.evaluate((k) => window.cablegraph.graph.extremities(k), await key.jsonValue());
    await page.evaluate(
      ([x, y]) => (window.location.hash = `#/met/${encodeURIComponent(x)}/${encodeURIComponent(y)}`),
      [a, b],
    );
    await page.getByTestId('panel-meetings').waitFor();
    await page.waitForFunction(() => !window.cablegraph.renderer.getCamera().isAnimated());
  }),
);
