import type { Browser, Page } from 'playwright-core';
import { STORE_KINDS, startTestServer, type StoreKind, storeAvailable } from '../server/helpers';
import { launchBrowser, openViewer, pickSuggestion, screenshot, TEST_TIMEOUT, type Viewer } from './helpers';

/**
 * Roles and meetings in the viewer's entity panel, in chromium, over both stores (seeds):
 * Kouchner's Foreign Minister of France as a role bar with its passage and cable, France's side of
 * the same role, and the filter.
 */
describe.each(STORE_KINDS)('roles and meetings in the viewer over the %s store (seeds)', (kind: StoreKind) => {
  let browser: Browser | undefined;
  let server: { url: string; close(): Promise<void> } | undefined;
  let viewer: Viewer;
  let page: Page;

  beforeAll(async () => {
    if (!(await storeAvailable(kind))) return;
    browser = await launchBrowser();
    if (!browser) return;
    server = await startTestServer(kind);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    if (!browser || !server) return;
    viewer = await openViewer(browser, server.url);
    page = viewer.page;
  }, TEST_TIMEOUT);
  afterEach(async () => {
    if (!browser || !server) return;
    expect(viewer.errors).toEqual([]);
    await page.close();
  });
  const it = (name: string, fn: () => Promise<void>) =>
    test(name, async () => (browser && server ? fn() : undefined), TEST_TIMEOUT);

  it("Kouchner's panel: Foreign Minister of France as a role, its passage and cable on click; France's panel has the same role", async () => {
    await pickSuggestion(page, 'search-input', 'Kouchner', 'Kouchner');
    const panel = page.getByTestId('panel-entity');
    await panel.locator('[data-testid="entity-relations"][data-state="ready"]').waitFor();
    const role = panel.locator('[data-testid="role-item"][data-title="Foreign Minister"][data-other="France"]');
    expect(await role.count()).toBe(1);
    expect(await role.locator('.relation-label').textContent()).toBe('Foreign Minister, France');
    const passage = role.getByTestId('relation-passage');
    expect(await passage.isVisible()).toBe(false);
    await role.getByTestId('role-open').click();
    await passage.first().waitFor({ state: 'visible' });
    expect(await passage.first().locator('p').textContent()).toMatch(/French FM Kouchner\s?'s visit to Iraq/);
    expect(await passage.first().getByTestId('relation-cable').textContent()).toBe('07PARIS3534');
    await screenshot(page, `relations-kouchner-${kind}`);
    // the cable opens from the passage
    await passage.first().getByTestId('relation-cable').click();
    await page.getByTestId('panel-cable').waitFor();
  });

  it('the filter hides the roles and meetings that do not match', async () => {
    await pickSuggestion(page, 'search-input', 'Kouchner', 'Kouchner');
    const block = page.locator('[data-testid="entity-relations"][data-state="ready"]');
    await block.waitFor();
    const items = block.locator('li.relation');
    const total = await items.count();
    expect(total).toBeGreaterThan(0);
    await block.getByTestId('relations-filter').fill('foreign minister');
    const visible = await block.locator('li.relation:not([hidden])').count();
    expect(visible).toBeGreaterThan(0);
    await block.getByTestId('relations-filter').fill('no such role anywhere');
    expect(await block.locator('li.relation:not([hidden])').count()).toBe(0);
    await block.getByTestId('relations-filter').fill('');
    expect(await block.locator('li.relation:not([hidden])').count()).toBe(total);
  });
});
