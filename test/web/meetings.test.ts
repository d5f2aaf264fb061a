import type { Page } from 'playwright-core';
import { MEETINGS_FIXTURE, STORE_KINDS, builtGraph, type StoreKind } from '../server/helpers';
import { STATE_TIMEOUT, clickEdge, nodeByLabel, pickSuggestion, screenshot, viewerSuite } from './helpers';

/**
 * Meetings on the canvas, in chromium, over both stores, on the seeds and two cables whose people
 * met (MEETINGS_FIXTURE): Foreign Minister Kouchner met President Kagame (08PARIS1568). In Kouchner's neighbourhood
 * that meeting is a link of its own colour beside their co-mention link; the legend's radios (keys
 * and mouse) draw co-mentions, meetings or both; a click on the meeting opens its passage.
 */
describe.each(STORE_KINDS)('meetings on the canvas over the %s store', (kind: StoreKind) => {
  let page: Page;
  const it = viewerSuite(kind, (opened) => (page = opened.page), { graph: () => builtGraph(MEETINGS_FIXTURE) });

  /** How sigma draws a link now (after the reducers), or undefined when it is not in the graph. */
  const drawn = (key: string) =>
    page.evaluate((k) => {
      const { graph, renderer } = window.cablegraph;
      if (!graph.hasEdge(k)) return undefined;
      const d = renderer!.getEdgeDisplayData(k)!;
      return { color: d.color, hidden: d.hidden, size: d.size };
    }, key);

  it("Kouchner's meeting with Kagame: drawn in its own colour, the legend's filter hides and shows it, a click opens its passage", async () => {
    await pickSuggestion(page, 'search-input', 'Kouchner', 'Kouchner');
    await page.getByTestId('panel-entity').waitFor();
    const kouchner = await nodeByLabel(page, 'Kouchner');
    const kagame = await nodeByLabel(page, 'Kagame');
    const coMention = [kouchner, kagame].sort().join('|');
    const meeting = `met:${coMention}`;
    await page.waitForFunction((k) => window.cablegraph.graph.hasEdge(k), meeting, { timeout: STATE_TIMEOUT });
    expect(await page.evaluate((k) => window.cablegraph.graph.getEdgeAttributes(k), meeting)).toEqual({
      weight: 0,
      cableCount: 1,
      meetings: 1,
      firstDate: '2008-01-26',
      lastDate: '2008-01-26',
    });
    // Its own colour, wider than the pair's co-mention link; the legend counts it; the link counter does not.
    const both = await drawn(meeting);
    expect(both).toMatchObject({ color: '#7b2cbf', hidden: false });
    const plain = await drawn(coMention);
    expect(plain?.color).not.toBe('#7b2cbf');
    expect(both!.size).toBeGreaterThan(plain!.size);
    expect(Number(await page.getByTestId('legend-meetings').getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
    const counted = Number(await page.getByTestId('graph-counts').getAttribute('data-edges'));
    expect(counted).toBe(
      await page.evaluate(() => window.cablegraph.graph.filterEdges((_e, a) => a.meetings === undefined).length),
    );
    await screenshot(page, `meetings-canvas-${kind}`);

    // The keyboard: from "both", the arrow key moves to "co-mentions": the meeting is not drawn.
    await page.getByTestId('links-both').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => window.cablegraph.store.get().links)).toBe('co-mentions');
    expect(await page.getByTestId('links-co-mentions').isChecked()).toBe(true);
    expect((await drawn(meeting))?.hidden).toBe(true);
    expect((await drawn(coMention))?.hidden).toBeFalsy();
    // The mouse: "meetings" draws the meeting alone.
    await page.getByTestId('links-meetings').click();
    expect((await drawn(meeting))?.hidden).toBeFalsy();
    expect((await drawn(coMention))?.hidden).toBe(true);
    await page.getByTestId('links-both').click();
    expect((await drawn(meeting))?.hidden).toBeFalsy();
    expect((await drawn(coMention))?.hidden).toBeFalsy();

    // A click on the meeting link (sigma picks it above the co-mention link): its passage.
    await clickEdge(page, kouchner, kagame, meeting);
    const panel = page.getByTestId('panel-meetings');
    await panel.waitFor();
    expect(decodeURIComponent(await page.evaluate(() => window.location.hash))).toMatch(/^#\/met\//);
    const items = panel.getByTestId('pair-meeting');
    expect(await items.count()).toBe(1);
    expect(await items.first().getAttribute('data-cable-id')).toBe('08PARIS1568');
    expect(await items.first().locator('.meeting-line').textContent()).toBe('Kouchner met Kagame · 2008-01-26');
    const quoted = items.first().getByTestId('relation-passage');
    expect(await quoted.locator('p').textContent()).toContain(
      'Foreign Minister Kouchner met with President Kagame on January 26, 2008',
    );
    expect(await quoted.locator('footer').textContent()).toBe('08PARIS1568 · 2008-01-26 · ¶25');
    expect(await page.evaluate(() => window.cablegraph.store.get().selectedEdge)).toBe(meeting);
    await screenshot(page, `meetings-passage-${kind}`);
    // The cable opens from the passage, at its paragraph.
    await quoted.getByTestId('relation-cable').click();
    await page.getByTestId('panel-cable').waitFor();
  });
});
