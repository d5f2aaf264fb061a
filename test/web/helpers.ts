import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type StoreKind, storeAvailable } from '../server/helpers';

/** Debian's chromium (CI installs it); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * How long a browser test waits for a state (the viewer ready, counts changed, a node drawn). Tests
 * wait for states, never for fixed times; this bound only turns a hang into a failure, so it is
 * generous: a loaded CI machine (load 20 on 2 cores) is slow, not broken.
 */
export const STATE_TIMEOUT = 90_000;
/** Per-test bound of the browser tests (jest's default is too short on a loaded machine). */
export const TEST_TIMEOUT = 300_000;

/** Kept by .ci/run as CI artifacts. */
export const SCREENSHOTS = path.resolve(__dirname, '../../.ci-artifacts/screenshots');

/** A headless chromium, or undefined (with a note) when none is installed outside CI. */
export async function launchBrowser(): Promise<Browser | undefined> {
  if (!fs.existsSync(CHROMIUM)) {
    if (process.env.CI) throw new Error(`no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
    console.warn(`no chromium at ${CHROMIUM}: browser tests skipped (apt-get install chromium)`);
    return undefined;
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
}

export interface Viewer {
  page: Page;
  /** Uncaught exceptions and console errors of the page (a test ends by expecting none). */
  errors: string[];
}

/** Opens the viewer and waits for its first overview (`window.cablegraph.ready`). */
export async function openViewer(browser: Browser, url: string): Promise<Viewer> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.setDefaultTimeout(STATE_TIMEOUT);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A resource that failed to load names its address: a 404 in a full run must say which request.
    const where = message.location().url;
    if (message.type() === 'error') errors.push(`console: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.cablegraph?.ready === true, null, { timeout: STATE_TIMEOUT });
  return { page, errors };
}

/** A viewer opened for one test, with the address of the server it talks to. */
export interface OpenedViewer extends Viewer {
  url: string;
}

/**
 * The set-up every viewer test file shares, for the `describe` it is called in: chromium and the
 * real server over `kind` (on the seed graph, or `options.graph`) started once, and for each test
 * a freshly opened viewer, handed to `onOpen` before the test runs; after it the page must have
 * logged no error, and is closed. Returns the `it` to write those tests with: they pass without
 * running when chromium or the store is missing (outside CI).
 */
export function viewerSuite(
  kind: StoreKind,
  onOpen: (viewer: OpenedViewer) => void,
  options: { graph?: () => Promise<string> } = {},
): (name: string, fn: () => Promise<void>, timeout?: number) => void {
  let browser: Browser | undefined;
  let server: { url: string; close(): Promise<void> } | undefined;
  let viewer: OpenedViewer | undefined;
  beforeAll(async () => {
    if (!(await storeAvailable(kind))) return;
    browser = await launchBrowser();
    if (!browser) return;
    server = await startTestServer(kind, options.graph ? await options.graph() : undefined);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    if (!browser || !server) return;
    viewer = { ...(await openViewer(browser, server.url)), url: server.url };
    onOpen(viewer);
  }, TEST_TIMEOUT);
  afterEach(async () => {
    if (!viewer) return;
    const { page, errors } = viewer;
    viewer = undefined;
    await page.close();
    // No uncaught exception and no console error in any test.
    expect(errors).toEqual([]);
  });
  return (name, fn, timeout = TEST_TIMEOUT) => test(name, async () => (browser && server ? fn() : undefined), timeout);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Entities and links shown, as the counter on the graph says. */
export async function graphCounts(page: Page): Promise<{ nodes: number; edges: number }> {
  const counter = page.getByTestId('graph-counts');
  return {
    nodes: Number(await counter.getAttribute('data-nodes')),
    edges: Number(await counter.getAttribute('data-edges')),
  };
}

/** Waits until the counter differs from `before`, and returns the new counts. */
export async function countsChangedFrom(
  page: Page,
  before: { nodes: number; edges: number },
): Promise<{ nodes: number; edges: number }> {
  await page.waitForFunction(
    ({ nodes, edges }) => {
      const el = document.querySelector<HTMLElement>('[data-testid="graph-counts"]');
      return !!el && (Number(el.dataset.nodes) !== nodes || Number(el.dataset.edges) !== edges);
    },
    before,
    { timeout: STATE_TIMEOUT },
  );
  return graphCounts(page);
}

/** Types into an autocomplete box and clicks the suggestion named `name`. */
export async function pickSuggestion(page: Page, testid: string, query: string, name: string): Promise<void> {
  const input = page.getByTestId(testid);
  await input.click();
  await input.fill(query);
  const suggestion = page.getByTestId(`${testid}-suggestion`).filter({ hasText: name }).first();
  await suggestion.waitFor({ state: 'visible' });
  await suggestion.click();
}

/** The shown entity named `label` (its graph key), waiting for it to appear. */
export async function nodeByLabel(page: Page, label: string): Promise<string> {
  const handle = await page.waitForFunction(
    (wanted) => window.cablegraph.graph.findNode((_key, attrs) => attrs.label === wanted) ?? false,
    label,
    { timeout: STATE_TIMEOUT },
  );
  return (await handle.jsonValue()) as string;
}

/** Where an entity is drawn, in page coordinates (from the renderer, after its last render). */
export async function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((key) => {
    const { renderer } = window.cablegraph;
    const data = renderer!.getNodeDisplayData(key);
    if (!data) throw new Error(`${key} is not drawn`);
    const point = renderer!.framedGraphToViewport(data);
    const box = renderer!.getContainer().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  }, id);
}

/**
 * Waits for the camera to stop (clicks during an animation land elsewhere), and past sigma's
 * double-click window: two canvas clicks within 300 ms are one double click, not two clicks.
 */
export async function cameraSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => !window.cablegraph.renderer!.getCamera().isAnimated(), null, {
    timeout: STATE_TIMEOUT,
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForTimeout(350);
}

/** Clicks an entity on the canvas (a real mouse click that sigma picks). */
export async function clickNode(page: Page, id: string): Promise<void> {
  await cameraSettled(page);
  const { x, y } = await nodePosition(page, id);
  await page.mouse.click(x, y);
}

/**
 * Clicks the link between two entities on the canvas. The camera first centres on the link (zoomed
 * in when it is short on screen); the point clicked is the first along the segment, from the
 * middle outwards, where sigma's own picking finds that link and no entity. The click itself is a
 * real mouse click.
 */
export async function clickEdge(page: Page, a: string, b: string, edgeKey: string): Promise<void> {
  // The viewer's own camera moves first: one still running would overwrite the state set here.
  await cameraSettled(page);
  await page.evaluate(
    ([a, b]) => {
      const renderer = window.cablegraph.renderer!;
      const da = renderer.getNodeDisplayData(a)!;
      const db = renderer.getNodeDisplayData(b)!;
      const camera = renderer.getCamera();
      const length = Math.hypot(
        renderer.framedGraphToViewport(da).x - renderer.framedGraphToViewport(db).x,
        renderer.framedGraphToViewport(da).y - renderer.framedGraphToViewport(db).y,
      );
      const ratio = length < 200 ? (camera.ratio * length) / 200 : camera.ratio;
      // setState, not animate({duration: 0}): sigma 3.0.3's animate never resolves its promise
      // when the clock ticks between its start and its first (synchronous) frame.
      camera.setState({ x: (da.x + db.x) / 2, y: (da.y + db.y) / 2, ratio });
    },
    [a, b],
  );
  await cameraSettled(page);
  const pa = await nodePosition(page, a);
  const pb = await nodePosition(page, b);
  const box = await page.getByTestId('graph').boundingBox();
  const at = await page.evaluate(
    ({ pa, pb, box, edgeKey }) => {
      type Picking = {
        getEdgeAtPoint(x: number, y: number): string | null;
        getNodeAtPosition(p: { x: number; y: number }): string | null;
      };
      const renderer = window.cablegraph.renderer as unknown as Picking;
      for (const t of [0.5, 0.6, 0.4, 0.7, 0.3, 0.8, 0.25, 0.75]) {
        // The pixel the mouse lands on (the browser rounds a click to whole pixels; a link is 2–3 px wide).
        const px = Math.round(pa.x + (pb.x - pa.x) * t);
        const py = Math.round(pa.y + (pb.y - pa.y) * t);
        const x = px - box!.x;
        const y = py - box!.y;
        if (renderer.getEdgeAtPoint(x, y) === edgeKey && renderer.getNodeAtPosition({ x, y }) === null)
          return { x: px, y: py };
      }
      return null;
    },
    { pa, pb, box, edgeKey },
  );
  if (!at) throw new Error(`the link ${edgeKey} is hidden under others everywhere along its length`);
  await page.mouse.move(at.x, at.y);
  await page.mouse.click(at.x, at.y);
}
