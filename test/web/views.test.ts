import type { Page } from 'playwright-core';
import { STORE_KINDS, type StoreKind } from '../server/helpers';
import {
  cameraSettled,
  countsChangedFrom,
  graphCounts,
  nodeByLabel,
  pickSuggestion,
  screenshot,
  viewerSuite,
} from './helpers';

/**
 * The viewer's reading aids and take-aways in chromium, over both stores (seeds): the legend of
 * the colouring, the camera after "show only this network", sparser overviews, readable evidence,
 * evidence downloads and bookmarks.
 */
describe.each(STORE_KINDS)('viewer views and take-aways over the %s store (seeds)', (kind: StoreKind) => {
  let page: Page;
  const it = viewerSuite(kind, (opened) => (page = opened.page));

  it('the legend follows the colouring: types, then the communities in view with their colours', async () => {
    const legend = page.getByTestId('legend');
    expect(await legend.getAttribute('data-mode')).toBe('type');
    expect(await page.getByTestId('legend-type').first().isVisible()).toBe(true);
    await page.getByTestId('colour-by-community').check();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="legend"]')?.getAttribute('data-mode') === 'community',
    );
    expect(await page.getByTestId('legend-type').first().isVisible()).toBe(false);
    const rows = page.getByTestId('legend-community');
    expect(await rows.count()).toBeGreaterThan(1);
    // Each row's dot has the colour its members are drawn in, and the largest community comes first.
    const check = await page.evaluate(() => {
      const { graph, renderer } = window.cablegraph;
      return [...document.querySelectorAll<HTMLElement>('[data-testid="legend-community"]')].map((row) => {
        const community = Number(row.dataset.community);
        const member = graph.findNode((_n, a) => a.community === community)!;
        const dot = getComputedStyle(row.querySelector('.dot')!).backgroundColor;
        const size = graph.filterNodes((_n, a) => a.community === community).length;
        return {
          dot,
          drawn: renderer!.getNodeDisplayData(member)!.color,
          size,
          count: Number(row.querySelector('.legend-count')!.textContent),
        };
      });
    });
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    for (const row of check) {
      expect(row.dot).toBe(rgb(row.drawn));
      expect(row.count).toBe(row.size);
    }
    expect(check.map((r) => r.size)).toEqual([...check.map((r) => r.size)].sort((a, b) => b - a));
    await screenshot(page, `legend-communities-${kind}`);
    await page.getByTestId('colour-by-type').check();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="legend"]')?.getAttribute('data-mode') === 'type',
    );
    expect(await page.getByTestId('legend-communities').isVisible()).toBe(false);
  });

  it('"show only this network" fits every entity, with room for its label, on the stage', async () => {
    await pickSuggestion(page, 'search-input', 'Kouchner', 'Kouchner');
    await page.getByTestId('panel-entity').waitFor();
    const before = await graphCounts(page);
    await page.getByTestId('entity-isolate').click();
    await countsChangedFrom(page, before);
    // The fit's camera move can start a moment after the counts change (later on a loaded
    // machine): read the positions once two readings 400 ms apart agree, the camera at rest.
    const read = () =>
      page.evaluate(() => {
        const { graph, renderer } = window.cablegraph;
        const { width, height } = renderer!.getDimensions();
        const points = graph.mapNodes((id) => renderer!.framedGraphToViewport(renderer!.getNodeDisplayData(id)));
        return { width, height, xs: points.map((p) => p.x), ys: points.map((p) => p.y) };
      });
    let placed = await read();
    for (let tries = 0; tries < 25; tries += 1) {
      await cameraSettled(page);
      await page.waitForTimeout(400);
      const again = await read();
      const same = JSON.stringify(again) === JSON.stringify(placed);
      placed = again;
      if (same) break;
    }
    expect(placed.xs.length).toBeGreaterThan(5);
    // Inside the stage, with a margin on the left and a wider one on the right for the labels.
    expect(Math.min(...placed.xs)).toBeGreaterThan(placed.width * 0.04);
    expect(Math.max(...placed.xs)).toBeLessThan(placed.width * 0.86);
    expect(Math.min(...placed.ys)).toBeGreaterThan(placed.height * 0.04);
    expect(Math.max(...placed.ys)).toBeLessThan(placed.height * 0.96);
    await screenshot(page, `isolate-fit-${kind}`);
  });

  it('sparser overviews: the strongest links only, or without the hubs', async () => {
    const all = await graphCounts(page);
    const select = page.getByTestId('filter-overview-links');
    await select.selectOption('backbone');
    const backbone = await countsChangedFrom(page, all);
    expect(backbone.nodes).toBe(all.nodes);
    expect(backbone.edges).toBeLessThan(all.edges);
    await select.selectOption('no-hubs');
    const noHubs = await countsChangedFrom(page, backbone);
    expect(noHubs.nodes).toBeLessThan(all.nodes);
    const hidden = await page.getByTestId('hidden-hubs').textContent();
    expect(hidden).toMatch(/^Hubs hidden: .+\.$/);
    const names = hidden!.replace(/^Hubs hidden: |\.$/g, '').split(', ');
    expect(
      await page.evaluate((list) => window.cablegraph.graph.someNode((_n, a) => list.includes(a.label)), names),
    ).toBe(false);
    await screenshot(page, `overview-no-hubs-${kind}`);
    await select.selectOption('all');
    expect(await countsChangedFrom(page, noHubs)).toEqual(all);
  });

  it('evidence reads as prose (no hard line breaks, no SIPDIS), shared paragraphs first, and can be taken away as CSV and Markdown', async () => {
    await pickSuggestion(page, 'search-input', 'Kouchner', 'Kouchner');
    await page.getByTestId('panel-entity').waitFor();
    const kouchner = await nodeByLabel(page, 'Kouchner');
    const iraq = await nodeByLabel(page, 'Iraq');
    await page.evaluate(
      ([a, b]) => {
        window.location.hash = `#/pair/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
      },
      [kouchner, iraq],
    );
    await page.getByTestId('panel-evidence').waitFor();
    const items = page.getByTestId('evidence-item');
    await items.first().waitFor();
    const texts = await page.getByTestId('evidence-passage').locator('.passage-text').allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).not.toMatch(/\n|SIPDIS/);
    // Once an item is "named in different paragraphs", every later one is too.
    const apart = await items.evaluateAll((els) =>
      els.map((el) => /Named in different paragraphs/.test(el.textContent ?? '')),
    );
    expect(apart).toEqual([...apart].sort((a, b) => Number(a) - Number(b)));
    expect(apart[0]).toBe(false);

    const csvLink = page.getByTestId('takeaway-evidence-csv');
    const href = await csvLink.getAttribute('href');
    expect(href).toBe(
      `api/takeaway/evidence?a=${encodeURIComponent(kouchner)}&b=${encodeURIComponent(iraq)}&format=csv`,
    );
    const csv = await page.evaluate((url) => fetch(url).then((r) => r.text()), href!);
    const total = Number(await page.getByTestId('evidence-total').textContent());
    const cables = new Set(
      csv
        .split('\n')
        .slice(1)
        .map((line) => /,(\d{2}[A-Z]+\d+),/.exec(line)?.[1])
        .filter(Boolean),
    );
    expect(cables.size).toBe(total);
    const download = page.waitForEvent('download');
    await page.getByTestId('takeaway-evidence-md').click();
    expect((await download).suggestedFilename()).toBe('cablegraph-evidence-kouchner-iraq.md');
  });

  it('bookmarks an entity with a note and a cable; the sidebar lists them; both can be taken back', async () => {
    await pickSuggestion(page, 'search-input', 'Talabani', 'Jalal Talabani');
    await page.getByTestId('panel-entity').waitFor();
    const toggle = page.getByTestId('bookmark-entity');
    expect(await toggle.textContent()).toBe('☆ Bookmark');
    await toggle.click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="bookmark-entity"]')?.getAttribute('data-bookmarked') === 'true',
    );
    await page.getByTestId('bookmark-entity-note').fill('met Kouchner');
    await page.getByTestId('bookmark-entity-note').press('Enter');
    const item = page.locator('[data-testid="bookmark-item"][data-kind="entity"]');
    await item.filter({ hasText: 'met Kouchner' }).waitFor();
    expect(await item.textContent()).toBe('Jalal Talabani — met Kouchner');

    await page.evaluate(() => {
      window.location.hash = '#/cable/07PARIS3534';
    });
    await page.getByTestId('cable-id').waitFor();
    await page.getByTestId('bookmark-cable').click();
    await page.locator('[data-testid="bookmark-item"][data-kind="cable"][data-id="07PARIS3534"]').waitFor();
    await screenshot(page, `bookmarks-${kind}`);
    await page.getByTestId('bookmark-cable').click();
    await page.locator('[data-testid="bookmark-item"][data-kind="cable"]').waitFor({ state: 'detached' });
    await page.getByTestId('cable-close').click();
    // From the sidebar back to the entity; take its bookmark back.
    await item.locator('button').click();
    await page.getByTestId('bookmark-entity').click();
    await item.waitFor({ state: 'detached' });
  });
});
