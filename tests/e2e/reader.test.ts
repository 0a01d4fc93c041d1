import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import glossary from '../../lexicon/generated/glossary.json';
import lexiconJson from '../../lexicon/generated/lexicon.json';
import type { FullLexicon, GlossaryLexicon } from '../../lib/lexicon/schema.ts';
import { cardShown, cardText, countHighlights, highlightNames, hover, readAllHighlights, sendToTab, serviceWorkerOf, waitForCount } from '../helpers/e2e-tools.ts';
import { extensionOnPage, type ExtensionOnPage } from '../helpers/extension-on-page.ts';
import type { ExtensionBrowser } from '../helpers/launch-extension.ts';

// The reader-experience issue, item by item, in real Chromium: a readable popup at any width, a
// card that goes away, keyboard paths into the page and the popup, one reused explanation tab,
// the real shortcuts, muting end to end, the first-run and options pages.
const ARTIFACTS = resolve(import.meta.dirname, '../.artifacts');
const PAGES = resolve(import.meta.dirname, '../fixtures/pages');
const lexicon = glossary as GlossaryLexicon;
const full = lexiconJson as unknown as FullLexicon;
/** popup-article.html: 7 framing terms in 6 categories. */
const ARTICLE_TERMS = 7;

declare const chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };

/** Steps the current term with the next-term command (as the shortcut does) until `wanted` holds for its text; the card then has focus. */
async function stepTo(page: Page, tabId: number, wanted: (text: string) => boolean): Promise<string> {
  const worker = await serviceWorkerOf(page.context());
  for (let i = 0; i < 12; i++) {
    await sendToTab(worker, tabId, 'step', { delta: 1 });
    let text = '';
    await expect.poll(async () => (text = (await readAllHighlights(page)).find((h) => h.name === 'framing-lens-active')?.text ?? '')).not.toBe('');
    if (wanted(text)) return text;
  }
  throw new Error('no such term to step to');
}

describe('reader experience in real Chromium', () => {
  let setup: ExtensionOnPage;
  let browser: ExtensionBrowser;
  let server: ExtensionOnPage['server'];
  let article: Page;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    setup = await extensionOnPage(PAGES, 'popup-article.html', ARTICLE_TERMS);
    ({ browser, server, article } = setup);
  });
  afterAll(async () => {
    await setup?.close();
  });

  it('the first install opens the first-run page: framing not falsehood, how to read, privacy', async () => {
    expect(browser.welcomed).toBe(`chrome-extension://${browser.extensionId}/welcome.html`);
    const page = await browser.context.newPage();
    await page.goto(browser.welcomed!);
    const text = (await page.textContent('main'))!;
    expect(text).toContain('framing, not falsehood');
    expect(text).toContain('How to read an explanation');
    expect(text).toContain('makes no network requests');
    expect(await page.$$eval('.legend li', (els) => els.length)).toBe(lexicon.categories.length);
    // The sample sentence is painted with the families' real categories.
    expect(await page.$$eval('[data-testid="sample"] mark', (els) => els.map((e) => e.getAttribute('data-term')))).toEqual(['cold-war-mentality', 'multipolar-world', 'malign-influence', 'debt-trap-diplomacy']);
    await page.screenshot({ path: `${ARTIFACTS}/welcome.png`, fullPage: true });
    await page.close();
  });

  it('popup text is 14 px: term names are not smaller than their glosses, quotes not smaller than source lines', async () => {
    const popup = await browser.openPopup(article);
    const size = (selector: string) => popup.$eval(selector, (el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(await size('body')).toBe(14);
    await popup.getByRole('tab', { name: 'Glossary' }).click();
    expect(await size('.term .term-label')).toBeGreaterThanOrEqual(await size('.term .block'));
    expect(await size('.term .term-label')).toBeGreaterThanOrEqual(13);
    await popup.getByRole('button', { name: /^Cold War mentality/ }).click();
    await popup.waitForSelector('.example .source');
    expect(await size('.example .sentence')).toBeGreaterThanOrEqual(await size('.example .source'));
    await popup.close();
  });

  for (const width of [320, 260]) {
    it(`at ${width} px nothing is cut: no sideways scrolling, counts and bars inside the window, labels whole`, async () => {
      const popup = await browser.openPopup(article);
      await popup.setViewportSize({ width, height: 600 });
      await expect.poll(() => popup.textContent('[data-testid="summary"]')).toMatch(/7\s+framing terms/);
      for (const tab of ['This page', 'Glossary', 'Settings']) {
        await popup.getByRole('tab', { name: tab }).click();
        const layout = await popup.evaluate(() => {
          const root = document.scrollingElement!;
          const right = Math.max(...[...document.querySelectorAll('.count, .bar, .row-label, .term, .switch, .tab')].map((e) => e.getBoundingClientRect().right));
          const cut = [...document.querySelectorAll('.row-label, .term-label, .chip, .tab')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent);
          return { overflow: root.scrollWidth - root.clientWidth, right, width: window.innerWidth, cut };
        });
        expect(layout.overflow, tab).toBeLessThanOrEqual(0);
        expect(layout.right, tab).toBeLessThanOrEqual(layout.width);
        expect(layout.cut, tab).toEqual([]);
      }
      await popup.getByRole('tab', { name: 'This page' }).click();
      await popup.screenshot({ path: `${ARTIFACTS}/popup-${width}.png`, fullPage: true });
      await popup.close();
    });
  }

  it('tabs follow the ARIA pattern: tabpanel, aria-controls, arrow keys, Home and End', async () => {
    const popup = await browser.openPopup(article);
    const selected = () => popup.$eval('[role="tab"][aria-selected="true"]', (el) => el.textContent);
    expect(await popup.$eval('[role="tabpanel"]', (el) => el.getAttribute('aria-labelledby'))).toBe('tab-page');
    expect(await popup.$$eval('[role="tab"]', (els) => els.map((e) => [e.getAttribute('aria-controls'), e.getAttribute('tabindex')]))).toEqual([['panel', '0'], ['panel', '-1'], ['panel', '-1']]);
    await popup.getByRole('tab', { name: 'This page' }).focus();
    await popup.keyboard.press('ArrowRight');
    expect(await selected()).toBe('Glossary');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Glossary');
    await popup.keyboard.press('End');
    expect(await selected()).toBe('Settings');
    await popup.keyboard.press('ArrowRight');
    expect(await selected()).toBe('This page');
    await popup.keyboard.press('ArrowLeft');
    expect(await selected()).toBe('Settings');
    await popup.keyboard.press('Home');
    expect(await selected()).toBe('This page');
    await popup.close();
  });

  it('a term opens at its top with focus on its title; Back returns to the same place and the same term', async () => {
    const popup = await browser.openPopup(article);
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByRole('tab', { name: 'Glossary' }).click();
    // A term far down the glossary, reached from the keyboard.
    const target = popup.getByRole('button', { name: /^Axis of autocracies/ });
    await target.focus();
    await target.scrollIntoViewIfNeeded();
    const before = await popup.evaluate(() => document.scrollingElement!.scrollTop);
    expect(before).toBeGreaterThan(300);
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.term-view');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('term-title');
    expect(await popup.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
    const title = (await popup.locator('#term-title').boundingBox())!;
    expect(title.y).toBeGreaterThanOrEqual(0);
    expect(title.y).toBeLessThan(600);
    await popup.getByRole('button', { name: '← Back' }).click();
    await expect.poll(() => popup.evaluate(() => document.scrollingElement!.scrollTop)).toBe(before);
    expect(await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focusKey)).toBe('term:axis-of-autocracies');
    await popup.close();
  });

  it('the hover card goes away: pointer leaves, scroll, Escape, its category hidden, the style changed', async () => {
    await article.bringToFront();
    await article.evaluate(() => window.scrollTo(0, 0));
    await hover(article, 'Cold War mentality');
    // Pointer moves to plain text far from the term and the card.
    await article.mouse.move(20, 500);
    await expect.poll(() => cardShown(article)).toBe(false);
    await hover(article, 'Cold War mentality');
    await article.mouse.wheel(0, 200);
    await expect.poll(() => cardShown(article)).toBe(false);
    await article.evaluate(() => window.scrollTo(0, 0));
    await hover(article, 'Cold War mentality');
    await article.keyboard.press('Escape');
    await expect.poll(() => cardShown(article)).toBe(false);
    const popup = await browser.openPopup(article);
    await popup.getByRole('tab', { name: 'Settings' }).click();
    await article.bringToFront();
    await hover(article, 'Cold War mentality');
    await popup.locator('input[data-category="bloc-cold-war"]').uncheck();
    await expect.poll(() => cardShown(article)).toBe(false);
    // Each change lands (storage, the page, the popup's own copy) before the next one is made.
    await expect.poll(() => highlightNames(article)).not.toContain('framing-lens-bloc-cold-war');
    await popup.locator('input[data-category="bloc-cold-war"]').check();
    await expect.poll(() => highlightNames(article)).toContain('framing-lens-bloc-cold-war');
    await article.bringToFront();
    await hover(article, 'Cold War mentality');
    await popup.getByLabel('Underline only').check();
    await expect.poll(() => cardShown(article)).toBe(false);
    await expect.poll(() => highlightNames(article)).toContain('framing-lens-bloc-cold-war-underline');
    await popup.getByLabel('Tinted background').check();
    await expect.poll(() => highlightNames(article)).toContain('framing-lens-bloc-cold-war');
    await popup.close();
  });

  it('the card says what the phrase is: label, category, gloss, the original and why, its texts asked from the background', async () => {
    await hover(article, 'Cold War mentality');
    const term = full.terms.find((t) => t.id === 'cold-war-mentality')!;
    await expect.poll(() => cardText(article)).toContain(term.gloss);
    const text = await cardText(article);
    expect(text).toContain(term.label);
    expect(text).toContain(lexicon.categories.find((c) => c.id === term.category)!.label);
    expect(text).toContain('冷战思维 lěngzhàn sīwéi');
    expect(text).toContain('Matches “Cold War mentality”');
    // Another term: its own texts, not the first one's.
    await hover(article, 'collective West');
    const other = full.terms.find((t) => t.id === 'collective-west')!;
    await expect.poll(() => cardText(article)).toContain(other.gloss);
    expect(await cardText(article)).not.toContain(term.gloss);
    await article.mouse.move(5, 5);
    await expect.poll(() => cardShown(article)).toBe(false);
  });

  it('keyboard readers reach a term on the page: focusing a highlighted link shows its card', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/engine-static.html`);
    await waitForCount(page, 7);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('core interests');
    await expect.poll(() => cardShown(page)).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/card-focus.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => cardShown(page)).toBe(false);
    await page.close();
  });

  it('the current-term mark goes with its hidden category, and the badge and summary leave the category out', async () => {
    const worker = await serviceWorkerOf(browser.context);
    const tabId = await browser.tabIdOf(article);
    await expect.poll(() => browser.badgeOf(article)).toBe(String(ARTICLE_TERMS));
    // Step to the first term (world order) and make it current.
    await sendToTab(worker, tabId, 'step', { delta: 1 });
    await expect.poll(async () => (await readAllHighlights(article)).filter((h) => h.name === 'framing-lens-active').map((h) => h.text)).toEqual(['multipolar world']);
    await article.keyboard.press('Escape');
    const popup = await browser.openPopup(article);
    await popup.getByRole('tab', { name: 'Settings' }).click();
    await popup.locator('input[data-category="world-order"]').uncheck();
    await expect.poll(async () => (await readAllHighlights(article)).filter((h) => h.name === 'framing-lens-active')).toEqual([]);
    await expect.poll(() => browser.badgeOf(article)).toBe(String(ARTICLE_TERMS - 2));
    await popup.getByRole('tab', { name: 'This page' }).click();
    await expect.poll(() => popup.textContent('[data-testid="summary"]')).toMatch(/5\s+framing terms in\s+5\s+categories/);
    await popup.getByRole('tab', { name: 'Settings' }).click();
    await popup.locator('input[data-category="world-order"]').check();
    await expect.poll(() => browser.badgeOf(article)).toBe(String(ARTICLE_TERMS));
    await popup.close();
  });

  it('shortcuts: the settings show the keys the browser really bound, and none is unbound', async () => {
    const worker = await serviceWorkerOf(browser.context);
    const bound = await worker.evaluate(() => chrome.commands.getAll());
    expect(bound.map((c) => [c.name, c.shortcut])).toEqual([
      ['_execute_action', 'Alt+Shift+L'],
      ['next-term', 'Alt+Shift+J'],
      ['previous-term', 'Alt+Shift+K'],
    ]);
    const popup = await browser.openPopup(article);
    await popup.getByRole('tab', { name: 'Settings' }).click();
    const lines = await popup.$$eval('[data-testid="shortcuts"] li', (els) => els.map((e) => e.textContent?.replace(/\s+/g, ' ').trim()));
    expect(lines).toEqual(['Open Framing Lens for this page Alt+Shift+L', 'Go to the next framing term on the page Alt+Shift+J', 'Go to the previous framing term on the page Alt+Shift+K']);
    expect(await popup.textContent('form.settings')).toContain('chrome://extensions/shortcuts');
    await popup.close();
  });

  it('"Explain this term" opens one full-width explanation tab and reuses it, listing the occurrences of the page it came from', async () => {
    const worker = await serviceWorkerOf(browser.context);
    const tabId = await browser.tabIdOf(article);
    const explainTabs = () => browser.context.pages().filter((p) => p.url().includes('/explain.html'));
    // The step shortcut shows the card with focus on its first button, "Explain this term".
    await sendToTab(worker, tabId, 'step', { delta: 1 });
    await expect.poll(() => cardShown(article)).toBe(true);
    await article.keyboard.press('Enter');
    await expect.poll(() => explainTabs().length).toBe(1);
    const explain = explainTabs()[0]!;
    await explain.waitForSelector('#term-title');
    const first = await explain.textContent('#term-title');
    await explain.setViewportSize({ width: 1100, height: 800 });
    expect(await explain.evaluate(() => document.querySelector('.popup')!.getBoundingClientRect().width)).toBeGreaterThan(700);
    // Its page section is about the article, not about itself.
    await expect.poll(() => explain.textContent('#on-page').catch(() => '')).toMatch(/^On the page you came from \(\d+\)$/);
    expect(await explain.textContent('main')).not.toContain('cannot read this kind of page');
    // Muting from here applies to the site of that page.
    expect(await explain.getByRole('button', { name: 'Mute on 127.0.0.1' }).count()).toBe(1);
    // Another term from the card: the same tab shows it.
    await article.bringToFront();
    await stepTo(article, tabId, (text) => text.toLowerCase() !== first!.toLowerCase());
    await expect.poll(() => cardShown(article)).toBe(true);
    await article.keyboard.press('Enter');
    await expect.poll(() => explain.textContent('#term-title')).not.toBe(first);
    expect(explainTabs()).toHaveLength(1);
    // Still reading the same page (Chrome's tab ids run past ten million: they are not small indices).
    expect(new URL(explain.url()).searchParams.get('tabId')).toBe(String(tabId));
    expect(await explain.getByRole('button', { name: 'Mute on 127.0.0.1' }).count()).toBe(1);
    await explain.screenshot({ path: `${ARTIFACTS}/explain.png` });
    await explain.close();
  });

  it('mute: from the card on this site, listed in Settings with Unmute; from the term view everywhere, with Undo', async () => {
    const tabId = await browser.tabIdOf(article);
    await article.evaluate(() => window.scrollTo(0, 0));
    // Card by keyboard on the first term, "multipolar world" (2 on the page): Tab to "Mute on this site".
    await stepTo(article, tabId, (text) => text === 'multipolar world');
    await article.screenshot({ path: `${ARTIFACTS}/card-buttons.png` });
    await article.keyboard.press('Tab');
    await article.keyboard.press('Enter');
    await waitForCount(article, ARTICLE_TERMS - 2);
    expect((await readAllHighlights(article)).map((h) => h.text)).not.toContain('multipolar world');
    const popup = await browser.openPopup(article);
    await popup.getByRole('tab', { name: 'Settings' }).click();
    expect(await popup.$$eval('[data-testid="muted-list"] li', (els) => els.map((e) => e.textContent?.replace(/\s+/g, ' ').trim()))).toEqual(['Multipolar world on 127.0.0.1Unmute']);
    await popup.screenshot({ path: `${ARTIFACTS}/popup-muted.png`, fullPage: true });
    await popup.getByRole('button', { name: 'Unmute Multipolar world on 127.0.0.1' }).click();
    await waitForCount(article, ARTICLE_TERMS);
    // From the term view: everywhere, then Undo.
    await popup.getByRole('tab', { name: 'This page' }).click();
    await popup.getByRole('button', { name: /^Hegemony/ }).click();
    await popup.getByRole('button', { name: 'Mute everywhere' }).click();
    await waitForCount(article, ARTICLE_TERMS - 1);
    await expect.poll(() => popup.textContent('[data-testid="mute"]')).toContain('You muted this term everywhere');
    await expect.poll(() => popup.textContent('.toast')).toContain('“Hegemony” is muted everywhere.');
    await popup.screenshot({ path: `${ARTIFACTS}/popup-mute-undo.png` });
    await popup.getByRole('button', { name: 'Undo' }).click();
    await waitForCount(article, ARTICLE_TERMS);
    expect(await popup.$('.toast')).toBeNull();
    await popup.close();
  });

  it('the term view says why each occurrence fired, and how the family is read', async () => {
    const popup = await browser.openPopup(article);
    await popup.getByRole('button', { name: /^Core interests/ }).click();
    await popup.waitForSelector('[data-testid="why"]');
    expect(await popup.textContent('[data-testid="why"]')).toBe('Matches “core interests”; international context: “minister” in the same sentence.');
    expect(await popup.getAttribute('.reading', 'data-reading')).toBe('contextual');
    // Its originals, each with romanisation and the bilingual source of the pairing.
    await popup.getByRole('button', { name: '← Back' }).click();
    await popup.getByRole('button', { name: /^Cold War mentality/ }).click();
    await popup.waitForSelector('[data-testid="originals"]');
    const original = (await popup.textContent('[data-testid="originals"] li[lang="zh"]'))!;
    expect(original).toContain('冷战思维');
    expect(original).toContain('lěngzhàn sīwéi');
    await popup.close();
  });

  it('the legend and the corpora are explained in the popup', async () => {
    const popup = await browser.openPopup(article);
    await popup.getByText('What the colours and lines mean').click();
    expect(await popup.$$eval('.legend li', (els) => els.length)).toBe(lexicon.categories.length);
    await popup.getByText('What are the corpora?').click();
    const note = (await popup.textContent('.corpus-note'))!;
    for (const c of lexicon.corpora) expect(note).toContain(c.label);
    expect(note).toMatch(/5 documents/);
    await popup.close();
  });

  it('glossary: search reads the explanations ("Beijing" finds every term whose explanation names it) and helps when nothing matches', async () => {
    const popup = await browser.openPopup();
    await popup.getByRole('tab', { name: 'Glossary' }).click();
    await expect.poll(() => popup.textContent('[role="status"]')).not.toContain('loading');
    await popup.getByRole('searchbox').fill('Beijing');
    const expected = full.terms.filter((t) => [t.meaning, t.presupposes, t.origin, t.users, t.neutral, ...t.questions, t.gloss, t.label].join(' ').includes('Beijing')).length;
    await expect.poll(() => popup.textContent('[role="status"]')).toMatch(new RegExp(`^(\\d+) of ${lexicon.terms.length} terms$`));
    const shown = Number((await popup.textContent('[role="status"]'))!.split(' ')[0]);
    expect(shown).toBeGreaterThanOrEqual(expected);
    await popup.getByRole('searchbox').fill('quantum chromodynamics');
    await expect.poll(() => popup.textContent('.no-results').catch(() => '')).toContain('Nothing in the lexicon matches “quantum chromodynamics”');
    await popup.getByRole('button', { name: 'Clear the search' }).click();
    await expect.poll(() => popup.getByRole('searchbox').inputValue()).toBe('');
    await popup.close();
  });

  it('the options page holds every setting, the muted terms and the shortcuts, and changes follow in open tabs', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.waitForSelector('html[data-ready="true"]');
    const manifest = await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { options_ui?: unknown } } } }).chrome.runtime.getManifest());
    expect(manifest.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
    const text = (await page.textContent('main'))!;
    for (const part of ['Highlight framing terms', 'Categories', 'Show the count on the toolbar button', 'Underline only', 'Muted terms', 'Keyboard shortcuts']) expect(text).toContain(part);
    await page.locator('input[data-category="partnership"]').uncheck();
    await expect.poll(() => highlightNames(article)).not.toContain('framing-lens-partnership');
    await page.locator('input[data-category="partnership"]').check();
    await expect.poll(() => countHighlights(article)).toBe(ARTICLE_TERMS);
    await page.screenshot({ path: `${ARTIFACTS}/options.png`, fullPage: true });
    await page.close();
  });
});
