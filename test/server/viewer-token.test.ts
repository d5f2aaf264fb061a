import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/cli/serve-command';
import { STATE_TIMEOUT, TEST_TIMEOUT, launchBrowser, openViewer } from '../web/helpers';
import { builtGraph } from './helpers';

/**
 * The viewer under the server's rules, in chromium: its bundle runs under the Content-Security-
 * Policy without a violation, and a server that needs a token is used through the URL it prints.
 */
describe('the viewer with a token and the CSP', () => {
  let browser: Browser | undefined;
  let server: RunningServer;
  const token = 'viewer-test-token-0123456789';

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer(await builtGraph(), { port: '0', quiet: true, token, readOnly: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test(
    'opened from the printed URL: the token is taken, dropped from the address bar, sent with every request',
    async () => {
      if (!browser) return;
      // openViewer gathers console errors: a CSP violation is one.
      const { page, errors } = await openViewer(browser, `${server.url}/?token=${token}#/`);
      expect(page.url()).toBe(`${server.url}/#/`);
      expect(await page.evaluate(() => window.cablegraph.graph.order)).toBeGreaterThan(10);
      // A search goes through the API with the token header.
      const answer = await page.evaluate(async () => (await fetch('api/stats')).status);
      expect(answer).toBe(401); // a bare fetch has no token: the API needs it …
      const viaViewer = await page.evaluate(() => window.cablegraph.ready);
      expect(viaViewer).toBe(true); // … and the viewer, which sends it, loaded its overview.
      await page.reload();
      await page.waitForFunction(() => window.cablegraph?.ready === true, null, { timeout: STATE_TIMEOUT });
      expect(await page.evaluate(() => window.cablegraph.graph.order)).toBeGreaterThan(10);
      expect(errors.filter((e) => !/401/.test(e))).toEqual([]);
      await page.close();
    },
    TEST_TIMEOUT,
  );

  test(
    'without the token the viewer says what is missing',
    async () => {
      if (!browser) return;
      const context = await browser.newContext();
      const page = await context.newPage();
      const statuses: number[] = [];
      page.on('response', (r) => (r.url().includes('/api/') ? statuses.push(r.status()) : undefined));
      await page.goto(`${server.url}/`);
      await page.waitForFunction(() => document.body.innerText.includes('token'), null, { timeout: STATE_TIMEOUT });
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.every((s) => s === 401)).toBe(true);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});
