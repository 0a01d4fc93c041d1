import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.ts';

/** The extension API inside the service worker (evaluated there, typed loosely here). */
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  windows: { create(o: { url: string; type: string; width: number; height: number }): Promise<unknown> };
};

/** The unpacked Chrome build the tests load. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** A Chromium with the built extension loaded, a request log and a kill switch. */
export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Every request the browser made (page, extension, anything), in order. */
  requests: { url: string; fromExtension: boolean; aborted: boolean }[];
  /** Console messages and page errors from every page, for "no exception" checks. */
  logs: { page: string; type: string; text: string }[];
  /** The browser's tab id of `page` (brings it to the front). */
  tabIdOf(page: Page): Promise<number>;
  /** The toolbar badge text for `page`'s tab. */
  badgeOf(page: Page): Promise<string>;
  /** The address of the first-run page the install opened (closed at once so tests start clean), or null when none opened. */
  welcomed: string | null;
  /** Opens the popup in a tab of its own, reporting on `page`'s tab (as when clicked over it). */
  openPopup(page?: Page): Promise<Page>;
  /**
   * Opens the side panel's document for `page`'s tab, as Chrome loads it, in a window of its own
   * (headless Chromium draws no side panel; a tab in the reader's window would become the active
   * tab the panel follows). Resolves once it has rendered.
   */
  openSidePanel(page: Page | number, size?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

const LOOPBACK = /^(https?|wss?):\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;

/**
 * Launches Debian's Chromium (or `CHROME_PATH`) headless with the extension, in a fresh profile
 * that is deleted on close. Every request that is not loopback, `chrome-extension:` or `data:` is
 * aborted and logged, so a test can assert that nothing leaves the machine.
 */
export async function launchExtension(): Promise<ExtensionBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: install Debian `chromium` or set CHROME_PATH');
  const profile = mkdtempSync(join(tmpdir(), 'framing-lens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1100, height: 800 },
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, '--disable-features=DialMediaRouteProvider,OptimizationHints,Translate'],
  });
  const requests: ExtensionBrowser['requests'] = [];
  const logs: ExtensionBrowser['logs'] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const allowed = LOOPBACK.test(url) || url.startsWith('chrome-extension:') || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank';
    requests.push({ url, fromExtension: isFromExtension(route.request()), aborted: !allowed });
    return allowed ? route.continue() : route.abort();
  });
  const watch = (page: Page) => {
    page.on('console', (m) => logs.push({ page: page.url(), type: m.type(), text: m.text() }));
    page.on('pageerror', (e) => logs.push({ page: page.url(), type: 'pageerror', text: String(e) }));
  };
  context.on('page', watch);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // A fresh profile is a first install: the background opens the first-run page.
  const isWelcome = (p: Page) => p.url().endsWith('/welcome.html');
  let welcome: Page | undefined;
  for (const until = Date.now() + 10_000; !welcome && Date.now() < until; await new Promise((r) => setTimeout(r, 50))) welcome = context.pages().find(isWelcome);
  const welcomed = welcome?.url() ?? null;
  await welcome?.close();
  const tabIdOf = async (page: Page) => {
    await page.bringToFront();
    return worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
  };
  return {
    context,
    extensionId,
    requests,
    logs,
    welcomed,
    tabIdOf,
    async badgeOf(page) {
      const tabId = await tabIdOf(page);
      return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    },
    async openPopup(page) {
      const query = page ? `?tabId=${await tabIdOf(page)}` : '';
      const popup = await context.newPage();
      // The size Chrome gives the toolbar popup (400 px wide, at most 600 px tall).
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`chrome-extension://${extensionId}/popup.html${query}`);
      await popup.waitForSelector('html[data-ready="true"]');
      return popup;
    },
    async openSidePanel(page, size = { width: 360, height: 900 }) {
      // A tab id when the caller knows it: with several windows, the last focused one may not be the page's.
      const tabId = typeof page === 'number' ? page : await tabIdOf(page);
      const url = `chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`;
      const opened = context.waitForEvent('page', (p) => p.url() === url);
      await worker.evaluate(({ u, w, h }) => chrome.windows.create({ url: u, type: 'popup', width: w, height: h }).then(() => undefined), { u: url, w: size.width + 20, h: size.height });
      const panel = await opened;
      await panel.setViewportSize(size);
      await panel.waitForSelector('html[data-ready="true"]');
      return panel;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function isFromExtension(request: Request): boolean {
  if (request.url().startsWith('chrome-extension:')) return true;
  try {
    // Playwright throws for a navigation issued before its frame exists (a new tab's first load).
    return request.frame().url().startsWith('chrome-extension:');
  } catch {
    return false;
  }
}
