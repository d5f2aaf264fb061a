import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { startServer } from '../../src/cli/serve-command';
import {
  STORE_KINDS,
  builtGraph,
  copyOfGraph,
  startTestServer,
  type StoreKind,
  storeAvailable,
} from '../server/helpers';
import {
  graphCounts,
  launchBrowser,
  openViewer,
  pickSuggestion,
  screenshot,
  STATE_TIMEOUT,
  TEST_TIMEOUT,
  type Viewer,
} from './helpers';

const YAWER = 'p-ghazi-al-yawer-7babdf0f';
const TALABANI = 'p-jalal-talabani-fde70f3c';
const IRAQ = 'p-iraq-e3d5c7c6';
const NEITHER = 'p-neither-saddam-5528dce6';
const KOUCHNER = 'p-kouchner-e5fec991';
const OCV = 'o-ocv-97f9da41';
const BAGDHAD = 'p-bagdhad-218ea3d4';
const BAGHDAD = 'p-baghdad-c02fc0c6';

/** The view's key for the link of a pair (web/src/graph-model.ts edgeKey). */
const link = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Link weights as the shown graph holds them (null: no such link on screen). */
function weights(page: Page, keys: string[]): Promise<Array<number | null>> {
  return page.evaluate(
    (list) =>
      list.map((k) =>
        window.cablegraph.graph.hasEdge(k) ? window.cablegraph.graph.getEdgeAttribute(k, 'weight') : null,
      ),
    keys,
  );
}

function shown(page: Page, id: string): Promise<boolean> {
  return page.evaluate((key) => window.cablegraph.graph.hasNode(key), id);
}

async function openEntity(page: Page, query: string, name: string, id: string): Promise<void> {
  await pickSuggestion(page, 'search-input', query, name);
  await page.locator(`[data-testid="panel-entity"][data-id="${id}"]`).waitFor();
}

/**
 * Records, from the page, whether the busy pill showed while every curation control was disabled
 * (a decision on the seeds takes well under a second: too short to poll for).
 */
async function watchBusy(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { sawBusy?: { pill: boolean; disabled: boolean } };
    w.sawBusy = { pill: false, disabled: false };
    const pill = document.querySelector('[data-testid="curation-busy"]')!;
    new MutationObserver(() => {
      if (pill.hasAttribute('hidden')) return;
      w.sawBusy!.pill = true;
      const controls = [...document.querySelectorAll<HTMLButtonElement>('[data-curation-control]')];
      w.sawBusy!.disabled = controls.length > 0 && controls.every((c) => c.disabled);
    }).observe(pill, { attributes: true, attributeFilter: ['hidden'] });
  });
}

async function sawBusy(page: Page): Promise<{ pill: boolean; disabled: boolean }> {
  return page.evaluate(() => (window as unknown as { sawBusy: { pill: boolean; disabled: boolean } }).sawBusy);
}

/**
 * Entity curation from the viewer, in chromium over each store, on a private copy of the seed
 * graph (decisions rewrite it) with a curation file of its own: merge from the entity panel (one
 * node left, its link to Iraq the sum of both), Undo from the toast (both back, weights as before),
 * reject, rename, retype, the curation panel's suggestions and decisions, and a read-only server
 * without any of it. The scenarios run in order on one server: each sees the decisions before it.
 */
describe.each(STORE_KINDS)('curation from the viewer (%s store)', (kind: StoreKind) => {
  let browser: Browser | undefined;
  let server: { url: string; close(): Promise<void> } | undefined;
  let curationFile = '';
  let viewer: Viewer;
  let page: Page;

  beforeAll(async () => {
    if (!(await storeAvailable(kind))) return;
    browser = await launchBrowser();
    if (!browser) return;
    const graphFile = copyOfGraph(await builtGraph());
    curationFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-web-curation-')), 'curation.jsonl');
    server = await startTestServer(kind, graphFile, { curation: curationFile });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    if (!browser || !server) return;
    viewer = await openViewer(browser, server.url);
    page = viewer.page;
  });
  afterEach(async () => {
    if (!viewer) return;
    expect(viewer.errors).toEqual([]);
    await page.close();
  });
  const it = (name: string, fn: () => Promise<void>, timeout = TEST_TIMEOUT) =>
    test(name, async () => (browser && server ? fn() : undefined), timeout);

  it('merges Ghazi al-Yawer into Jalal Talabani: one node, its link to Iraq the sum; Undo brings both back', async () => {
    // The author, remembered by the browser.
    await page.getByTestId('curation-author').fill('Test Analyst');
    await page.getByTestId('curation-author').press('Tab');
    expect(await page.evaluate(() => localStorage.getItem('cablegraph.author'))).toBe('Test Analyst');

    await openEntity(page, 'Yawer', 'Ghazi al-Yawer', YAWER);
    const [yawerIraq, talabaniIraq] = await weights(page, [link(YAWER, IRAQ), link(TALABANI, IRAQ)]);
    expect(yawerIraq).toBeGreaterThan(0);
    expect(talabaniIraq).toBeGreaterThan(0);
    const before = await graphCounts(page);

    await page.getByTestId('curate-merge').click();
    await pickSuggestion(page, 'merge-search', 'Talabani', 'Jalal Talabani');
    // One cable each: the one picked keeps its id and name unless told otherwise.
    expect(await page.locator(`[data-testid="merge-keep"][data-id="${TALABANI}"]`).isChecked()).toBe(true);
    await page.locator(`[data-testid="merge-keep"][data-id="${YAWER}"]`).check();
    expect(await page.getByTestId('merge-confirm').textContent()).toBe('Merge into “Ghazi al-Yawer”');
    await page.locator(`[data-testid="merge-keep"][data-id="${TALABANI}"]`).check();
    await page.getByTestId('merge-form').getByTestId('curation-note').fill('test: two Iraqi presidents, one node');
    await screenshot(page, `curation-merge-form-${kind}`);
    await watchBusy(page);
    await page.getByTestId('merge-confirm').click();

    const undo = page.getByTestId('toast-undo');
    await undo.waitFor();
    expect(await page.getByTestId('toast').filter({ has: undo }).textContent()).toContain(
      'Merged “Ghazi al-Yawer” into “Jalal Talabani”',
    );
    expect(await sawBusy(page)).toEqual({ pill: true, disabled: true });
    await page.getByTestId('curation-busy').waitFor({ state: 'hidden' });
    // One node left; its link to Iraq weighs what both did; the panel shows it with both names.
    expect(await shown(page, YAWER)).toBe(false);
    expect(await weights(page, [link(TALABANI, IRAQ), link(YAWER, IRAQ)])).toEqual([yawerIraq! + talabaniIraq!, null]);
    expect((await graphCounts(page)).nodes).toBe(before.nodes - 1);
    await page.locator(`[data-testid="panel-entity"][data-id="${TALABANI}"]`).waitFor();
    expect(await page.getByTestId('entity-name').textContent()).toBe('Jalal Talabani');
    expect(await page.getByTestId('entity-aliases').textContent()).toContain('Ghazi al-Yawer');
    expect(await page.getByTestId('entity-cable-count').textContent()).toBe('2');
    expect(page.url()).toContain(`#/entity/${TALABANI}`);
    await screenshot(page, `curation-merged-${kind}`);

    // Undo: both entities again, with their own weights; the panel back on Ghazi al-Yawer.
    await undo.click();
    await page.waitForFunction((id) => window.cablegraph.graph.hasNode(id), YAWER, { timeout: STATE_TIMEOUT });
    expect(await weights(page, [link(YAWER, IRAQ), link(TALABANI, IRAQ)])).toEqual([yawerIraq, talabaniIraq]);
    expect((await graphCounts(page)).nodes).toBe(before.nodes);
    await page.locator(`[data-testid="panel-entity"][data-id="${YAWER}"]`).waitFor();
    expect(await page.getByTestId('entity-aliases').textContent()).not.toContain('Talabani');
    await page.getByTestId('toast').filter({ hasText: 'Undid #1' }).waitFor();
    await screenshot(page, `curation-undone-${kind}`);

    const lines = fs
      .readFileSync(curationFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toMatchObject([
      {
        seq: 1,
        op: 'merge',
        ids: [YAWER, TALABANI],
        into: TALABANI,
        author: 'Test Analyst',
        note: 'test: two Iraqi presidents, one node',
      },
      { seq: 2, op: 'undo', decision: 1, author: 'Test Analyst' },
    ]);
  });

  it('rejects a false entity after a confirmation: it leaves the graph', async () => {
    // Each scenario is a new browser context: another analyst.
    await page.getByTestId('curation-author').fill('Second Analyst');
    await page.getByTestId('curation-author').press('Tab');
    await openEntity(page, 'Neither Sadd', 'Neither Saddam', NEITHER);
    const before = await graphCounts(page);
    await page.getByTestId('curate-reject').click();
    const form = page.getByTestId('reject-form');
    await form.waitFor();
    expect(await form.textContent()).toContain('Reject “Neither Saddam”?');
    // Cancel first: nothing happens.
    await page.getByTestId('reject-cancel').click();
    expect(await form.count()).toBe(0);
    await page.getByTestId('curate-reject').click();
    await form.getByTestId('curation-note').fill('a sentence opening, not a person');
    await screenshot(page, `curation-reject-confirm-${kind}`);
    await page.getByTestId('reject-confirm').click();
    await page.getByTestId('toast').filter({ hasText: 'Rejected “Neither Saddam”' }).waitFor();
    expect(await shown(page, NEITHER)).toBe(false);
    expect((await graphCounts(page)).nodes).toBe(before.nodes - 1);
    await page.getByTestId('panel-summary').waitFor();
    // Search no longer finds it.
    await page.getByTestId('search-input').fill('Neither Sadd');
    await page.locator('.suggestion-empty').waitFor();
    await screenshot(page, `curation-rejected-${kind}`);
  });

  it('renames Kouchner in place: the new label on the graph and in the panel', async () => {
    await openEntity(page, 'Kouchner', 'Kouchner', KOUCHNER);
    await page.getByTestId('entity-rename').click();
    const input = page.getByTestId('rename-input');
    expect(await input.inputValue()).toBe('Kouchner');
    await input.fill('Bernard Kouchner');
    await screenshot(page, `curation-rename-${kind}`);
    await input.press('Enter');
    await page.waitForFunction(
      (id) => window.cablegraph.graph.getNodeAttribute(id, 'label') === 'Bernard Kouchner',
      KOUCHNER,
      { timeout: STATE_TIMEOUT },
    );
    await page.locator('[data-testid="entity-name"]', { hasText: 'Bernard Kouchner' }).waitFor();
    expect(await page.locator(`[data-testid="panel-entity"]`).getAttribute('data-id')).toBe(KOUCHNER);
    await page.getByTestId('toast').filter({ hasText: 'Renamed “Kouchner” to “Bernard Kouchner”' }).waitFor();
    await screenshot(page, `curation-renamed-${kind}`);
  });

  it('changes a type: OCV becomes a place, and back with Undo', async () => {
    await openEntity(page, 'OCV', 'OCV', OCV);
    await page.getByTestId('curate-retype').click();
    expect(await page.getByTestId('retype-Organization').isDisabled()).toBe(true);
    await page.getByTestId('retype-Place').click();
    await page.getByTestId('retype-confirm').click();
    await page.waitForFunction((id) => window.cablegraph.graph.getNodeAttribute(id, 'kind') === 'Place', OCV, {
      timeout: STATE_TIMEOUT,
    });
    await page.locator('[data-testid="panel-entity"] .type-badge', { hasText: 'Place' }).waitFor();
    await page.getByTestId('toast-undo').click();
    await page.waitForFunction((id) => window.cablegraph.graph.getNodeAttribute(id, 'kind') === 'Organization', OCV, {
      timeout: STATE_TIMEOUT,
    });
  });

  it('the curation panel: a suggested merge after confirmation, the decisions with who and why, undo from the list', async () => {
    await page.getByTestId('curation-review').click();
    const panel = page.getByTestId('panel-curation');
    await panel.waitFor();
    expect(page.url()).toContain('#/curation');
    const items = page.getByTestId('decision-item');
    // Newest first: retype undone, retype, rename, reject, undo, merge (undone).
    expect(
      await items.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-seq')}:${e.getAttribute('data-op')}`)),
    ).toEqual(['6:undo', '5:retype', '4:rename', '3:reject', '2:undo', '1:merge']);
    expect(await page.locator('[data-testid="decision-item"][data-seq="1"]').getAttribute('class')).toContain('undone');
    expect(await page.locator('[data-testid="decision-item"][data-seq="3"]').textContent()).toContain(
      'a sentence opening, not a person',
    );
    expect(await page.locator('[data-testid="decision-item"][data-seq="3"]').textContent()).toContain('Second Analyst');

    const suggestion = page.locator(`[data-testid="suggestion-item"][data-merge="${BAGDHAD}"][data-keep="${BAGHDAD}"]`);
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toContain('spelling');
    await screenshot(page, `curation-panel-${kind}`);
    // The entity count before the merge (the seeds' count depends on resolution): one fewer after, back after undo.
    const entities = Number(/(\d+) entities/.exec((await page.getByTestId('topbar-stats').textContent()) ?? '')?.[1]);
    expect(entities).toBeGreaterThan(30);
    await suggestion.getByTestId('suggestion-merge').click();
    await suggestion.getByTestId('suggestion-confirm').waitFor();
    await screenshot(page, `curation-suggestion-confirm-${kind}`);
    await suggestion.getByTestId('suggestion-confirm').click();
    await page.getByTestId('toast').filter({ hasText: 'Merged “Bagdhad” into “Baghdad”' }).waitFor();
    expect(await shown(page, BAGDHAD)).toBe(false);
    // The panel re-asked for suggestions: that one is gone; the merge tops the decisions.
    await page.locator('[data-testid="decision-item"][data-seq="7"]').waitFor();
    expect(await page.locator(`[data-testid="suggestion-item"][data-merge="${BAGDHAD}"]`).count()).toBe(0);

    await page.locator('[data-testid="topbar-stats"]', { hasText: `${entities - 1} entities` }).waitFor();
    await page.locator('[data-testid="decision-item"][data-seq="7"]').getByTestId('decision-undo').click();
    await page.waitForFunction((id) => window.cablegraph.graph.hasNode(id), BAGDHAD, { timeout: STATE_TIMEOUT });
    // The toast offering to undo it went with it.
    expect(await page.getByTestId('toast-undo').count()).toBe(0);
    await page.locator('[data-testid="topbar-stats"]', { hasText: `${entities} entities` }).waitFor();
    await page.locator('[data-testid="decision-item"][data-seq="8"]').waitFor();
    expect(await page.locator('[data-testid="decision-item"][data-seq="7"]').getAttribute('class')).toContain('undone');
    await screenshot(page, `curation-decisions-${kind}`);
  });

  it('a read-only server: no curation controls anywhere', async () => {
    if (kind !== 'embedded') return;
    const readOnly = await startServer(await builtGraph(), { port: '0', quiet: true, readOnly: true });
    const other = await openViewer(browser!, readOnly.url);
    try {
      await openEntity(other.page, 'Kouchner', 'Kouchner', KOUCHNER);
      expect(await other.page.getByTestId('entity-curation').count()).toBe(0);
      expect(await other.page.getByTestId('entity-rename').count()).toBe(0);
      await other.page.getByTestId('curation-section').waitFor({ state: 'hidden' });
      await other.page.goto(`${readOnly.url}/#/curation`);
      await other.page.getByTestId('curation-off').waitFor();
      expect(other.errors).toEqual([]);
    } finally {
      await other.page.close();
      await readOnly.close();
    }
  });
});
