import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAllHighlights, sendToTab, serviceWorkerOf, waitForCount } from '../helpers/e2e-tools.ts';
import { startFixtureServer } from '../helpers/fixture-server.ts';
import { launchExtension, type ExtensionBrowser } from '../helpers/launch-extension.ts';

// The side panel (issue 14) in real Chromium: every highlight in page order with its sentence,
// term and voice; filters; a click marks it in the page; explanations open inside the panel; it
// follows the active tab. Headless Chromium draws no side panel, so the panel's document is loaded
// as Chrome loads it (sidepanel.html) in a window of its own beside the reader's window.
const ARTIFACTS = resolve(import.meta.dirname, '../.artifacts');
const PAGES = resolve(import.meta.dirname, '../fixtures/pages');
/** panel-article.html, in page order. */
const IN_ORDER = ['Cold War mentality', 'collective West', 'no-limits partnership', 'malign influence', 'so-called', 'debt-trap diplomacy', 'multipolar world'];

const marks = (panel: Page) => panel.$$eval('.hits .hit mark', (els) => els.map((e) => e.textContent ?? ''));
const activeText = async (page: Page) => (await readAllHighlights(page)).find((h) => h.name === 'framing-lens-active')?.text ?? '';

describe('side panel in real Chromium', () => {
  let browser: ExtensionBrowser;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let article: Page;
  let panel: Page;
  /** The article's tab (asked before the panel's window exists: that window takes the focus). */
  let tabId: number;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startFixtureServer(PAGES);
    browser = await launchExtension();
    article = await browser.context.newPage();
    await article.goto(`${server.url}/panel-article.html`);
    await waitForCount(article, IN_ORDER.length);
    tabId = await browser.tabIdOf(article);
    panel = await browser.openSidePanel(article);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists every highlight in page order with its sentence, term, category and voice', async () => {
    await expect.poll(() => marks(panel)).toEqual(IN_ORDER);
    expect(await panel.textContent('[data-testid="list-count"]')).toContain('7 highlights');
    // The voices are read once the list is up.
    await panel.waitForSelector('.voice-filter select:not([disabled])', { state: 'attached' });
    const rows = await panel.$$eval('.hits .hit', (els) => els.map((e) => ({ term: e.querySelector('.hit-meta .link')?.textContent, voice: e.querySelector('.tag')?.textContent })));
    expect(rows[0]).toEqual({ term: 'Cold War mentality', voice: 'quotation' });
    expect(rows[1]).toEqual({ term: 'Collective West', voice: 'attributed to someone' });
    expect(rows[5]).toEqual({ term: 'Debt-trap diplomacy', voice: 'distancing (scare quotes or “so-called”)' });
    expect(await panel.textContent('.hits .hit:nth-child(2) .hit-meta')).toContain('Loaded, delegitimising and euphemistic language');
    await panel.screenshot({ path: `${ARTIFACTS}/panel-list.png`, fullPage: true });
  });

  it('filters by category and by voice, with counts, and says when nothing matches', async () => {
    expect(await panel.textContent('[data-testid="filter-summary"]')).toContain('Filters: all categories, all voices');
    await panel.click('[data-testid="filter-summary"]');
    await panel.getByRole('checkbox', { name: /Loaded, delegitimising/ }).check();
    await expect.poll(() => marks(panel)).toEqual(['collective West', 'malign influence', 'so-called']);
    expect(await panel.textContent('[data-testid="list-count"]')).toContain('Showing 3 of 7 highlights');
    await panel.selectOption('.voice-filter select', 'attributed');
    await expect.poll(() => marks(panel)).toEqual(['collective West', 'malign influence']);
    expect(await panel.textContent('[data-testid="filter-summary"]')).toContain('Filters: 1 category, attributed to someone');
    await panel.screenshot({ path: `${ARTIFACTS}/panel-filtered.png`, fullPage: true });
    // A second category adds its rows; a voice no row of them has leaves a clear message.
    await panel.getByRole('checkbox', { name: /World order/ }).check();
    await expect.poll(() => marks(panel)).toEqual(['collective West', 'malign influence', 'multipolar world']);
    await panel.selectOption('.voice-filter select', 'quotation');
    await expect.poll(() => panel.textContent('main')).toContain('No highlight matches these filters.');
    await panel.selectOption('.voice-filter select', 'all');
    await panel.getByRole('checkbox', { name: /Loaded, delegitimising/ }).uncheck();
    await panel.getByRole('checkbox', { name: /World order/ }).uncheck();
    await expect.poll(() => marks(panel)).toEqual(IN_ORDER);
  });

  it('a click on a sentence scrolls the page to it and makes it the current highlight', async () => {
    // Rows that share a sentence ("so-called" and "debt-trap diplomacy") are told apart by their names.
    await panel.getByRole('button', { name: /^Show “debt-trap diplomacy” in the page/ }).click();
    await expect.poll(() => activeText(article)).toBe('debt-trap diplomacy');
    expect(await panel.getAttribute('.hit.current .hit-sentence', 'aria-current')).toBe('true');
    await panel.getByRole('button', { name: /^Show “no-limits partnership” in the page: Officials there describe/ }).click();
    await expect.poll(() => activeText(article)).toBe('no-limits partnership');
  });

  it('the term opens its full explanation inside the panel, and Back returns to the same row', async () => {
    await panel.getByRole('button', { name: 'Multipolar world', exact: true }).click();
    await expect.poll(() => panel.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    expect(await panel.textContent('main h2')).toContain('Multipolar world');
    await panel.waitForSelector('.example');
    await panel.screenshot({ path: `${ARTIFACTS}/panel-term.png` });
    await panel.getByRole('button', { name: /Back/ }).first().click();
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent)).toBe('Multipolar world');
    expect(await marks(panel)).toEqual(IN_ORDER);
  });

  it('"Explain this term" on the page\'s card opens the explanation in the panel, not a new tab', async () => {
    const worker = await serviceWorkerOf(browser.context);
    // The step shortcut moves the current highlight and shows its card with focus on "Explain this term".
    for (let i = 0; i < IN_ORDER.length && (await activeText(article)) !== 'collective West'; i++) await sendToTab(worker, tabId, 'step', { delta: 1 });
    expect(await activeText(article)).toBe('collective West');
    await article.keyboard.press('Enter');
    await expect.poll(() => panel.textContent('main h2')).toContain('Collective West');
    expect(browser.context.pages().some((p) => p.url().includes('/explain.html'))).toBe(false);
    await panel.getByRole('tab', { name: 'Highlights' }).click();
    await expect.poll(() => marks(panel)).toEqual(IN_ORDER);
  });

  it('its Summary exports the page report, as the popup does', async () => {
    await panel.getByRole('tab', { name: 'Summary' }).click();
    await panel.waitForSelector('[data-testid="summary"]');
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Markdown', exact: true }).click()]);
    const md = readFileSync((await download.path())!, 'utf8');
    expect(md).toContain('# Framing Lens report: Foreign ministers trade barbs as summit season opens');
    expect(md).toContain('### Debt-trap diplomacy');
    await panel.getByRole('tab', { name: 'Highlights' }).click();
    await expect.poll(() => marks(panel)).toEqual(IN_ORDER);
  });

  it('follows the active tab: another article, a new page in the tab, then back', async () => {
    const other = await browser.context.newPage();
    await other.goto(`${server.url}/popup-article.html`);
    await waitForCount(other, 7);
    await other.bringToFront();
    await expect.poll(() => marks(panel)).toEqual(['multipolar world', 'multipolar world', 'Cold War mentality', 'hegemony', 'mutual respect', 'collective West', 'core interests']);
    // A page without terms loads in that tab: the panel says so.
    await other.goto(`${server.url}/popup-plain.html`);
    await expect.poll(() => panel.textContent('main')).toContain('No framing terms');
    await article.bringToFront();
    await expect.poll(() => marks(panel)).toEqual(IN_ORDER);
    await other.close();
  });

  it('the popup opens the side panel in the reader\'s window, from the click itself', async () => {
    const worker = await serviceWorkerOf(browser.context);
    const windowId = await worker.evaluate(async (id) => (await (globalThis as unknown as { chrome: { tabs: { get(id: number): Promise<{ windowId: number }> } } }).chrome.tabs.get(id)).windowId, tabId);
    // (openPopup would ask for the last focused window's tab: the panel's window has the focus.)
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('html[data-ready="true"]');
    // Record what the popup asks of Chrome's sidePanel API, then let Chrome do it.
    const calls: unknown[] = [];
    await popup.exposeFunction('recordPanelCall', (o: unknown) => void calls.push(o));
    await popup.evaluate(() => {
      const api = (globalThis as unknown as { chrome: { sidePanel: { open(o: unknown): Promise<void> } } }).chrome.sidePanel;
      const open = api.open.bind(api);
      api.open = (o) => {
        (globalThis as unknown as { recordPanelCall(o: unknown): void }).recordPanelCall(o);
        return open(o);
      };
    });
    await popup.getByRole('button', { name: 'Open the side panel' }).click();
    await expect.poll(() => calls).toEqual([{ windowId }]);
    // Chrome opened it: the popup closes itself, as it does once the panel is there.
    await expect.poll(() => popup.isClosed()).toBe(true);
  });
});
