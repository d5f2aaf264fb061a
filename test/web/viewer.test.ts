import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { CORPUS, SEEDS, STORE_KINDS, builtGraph, type StoreKind } from '../server/helpers';
import {
  cameraSettled,
  clickEdge,
  clickNode,
  countsChangedFrom,
  graphCounts,
  nodeByLabel,
  nodePosition,
  type OpenedViewer,
  pickSuggestion,
  screenshot,
  viewerSuite,
} from './helpers';

/**
 * The viewer in a real browser (Debian's chromium, headless) against the real server over each
 * store, on the seed cables: search, neighbourhood, evidence, cable view, path finder, filters,
 * exports, errors. Screenshots of each named scenario go to .ci-artifacts/screenshots.
 */
describe.each(STORE_KINDS)('the viewer over the %s store (seeds)', (kind: StoreKind) => {
  let viewer: OpenedViewer;
  let page: Page;
  const it = viewerSuite(kind, (opened) => {
    viewer = opened;
    page = opened.page;
  });

  it('lands on the overview: entities by PageRank, legend, stats', async () => {
    const counts = await graphCounts(page);
    expect(counts.nodes).toBeGreaterThan(30);
    expect(counts.edges).toBeGreaterThan(200);
    const hook = await page.evaluate(() => ({
      renderedAt: window.cablegraph.renderedAt,
      order: window.cablegraph.graph.order,
    }));
    expect(hook.renderedAt).toBeGreaterThan(0);
    expect(hook.order).toBe(counts.nodes);
    await page.getByTestId('stats').waitFor();
    expect(await page.getByTestId('topbar-stats').textContent()).toContain('2 cables');
    expect(await page.getByTestId('top-entities').locator('li').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('legend').textContent()).toMatch(/Person.*Organization.*Place/);
    await screenshot(page, `overview-${kind}`);
  });

  it('search Kouchner, his neighbourhood, Talabani among the nodes, their edge, 07PARIS3534 in the evidence', async () => {
    // Keyboard: type, arrow down/up, Enter.
    const input = page.getByTestId('search-input');
    await input.click();
    await input.pressSequentially('Kouchn', { delay: 20 });
    await page.getByTestId('search-input-suggestion').first().waitFor();
    expect(await page.getByTestId('search-input-suggestion').first().textContent()).toContain('Kouchner');
    await input.press('ArrowDown');
    await input.press('ArrowUp');
    await input.press('Enter');
    const panel = page.getByTestId('panel-entity');
    await panel.waitFor();
    expect(await page.getByTestId('entity-name').textContent()).toBe('Kouchner');
    expect(await page.getByTestId('entity-aliases').textContent()).toMatch(/Kouchner×\d+/);
    expect(page.url()).toContain('#/entity/');
    const kouchner = await nodeByLabel(page, 'Kouchner');
    const talabani = await nodeByLabel(page, 'Jalal Talabani');
    expect(await page.evaluate(([a, b]) => window.cablegraph.graph.areNeighbors(a, b), [kouchner, talabani])).toBe(
      true,
    );
    expect(await page.evaluate(() => window.cablegraph.store.get().selectedNode)).toBe(kouchner);
    await screenshot(page, `kouchner-neighbourhood-${kind}`);

    // A click on Talabani's node opens him; a click on the link Kouchner–Talabani opens the
    // pair's evidence (with Talabani selected, only his links are drawn: none covers it).
    await clickNode(page, talabani);
    await page.locator(`[data-testid="panel-entity"][data-id="${talabani}"]`).waitFor();
    expect(page.url()).toContain(`#/entity/${talabani}`);
    await clickEdge(page, kouchner, talabani, [kouchner, talabani].sort().join('|'));
    await page.getByTestId('panel-evidence').waitFor();
    const item = page.locator('[data-testid="evidence-item"][data-cable-id="07PARIS3534"]');
    await item.waitFor();
    expect(await item.locator('.cable-subject').textContent()).toContain('KOUCHNER');
    // The selected entity comes first in the pair; both names are marked in the passages.
    expect(await item.locator('mark.mark-a').first().textContent()).toBe('Jalal Talabani');
    expect(await item.locator('mark.mark-b').allTextContents()).toContain('Kouchner');
    expect(await page.evaluate(() => window.cablegraph.store.get().selectedEdge)).toBe(
      [kouchner, talabani].sort().join('|'),
    );
    await screenshot(page, `kouchner-talabani-evidence-${kind}`);
  });

  it('hover lights an entity and its neighbours, and dims the rest', async () => {
    const talabani = await nodeByLabel(page, 'Jalal Talabani');
    await cameraSettled(page);
    const { x, y } = await nodePosition(page, talabani);
    await page.mouse.move(x, y);
    await page.waitForFunction((id) => window.cablegraph.store.get().hoveredNode === id, talabani);
    const colours = await page.evaluate((id) => {
      const { graph, renderer } = window.cablegraph;
      const other = graph.findNode((n) => n !== id && !graph.areNeighbors(n, id))!;
      const neighbour = graph.neighbors(id)[0]!;
      return {
        self: renderer!.getNodeDisplayData(id)!.color,
        neighbour: renderer!.getNodeDisplayData(neighbour)!.color,
        other: renderer!.getNodeDisplayData(other)!.color,
      };
    }, talabani);
    expect(colours.other).toBe('#e4e6ea');
    expect(colours.neighbour).not.toBe('#e4e6ea');
    expect(colours.self).not.toBe('#e4e6ea');
    await screenshot(page, `hover-talabani-${kind}`);
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => window.cablegraph.store.get().hoveredNode === undefined);
  });

  it('ForceAtlas2 runs in a web worker until stopped', async () => {
    const before = await page.evaluate(() => window.cablegraph.graph.mapNodes((_n, a) => [a.x, a.y]));
    await page.getByTestId('layout-toggle').click();
    expect(await page.getByTestId('layout-toggle').getAttribute('data-running')).toBe('true');
    await page.waitForFunction(
      (xy) =>
        window.cablegraph.graph
          .mapNodes((_n, a) => [a.x, a.y])
          .some((p, i) => p[0] !== xy[i]![0] || p[1] !== xy[i]![1]),
      before,
    );
    await page.getByTestId('layout-toggle').click();
    expect(await page.getByTestId('layout-toggle').getAttribute('data-running')).toBe('false');
    const stopped = await page.evaluate(() => window.cablegraph.graph.mapNodes((_n, a) => [a.x, a.y]));
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.cablegraph.graph.mapNodes((_n, a) => [a.x, a.y]))).toEqual(stopped);
  });

  it('the co-mention list of an entity opens the evidence of a pair', async () => {
    const talabani = await nodeByLabel(page, 'Jalal Talabani');
    await pickSuggestion(page, 'search-input', 'Talabani', 'Jalal Talabani');
    await page.locator(`[data-testid="panel-entity"][data-id="${talabani}"]`).waitFor();
    const kouchnerItem = page.getByTestId('neighbour-item').filter({ hasText: 'Kouchner' });
    await kouchnerItem.getByTestId('neighbour-evidence').click();
    await page.locator('[data-testid="evidence-item"][data-cable-id="07PARIS3534"]').waitFor();
    expect(await page.getByTestId('evidence-total').textContent()).toBe('1');
  });

  it('the full cable, from the evidence and by its deep link, with entity mentions marked', async () => {
    await pickSuggestion(page, 'search-input', 'Talabani', 'Jalal Talabani');
    await page.getByTestId('neighbour-item').filter({ hasText: 'Kouchner' }).getByTestId('neighbour-evidence').click();
    await page
      .locator('[data-testid="evidence-item"][data-cable-id="07PARIS3534"]')
      .getByTestId('evidence-open-cable')
      .click();
    const cable = page.locator('[data-testid="panel-cable"][data-cable-id="07PARIS3534"]');
    await cable.waitFor();
    expect(page.url()).toMatch(/#\/cable\/07PARIS3534$/);
    expect(await page.getByTestId('cable-subject').textContent()).toContain("KOUCHNER'S VISIT TO IRAQ");
    expect(await cable.locator('mark.mention').count()).toBeGreaterThan(40);
    const strong = await cable.locator('mark.mention-strong').allTextContents();
    expect(strong).toEqual(expect.arrayContaining(['Kouchner', 'Jalal Talabani']));
    await screenshot(page, `cable-07PARIS3534-${kind}`);
    // Esc goes back to the evidence.
    await page.keyboard.press('Escape');
    await page.getByTestId('panel-evidence').waitFor();
    // The overlay closes after the panel underneath shows: wait for it rather than look once.
    await page.getByTestId('cable-overlay').waitFor({ state: 'hidden' });

    await page.goto(`${viewer.url}/#/cable/07PARIS3534`);
    await page.locator('[data-testid="panel-cable"][data-cable-id="07PARIS3534"]').waitFor();
    // A mention opens its entity.
    await page.locator('mark.mention', { hasText: 'Jalal Talabani' }).first().click();
    await page.getByTestId('panel-entity').waitFor();
    expect(await page.getByTestId('entity-name').textContent()).toBe('Jalal Talabani');
  });

  it('the path finder draws Kouchner → Talabani on the graph', async () => {
    await pickSuggestion(page, 'path-from', 'Kouchner', 'Kouchner');
    await pickSuggestion(page, 'path-to', 'Talabani', 'Jalal Talabani');
    const panel = page.getByTestId('panel-paths');
    await panel.waitFor();
    const first = panel.getByTestId('path-result').first();
    const names = await first.getByTestId('path-node').allTextContents();
    expect(names[0]).toBe('Kouchner');
    expect(names[names.length - 1]).toBe('Jalal Talabani');
    expect(await page.getByTestId('paths-summary').textContent()).toMatch(/of 1 hop/);
    const path = await page.evaluate(() => window.cablegraph.store.get().path);
    const kouchner = await nodeByLabel(page, 'Kouchner');
    const talabani = await nodeByLabel(page, 'Jalal Talabani');
    expect(path?.nodes).toEqual(expect.arrayContaining([kouchner, talabani]));
    expect(path?.edges).toContain([kouchner, talabani].sort().join('|'));
    expect(page.url()).toContain(`#/path/${kouchner}/${talabani}`);
    await screenshot(page, `path-kouchner-talabani-${kind}`);
    // A link of the path opens its evidence.
    await first.getByTestId('path-link').first().click();
    await page.locator('[data-testid="evidence-item"][data-cable-id="07PARIS3534"]').waitFor();
  });

  it('filters change what is shown: dates, types, community, minimum weight', async () => {
    const all = await graphCounts(page);
    // The seed cables carry no date: any date range leaves nothing, clearing it brings all back.
    await page.getByTestId('date-since').fill('2007');
    await page.getByTestId('date-since').press('Enter');
    expect(await countsChangedFrom(page, all)).toEqual({ nodes: 0, edges: 0 });
    await page.getByTestId('date-clear').click();
    expect(await countsChangedFrom(page, { nodes: 0, edges: 0 })).toEqual(all);

    await page.getByTestId('filter-type-Place').uncheck();
    const noPlaces = await countsChangedFrom(page, all);
    expect(noPlaces.nodes).toBeLessThan(all.nodes);
    expect(await page.evaluate(() => window.cablegraph.graph.someNode((_n, a) => a.kind === 'Place'))).toBe(false);
    await page.getByTestId('filter-type-Place').check();
    await countsChangedFrom(page, noPlaces);

    // One community of the overview: only its members are shown.
    const community = page.getByTestId('filter-community');
    const option = await community.locator('option').nth(1).getAttribute('value');
    await community.selectOption(option);
    const one = await countsChangedFrom(page, all);
    expect(one.nodes).toBeGreaterThan(0);
    expect(
      await page.evaluate((c) => window.cablegraph.graph.everyNode((_n, a) => a.community === c), Number(option)),
    ).toBe(true);
    await community.selectOption('');
    await countsChangedFrom(page, one);

    await page.getByTestId('filter-min-weight').evaluate((el: HTMLInputElement) => {
      el.value = '3';
      el.dispatchEvent(new Event('input'));
      el.dispatchEvent(new Event('change'));
    });
    const heavy = await countsChangedFrom(page, all);
    expect(heavy.edges).toBeLessThan(all.edges);
    await screenshot(page, `filters-min-weight-${kind}`);
  });

  it('exports the view as GEXF (from the server) and PNG (the canvas layers)', async () => {
    const counts = await graphCounts(page);
    const [gexf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-gexf').click()]);
    expect(gexf.suggestedFilename()).toBe('cablegraph-view.gexf');
    const xml = fs.readFileSync(await gexf.path(), 'utf8');
    expect(xml).toContain('<gexf');
    expect((xml.match(/<node /g) ?? []).length).toBe(counts.nodes);
    expect(xml).toContain('Jalal Talabani');

    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toBe('cablegraph-view.png');
    const bytes = fs.readFileSync(await png.path());
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Width and height (IHDR): the canvas plus the caption strip, not an empty image.
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(500);
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(500);
    expect(bytes.length).toBeGreaterThan(20_000);
  });

  it('?q= opens the search with its suggestions', async () => {
    await page.goto(`${viewer.url}/?q=Talab`);
    await page.waitForFunction(() => window.cablegraph?.ready === true);
    await page.getByTestId('search-input-suggestion').filter({ hasText: 'Jalal Talabani' }).waitFor();
    expect(await page.getByTestId('search-input').inputValue()).toBe('Talab');
  });

  it('full-text search: a phrase finds its cable with the passage marked, then its entities and the cable itself', async () => {
    if (kind === 'neo4j') return; // the cables' full-text index is the graph database's (Neo4j answers 501)
    const box = page.getByTestId('text-search-input');
    await box.fill('"Iraqi Kurdistan" OR Kouchner');
    await box.press('Enter');
    const results = page.getByTestId('text-search-panel');
    await results.waitFor();
    expect(page.url()).toContain('#/text/');
    expect(Number(await page.getByTestId('text-search-total').getAttribute('data-total'))).toBeGreaterThan(0);
    const hit = page.locator('[data-testid="text-search-hit"][data-cable="07PARIS3534"]');
    await hit.waitFor();
    const marked = (await hit.locator('mark.text-match').allTextContents()).map((t) => t.toLowerCase());
    expect(marked.some((t) => t === 'kouchner' || t === 'iraqi' || t === 'kurdistan')).toBe(true);
    await screenshot(page, `text-search-${kind}`);
    // The entities named most among the matches: Kouchner among them, one click from his panel.
    await page
      .getByTestId('text-search-entities')
      .getByTestId('text-search-entity')
      .filter({ hasText: 'Kouchner' })
      .first()
      .click();
    await page.getByTestId('panel-entity').waitFor();
    // Back to the results (the route holds the query), then the cable.
    await page.goBack();
    await hit.getByTestId('cable-link').click();
    await page.locator('[data-testid="panel-cable"][data-cable-id="07PARIS3534"]').waitFor();
    // Nothing to find: a reason, not a failure.
    await page.goto(`${viewer.url}/#/text/zzzzqqqq`);
    await page.getByTestId('text-search-panel').waitFor();
    expect(await page.getByTestId('text-search-total').getAttribute('data-total')).toBe('0');
  });

  it('shows API errors to the user', async () => {
    await page.goto(`${viewer.url}/#/entity/no-such-entity`);
    const toast = page.getByTestId('toast-error').first();
    await toast.waitFor();
    expect(await toast.textContent()).toContain('no entity no-such-entity');
    expect(await toast.textContent()).toContain('NOT_FOUND');
    await page.getByTestId('panel-error').waitFor();
    // The console error the viewer logs for debugging is expected here.
    viewer.errors = viewer.errors.filter((e) => !e.includes('404') && !e.includes('ApiRequestError'));
  });
});

/** Dated cables (the seeds carry no date): the date range narrows the graph to its years. */
const DATED = [
  '2008/02/08PARIS245',
  '2008/05/08PARIS957',
  '2008/08/08PARIS1568',
  '2009/03/09PARIS410',
  '2009/11/09PARIS1534',
  '2010/02/10PARIS174',
].map((c) => path.join(CORPUS, 'cable', `${c}.html`));

describe.each(STORE_KINDS)('the viewer over the %s store (six dated cables)', (kind: StoreKind) => {
  let page: Page;
  const it = viewerSuite(kind, (opened) => (page = opened.page), { graph: () => builtGraph([SEEDS, ...DATED]) });

  it('the date range: slider and inputs narrow the graph to the cables of those years', async () => {
    const all = await graphCounts(page);
    expect(all.nodes).toBeGreaterThan(50);
    const rankingBefore = await page.getByTestId('top-entities').locator('li button').allTextContents();
    expect(await page.getByTestId('view-summary').textContent()).toBe(
      `In view: ${all.nodes} entities, ${all.edges.toLocaleString('en-US')} links.`,
    );

    // The "since" handle dragged to 2009 (a range input: input events, then change on release).
    await page.getByTestId('date-slider-since').evaluate((el: HTMLInputElement) => {
      el.value = '2009';
      el.dispatchEvent(new Event('input'));
      el.dispatchEvent(new Event('change'));
    });
    expect(await page.getByTestId('date-since').inputValue()).toBe('2009');
    const since2009 = await countsChangedFrom(page, all);
    expect(since2009.nodes).toBeGreaterThan(0);
    expect(since2009.nodes).toBeLessThan(all.nodes);
    await screenshot(page, `dates-since-2009-${kind}`);
    // The summary follows the dates: what is in view, the window, and the ranking of what is shown.
    await page.waitForFunction(
      (n) =>
        document
          .querySelector('[data-testid="view-summary"]')
          ?.textContent?.startsWith(`In view: ${n.toLocaleString('en-US')} entities`),
      since2009.nodes,
    );
    expect(await page.getByTestId('view-summary').textContent()).toMatch(/ links dated 2009 – 2010-02-\d\d\.$/);
    expect(await page.getByTestId('stats-window').textContent()).toMatch(/^Shownlinks dated 2009 – 2010-02-\d\d$/);
    const ranking = await page.getByTestId('top-entities').locator('li button').allTextContents();
    const expected = await page.evaluate(() => {
      const { graph } = window.cablegraph;
      const weight = new Map<string, number>();
      graph.forEachEdge((_e, a, s, t) => {
        weight.set(s, (weight.get(s) ?? 0) + a.weight);
        weight.set(t, (weight.get(t) ?? 0) + a.weight);
      });
      return graph
        .nodes()
        .sort(
          (x, y) =>
            (weight.get(y) ?? 0) - (weight.get(x) ?? 0) ||
            graph.getNodeAttribute(y, 'pagerank') - graph.getNodeAttribute(x, 'pagerank') ||
            (x < y ? -1 : 1),
        )
        .slice(0, 15)
        .map((n) => graph.getNodeAttribute(n, 'label'));
    });
    expect(ranking).toEqual(expected);
    expect(ranking).not.toEqual(rankingBefore);

    // Typed dates: until 2008-06 (and no lower bound).
    await page.getByTestId('date-clear').click();
    await countsChangedFrom(page, since2009);
    await page.getByTestId('date-until').fill('2008-06');
    await page.getByTestId('date-until').press('Enter');
    const until2008 = await countsChangedFrom(page, all);
    expect(until2008.nodes).toBeGreaterThan(0);
    expect(until2008.nodes).toBeLessThan(all.nodes);
    expect(until2008).not.toEqual(since2009);
    expect(await page.getByTestId('date-slider-until').inputValue()).toBe('2008');
    // Every link shown overlaps the range.
    const late = await page.evaluate(
      () => window.cablegraph.graph.filterEdges((_e, a) => (a.firstDate ?? '') > '2008-06-31').length,
    );
    expect(late).toBe(0);
  });
});
