import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import type { StatementPage } from '../../src/model';
import { buildDbOf } from '../db/helpers';
import { SEEDS, recordsOf } from '../graph/helpers';
import { STORE_KINDS, type StoreKind } from '../server/helpers';
import { STATE_TIMEOUT, pickSuggestion, screenshot, viewerSuite } from './helpers';

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

/**
 * A role with more statements than the build keeps (SQLite store only: over Neo4j a page in the
 * middle of a cut edge is a documented 501). The seeds plus 60 copies under other cable ids, dated
 * out of id order, built with maxEvidence 4: Kouchner's Foreign Minister of France has 61
 * statements, 4 kept (2 first, 2 last by date); "more" fetches the 57 others, 50 at a time.
 */
describe('a capped role in the viewer: "more" lists every statement (embedded store)', () => {
  const COPIES = 60;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-web-more-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let page: Page;
  let url: string;
  const it = viewerSuite(
    'embedded',
    (opened) => {
      page = opened.page;
      url = opened.url;
    },
    {
      graph: async () => {
        const seeds = await recordsOf([SEEDS]);
        // The seed cable is undated (a partial extract); copy i is dated i×37 mod 61 days after
        // 2007-01-01: dates out of cable-id order, and one undated statement (listed last).
        const dated = (i: number): string =>
          new Date(Date.UTC(2007, 0, 1 + ((i * 37) % 61))).toISOString().slice(0, 10);
        const records = [
          ...seeds,
          ...Array.from({ length: COPIES }, (_, i) =>
            seeds.map((r) => ({
              ...r,
              cable: {
                ...r.cable,
                id: `${r.cable.id}X${String(i + 1).padStart(2, '0')}`,
                created: dated(i + 1),
              },
            })),
          ).flat(),
        ];
        const file = path.join(dir, 'capped.db');
        await buildDbOf(file, records, { maxEvidence: 4 });
        return file;
      },
    },
  );

  it('"4 of 61 statements · more", then 50 more, then the last 7: each statement once, in date order, no "more" left', async () => {
    await pickSuggestion(page, 'search-input', 'Kouchner', 'Kouchner');
    const panel = page.getByTestId('panel-entity');
    await panel.locator('[data-testid="entity-relations"][data-state="ready"]').waitFor();
    const role = panel.locator('[data-testid="role-item"][data-title="Foreign Minister"][data-other="France"]');
    expect(await role.count()).toBe(1);
    await role.getByTestId('role-open').click();
    const passages = role.getByTestId('relation-passage');
    const count = role.getByTestId('statements-count');
    const more = role.getByTestId('statements-more');
    await count.waitFor({ state: 'visible' });
    expect(await count.textContent()).toBe('4 of 61 statements');
    expect(await passages.count()).toBe(4);
    expect(await more.isVisible()).toBe(true);

    await more.click();
    await page.waitForFunction((el) => el?.textContent === '54 of 61 statements', await count.elementHandle(), {
      timeout: STATE_TIMEOUT,
    });
    expect(await passages.count()).toBe(54);
    expect(await more.isEnabled()).toBe(true);
    await screenshot(page, 'relations-more-embedded');

    await more.click();
    await more.waitFor({ state: 'detached' });
    expect(await passages.count()).toBe(61);
    expect(await role.getByTestId('statements-gap').count()).toBe(0);

    // Every statement once, in the order the server pages them (date, then cable id): dates rising, the undated last.
    const shown = await passages.evaluateAll((els) =>
      els.map((el) => ({
        cable: el.querySelector('[data-testid="relation-cable"]')!.textContent,
        date: /· (\d{4}-\d{2}-\d{2})/.exec(el.querySelector('footer')!.textContent)?.[1] ?? '',
      })),
    );
    expect(new Set(shown.map((s) => s.cable)).size).toBe(61);
    const dates = shown.map((s) => s.date);
    expect(new Set(dates).size).toBe(61);
    expect(dates.at(-1)).toBe('');
    expect(dates.slice(0, -1)).toEqual([...dates.slice(0, -1)].sort());
    const kouchner = await page.evaluate(() =>
      window.cablegraph.graph.findNode((_k, a) => a.kind === 'Person' && String(a.label).includes('Kouchner')),
    );
    const france = await page.evaluate(() => window.cablegraph.graph.findNode((_k, a) => a.label === 'France'));
    const query = new URLSearchParams({
      type: 'HOLDS_ROLE',
      person: kouchner!,
      owner: france!,
      title: 'Foreign Minister',
      offset: '0',
      limit: '200',
    });
    const all = (await (await fetch(new URL(`/api/statements?${query}`, url))).json()) as StatementPage;
    expect(all.total).toBe(61);
    expect(shown).toEqual(all.statements.map((s) => ({ cable: s.cable, date: s.date ?? '' })));
  });
});
