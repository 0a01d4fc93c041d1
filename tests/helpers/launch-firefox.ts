import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** The Firefox build the tests install (MV2, as shipped). */
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');

/** Where the tests look for Firefox: `FIREFOX_PATH`, then Debian's ESR and a plain install. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.FIREFOX_PATH) return existsSync(env.FIREFOX_PATH) ? env.FIREFOX_PATH : null;
  return ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p)) ?? null;
}

/** The extension API inside an extension page (evaluated there, typed loosely here). */
declare const browser: {
  tabs: { create(o: { url: string }): Promise<unknown>; query(q: object): Promise<{ id?: number; url?: string }[]> };
  windows: { create(o: { url: string; type: string; width: number; height: number }): Promise<unknown> };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
};

/** A headless Firefox ESR with the built add-on installed as a temporary add-on, driven over WebDriver BiDi. */
export interface FirefoxExtension {
  browser: Browser;
  /** The first-run page the install opened: an extension page the tests use to reach the others. */
  welcome: Page;
  /**
   * Opens an extension page (`/popup.html?tabId=…`) in a new tab and waits until it has rendered;
   * with `window`, in a window of its own (the sidebar's document: a tab in the reader's window
   * would become the active tab it follows).
   */
  openExtensionPage(path: string, options?: { window?: boolean }): Promise<Page>;
  /** The tab id of `page` (brings it to the front). */
  tabIdOf(page: Page): Promise<number>;
  /** The commands and their bound keys, as Firefox reports them. */
  commands(): Promise<[string | undefined, string | undefined][]>;
  close(): Promise<void>;
}

/** True when `page` shows an extension page (puppeteer reports moz-extension pages as about:blank). */
const isExtensionPage = (page: Page) => page.evaluate(() => location.protocol === 'moz-extension:').catch(() => false);

/**
 * Launches Firefox ESR headless (`puppeteer-core`, BiDi) in a fresh profile that is deleted on
 * close, installs the add-on and waits for the first-run page it opens. WebDriver BiDi refuses to
 * navigate a tab to a moz-extension: address, so extension pages are opened by an extension page
 * (the first-run page) with `tabs.create`, as the popup and the background do.
 */
export async function launchFirefoxExtension(): Promise<FirefoxExtension> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('No Firefox found: install Debian `firefox-esr` or set FIREFOX_PATH');
  const profile = mkdtempSync(join(tmpdir(), 'framing-lens-firefox-'));
  const ff = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    protocol: 'webDriverBiDi',
    userDataDir: profile,
    // Nothing leaves the machine: no update, telemetry or remote-settings traffic.
    extraPrefsFirefox: { 'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false, 'toolkit.telemetry.enabled': false, 'services.settings.server': 'http://127.0.0.1:9/' },
  });
  await ff.installExtension(FIREFOX_EXTENSION_DIR);
  let welcome: Page | undefined;
  for (const until = Date.now() + 15_000; !welcome && Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    for (const page of await ff.pages()) if (await isExtensionPage(page)) welcome = page;
  }
  if (!welcome) throw new Error('the add-on did not open its first-run page after installation');
  await welcome.waitForSelector('html[data-ready="true"]', { timeout: 15_000 });
  const springboard = welcome;
  return {
    browser: ff,
    welcome,
    async openExtensionPage(path, options = {}) {
      const created = new Promise<Page | null>((resolve) => ff.once('targetcreated', (target) => void target.page().then(resolve)));
      if (options.window) await springboard.evaluate((url) => browser.windows.create({ url, type: 'popup', width: 380, height: 900 }).then(() => undefined), path);
      else await springboard.evaluate((url) => browser.tabs.create({ url }), path);
      const page = await created;
      if (!page) throw new Error(`no tab opened for ${path}`);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 15_000 });
      return page;
    },
    async tabIdOf(page) {
      // Without the "tabs" permission the add-on cannot read a tab's address: bring the page to the
      // front and ask for the active tab.
      await page.bringToFront();
      const [tab] = await springboard.evaluate(() => browser.tabs.query({ active: true, lastFocusedWindow: true }));
      if (tab?.id === undefined) throw new Error('no active tab');
      return tab.id;
    },
    commands: () => springboard.evaluate(async () => (await browser.commands.getAll()).map((c) => [c.name, c.shortcut] as [string | undefined, string | undefined])),
    async close() {
      await ff.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
