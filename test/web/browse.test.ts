import type { Page } from 'playwright-core';
import { STORE_KINDS, type StoreKind } from '../server/helpers';
import { pickSuggestion, screenshot, viewerSuite } from './helpers';

/**
 * Exploring every relation in chromium, over both stores (seeds: 05PARIS77 and 07PARIS3534, sent
 * by Embassy Paris, tagged IZ, signed by Leach and Pekala; 05PARIS77 cites two cables outside the
 * corpus): a post's, a tag's, a signer's and an entity's cables with their facets, posts and tags
 * and cable ids from the search box, and a cable's references both ways.
 */
describe.each(STORE_KINDS)(
  'exploring posts, tags, signers and references over the %s store (seeds)',
  (kind: StoreKind) => {
    let page: Page;
    const it = viewerSuite(kind, (opened) => (page = opened.page));

    const listed = (): Promise<string[]> =>
      page.getByTestId('cables-item').evaluateAll((els) => els.map((el) => el.getAttribute('data-cable')!));
    const total = async (): Promise<number> =>
      Number(await page.getByTestId('cables-total').getAttribute('data-total'));
    /**
     * Waits for the cables panel of `hash` (the address the viewer navigated to) listing `cables`, in
     * order, with its facets counted. The address changes before the viewer replaces its panel, so
     * the panel must also be a new one: each panel accepted here is marked, and a marked one (still
     * on screen just after the next click) never counts.
     */
    const cablesShown = async (hash: string, cables: string[]): Promise<void> => {
      try {
        await page.waitForFunction(
          ({ hash, cables }) => {
            const panel = document.querySelector<HTMLElement>('[data-testid="panel-cables"]');
            if (window.location.hash !== hash || !panel || panel.dataset.seen !== undefined) return false;
            if (!panel.querySelector('[data-testid="cables-facets"]')) return false;
            const shown = [...panel.querySelectorAll('[data-testid="cables-item"]')].map((el) =>
              el.getAttribute('data-cable'),
            );
            if (shown.length !== cables.length || shown.some((id, i) => id !== cables[i])) return false;
            panel.dataset.seen = '';
            return true;
          },
          { hash, cables },
        );
      } catch (error) {
        const at = await page.evaluate(() => window.location.hash);
        const shown = await listed();
        throw new Error(
          `${hash}: waited for the cables [${cables.join(', ')}]; at ${at} the page lists [${shown.join(', ')}]`,
          {
            cause: error,
          },
        );
      }
    };

    it('a post from the search box: its cables, its counts by role, facets that narrow (sent, a tag) and conditions that can be taken back', async () => {
      const input = page.getByTestId('search-input');
      await input.click();
      await input.fill('paris');
      const post = page.locator('[data-testid="search-input-other"][data-kind="post"]');
      await post.waitFor();
      expect(await post.getAttribute('data-id')).toBe('post:PARIS');
      await post.click();
      await cablesShown('#/cables?post=post%3APARIS', ['05PARIS77', '07PARIS3534']);
      expect(await page.getByTestId('cables-title').textContent()).toBe('Paris');
      expect(await page.getByTestId('post-sent').textContent()).toBe('2');
      expect(await total()).toBe(2);
      // Who signed them, which tags they carry: each with its count of cables.
      const signers = page.getByTestId('facet-signers').getByTestId('facet-item');
      expect(
        await signers.evaluateAll((els) =>
          els.map((el) => [el.getAttribute('data-id'), el.querySelector('[data-testid="facet-count"]')!.textContent]),
        ),
      ).toEqual([
        ['p-leach-229718bd', '1'],
        ['p-pekala-17e761f7', '1'],
      ]);
      await page.getByTestId('cables-role').locator('[data-role="from"]').click();
      await cablesShown('#/cables?from=post%3APARIS', ['05PARIS77', '07PARIS3534']);
      expect(await total()).toBe(2);
      await page
        .getByTestId('facet-tags')
        .locator('[data-testid="facet-item"][data-id="tag:PROP"]')
        .getByTestId('facet-narrow')
        .click();
      await cablesShown('#/cables?from=post%3APARIS&tag=tag%3APROP', ['05PARIS77']);
      expect(
        await page.getByTestId('cables-condition').evaluateAll((els) => els.map((el) => el.getAttribute('data-key'))),
      ).toEqual(['from', 'tag']);
      // The list to take away: the same filter, as CSV (one row per cable) and Markdown.
      const csv = await page.getByTestId('takeaway-cables-csv').getAttribute('href');
      expect(csv).toBe('api/cables/export?from=post%3APARIS&tag=tag%3APROP&format=csv');
      expect((await page.evaluate((url) => fetch(url).then((r) => r.text()), csv!)).split('\n')[1]).toMatch(
        /^05PARIS77,/,
      );
      await screenshot(page, `browse-post-tag-${kind}`);
      await page
        .locator('[data-testid="cables-condition"][data-key="from"]')
        .getByTestId('cables-condition-remove')
        .click();
      await cablesShown('#/cables?tag=tag%3APROP', ['05PARIS77']);
      expect(await page.getByTestId('cables-title').textContent()).toBe(
        'PROP — Propaganda and Psychological Operations',
      );
    });

    it('a tag page and a signer page from their addresses; a date range leaves the undated cables out', async () => {
      await page.evaluate(() => {
        window.location.hash = '#/tag/IZ';
      });
      await cablesShown('#/tag/IZ', ['05PARIS77', '07PARIS3534']);
      expect(await page.getByTestId('cables-title').textContent()).toBe('IZ — Iraq');
      expect(await page.getByTestId('tag-cables').textContent()).toBe('2');
      await page.getByTestId('cables-since').fill('2007');
      await page.getByTestId('cables-dates-apply').click();
      await cablesShown('#/cables?tag=tag%3AIZ&since=2007', []);
      expect(await total()).toBe(0);
      await page.evaluate(() => {
        window.location.hash = '#/signer/p-leach-229718bd';
      });
      await cablesShown('#/signer/p-leach-229718bd', ['05PARIS77']);
      expect(await page.getByTestId('cables-title').textContent()).toBe('Leach');
      expect(await page.getByTestId('signer-signed').textContent()).toBe('1');
    });

    it('a cable’s references both ways: cited cables outside the corpus shown as such, the cables citing them, and its post and signer as links', async () => {
      await page.evaluate(() => {
        window.location.hash = '#/cable/05PARIS77';
      });
      const cites = page.getByTestId('cable-cites-item');
      await cites.first().waitFor();
      expect(
        await cites.evaluateAll((els) =>
          els.map((el) => [el.getAttribute('data-cable'), el.getAttribute('data-in-corpus')]),
        ),
      ).toEqual([
        ['04PARIS9098', 'false'],
        ['04STATE274965', 'false'],
      ]);
      expect(await page.getByTestId('cable-outside').count()).toBe(2);
      expect(await page.getByTestId('cable-cited-by-item').count()).toBe(0);
      await screenshot(page, `browse-cable-references-${kind}`);
      await page
        .locator('[data-testid="cable-cites-item"][data-cable="04STATE274965"]')
        .getByTestId('cable-link')
        .click();
      await page.getByTestId('cable-not-in-corpus').waitFor();
      expect(await page.getByTestId('cable-id').textContent()).toBe('04STATE274965');
      const citing = page.getByTestId('cable-cited-by-item');
      expect(await citing.evaluateAll((els) => els.map((el) => el.getAttribute('data-cable')))).toEqual(['05PARIS77']);
      await citing.getByTestId('cable-link').click();
      await page.locator('[data-testid="panel-cable"][data-cable-id="05PARIS77"]').waitFor();
      expect(await page.getByTestId('cable-classifier-link').getAttribute('data-id')).toBe(
        'p-josiah-rosenblatt-d6f479e0',
      );
      await page.locator('[data-testid="cable-signer-link"][data-id="p-leach-229718bd"]').click();
      await cablesShown('#/cables?signer=p-leach-229718bd', ['05PARIS77']);
      await page.evaluate(() => {
        window.location.hash = '#/cable/07PARIS3534';
      });
      await page.getByTestId('cable-post-link').first().click();
      await cablesShown('#/cables?post=post%3APARIS', ['05PARIS77', '07PARIS3534']);
    });

    it('a cable id typed in any form opens the cable; an entity opens its cables and, for a signer, those they signed', async () => {
      const input = page.getByTestId('search-input');
      await input.click();
      await input.fill('07 PARIS 3534');
      const cable = page.locator('[data-testid="search-input-other"][data-kind="cable"]');
      await cable.waitFor();
      expect(await cable.getAttribute('class')).toContain('active');
      await input.press('Enter');
      await page.locator('[data-testid="panel-cable"][data-cable-id="07PARIS3534"]').waitFor();
      await page.getByTestId('cable-close').click();

      await pickSuggestion(page, 'search-input', 'Kouchner', 'Kouchner');
      await page.getByTestId('panel-entity').waitFor();
      const id = await page.getByTestId('panel-entity').getAttribute('data-id');
      await page.getByTestId('entity-cables').click();
      await cablesShown(`#/cables?entity=${encodeURIComponent(id!)}`, ['07PARIS3534']);
      await page.getByTestId('cables-open-entity').click();
      await page.getByTestId('panel-entity').waitFor();

      await pickSuggestion(page, 'search-input', 'Pekala', 'Pekala');
      await page.getByTestId('entity-signed').click();
      await cablesShown('#/cables?signer=p-pekala-17e761f7', ['07PARIS3534']);
    });
  },
);
