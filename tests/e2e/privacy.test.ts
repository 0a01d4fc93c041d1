import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightNames, rectOfText, waitForCount } from '../helpers/e2e-tools.ts';
import { startFixtureServer } from '../helpers/fixture-server.ts';
import { EXTENSION_DIR, launchExtension, type ExtensionBrowser } from '../helpers/launch-extension.ts';

const PAGES = resolve(import.meta.dirname, '../fixtures/pages');
const NETWORK_API = /\bfetch\(|XMLHttpRequest|sendBeacon|new WebSocket|EventSource/g;
const LOCAL = /^(https?:\/\/127\.0\.0\.1(:\d+)?\/|chrome-extension:\/\/|data:|blob:|about:)/;

async function openTab(popup: Page, name: string): Promise<void> {
  const tab = popup.getByRole('tab', { name });
  await tab.focus();
  await popup.keyboard.press('Enter');
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
}

describe('privacy: nothing leaves the machine', () => {
  let browser: ExtensionBrowser;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;

  beforeAll(async () => {
    server = await startFixtureServer(PAGES);
    browser = await launchExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('makes no request beyond 127.0.0.1 and its own files while pages are read and the popup is used', async () => {
    const pages: [string, number][] = [['article.html', 9], ['engine-static.html', 7], ['engine-shadow.html', 2], ['popup-article.html', 7]];
    const open: Page[] = [];
    for (const [file, count] of pages) {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}/${file}`);
      await waitForCount(page, count);
      open.push(page);
    }
    const article = open[3]!;
    const popup = await browser.openPopup(article);
    // Open a term and show it in the page.
    await popup.getByRole('button', { name: /Core interests/ }).click();
    await popup.waitForSelector('#term-title');
    await popup.getByRole('button', { name: 'Show in page' }).click();
    await expect.poll(() => popup.textContent('.stepper [role="status"]')).toBe('1 of 1');
    // Toggle a category off and on.
    await openTab(popup, 'Settings');
    await popup.locator('input[data-category="partnership"]').uncheck();
    await expect.poll(() => highlightNames(article)).not.toContain('framing-lens-partnership');
    await popup.locator('input[data-category="partnership"]').check();
    await expect.poll(() => highlightNames(article)).toContain('framing-lens-partnership');
    // Search the glossary and open a result.
    await openTab(popup, 'Glossary');
    await popup.getByRole('searchbox').fill('multipolar');
    await popup.getByRole('button', { name: /^Multipolar world/ }).click();
    await popup.waitForSelector('#term-title');
    await popup.close();
    // Hover a term: the card appears, and fetches nothing either.
    const first = open[0]!;
    await first.bringToFront();
    const rect = (await rectOfText(first, 'zero-sum approach'))!;
    await first.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
    await first.waitForFunction(() => (document.querySelector('[data-framing-lens-ui]') as HTMLElement | null)?.style.display === 'block');
    for (const page of open) await page.close();

    expect(browser.requests.length).toBeGreaterThan(pages.length);
    expect(browser.requests.filter((r) => r.aborted)).toEqual([]);
    expect(browser.requests.filter((r) => !LOCAL.test(r.url)).map((r) => r.url)).toEqual([]);
    // The extension's own pages only ever load the extension's own files.
    const fromExtension = browser.requests.filter((r) => r.fromExtension);
    expect(fromExtension.length).toBeGreaterThan(0);
    expect(fromExtension.filter((r) => !r.url.startsWith(`chrome-extension://${browser.extensionId}/`)).map((r) => r.url)).toEqual([]);
  });

  it('ships no network API in any built script', () => {
    const hits: string[] = [];
    for (const file of jsFiles(EXTENSION_DIR)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(NETWORK_API)) {
        hits.push(`${relative(EXTENSION_DIR, file)}: …${text.slice(Math.max(0, m.index - 60), m.index + 40).replace(/\s+/g, ' ')}…`);
      }
    }
    expect(jsFiles(EXTENSION_DIR).length).toBeGreaterThanOrEqual(3);
    expect(hits).toEqual([]);
  });
});
