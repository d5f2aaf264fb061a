import type { Page } from 'playwright-core';
import { STORE_KINDS, type StoreKind } from '../server/helpers';
import { pickSuggestion, screenshot, viewerSuite } from './helpers';

/**
 * Roles and meetings in the viewer's entity panel, in chromium, over both stores (seeds):
 * Kouchner's Foreign Minister of France as a role bar with its passage and cable, France's side of
 * the same role, and the filter.
 */
describe.each(STORE_KINDS)('roles and meetings in the viewer over the %s store (seeds)', (kind: StoreKind) => {
  let page: Page;
  const it = viewerSuite(kind, (opened) => (page = opened.page));

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
