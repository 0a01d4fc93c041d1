import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countHighlights, countPixelsNear, readAllHighlights, rectOfText, waitForCount } from '../helpers/e2e-tools.ts';
import { startFixtureServer } from '../helpers/fixture-server.ts';
import { launchExtension, type ExtensionBrowser } from '../helpers/launch-extension.ts';

// Your own terms (issue 14) in real Chromium: added in the options page with the lexicon's
// variants, marked at once in an open tab, named in the popup with their own view, refused with
// a reason when they cannot be added, shared as a file, deleted.
const ARTIFACTS = resolve(import.meta.dirname, '../.artifacts');
const PAGES = resolve(import.meta.dirname, '../fixtures/pages');
/** own-terms-article.html: two lexicon terms; "responsible stakeholder" once and "responsible stakeholders" once. */
const LEXICON_TERMS = 2;

describe('your own terms in real Chromium', () => {
  let browser: ExtensionBrowser;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let article: Page;
  let options: Page;
  /** The article's tab, asked before the options page opens (its window may then be the last focused). */
  let articleTab: number;

  const errors = () => options.$$eval('[data-testid="own-errors"] li', (els) => els.map((e) => e.textContent ?? ''));
  const listed = () => options.$$eval('[data-testid="own-terms"] strong', (els) => els.map((e) => e.textContent ?? ''));
  async function addTerm(phrases: string, category: string, gloss: string) {
    await options.getByLabel('Phrases, one per line').fill(phrases);
    await options.getByLabel('Category').selectOption({ label: category });
    await options.getByLabel('Gloss: what the phrase frames, in one line').fill(gloss);
    await options.getByRole('button', { name: 'Add term' }).click();
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startFixtureServer(PAGES);
    browser = await launchExtension();
    article = await browser.context.newPage();
    await article.goto(`${server.url}/own-terms-article.html`);
    await waitForCount(article, LEXICON_TERMS);
    articleTab = await browser.tabIdOf(article);
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('#own-terms-title');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a term added in the options page is marked at once in the open tab, with its plural', async () => {
    expect(await options.textContent('[data-testid="own-terms-empty"]')).toContain('not added any terms');
    await addTerm('responsible stakeholder', 'World order and polarity', 'Asks whether a rising power will uphold the existing order; the speaker sets the test.');
    await expect.poll(() => options.textContent('[data-testid="own-notices"]')).toContain('Added “responsible stakeholder”');
    expect(await listed()).toEqual(['responsible stakeholder']);
    await waitForCount(article, LEXICON_TERMS + 2);
    const own = (await readAllHighlights(article)).filter((h) => h.text.toLowerCase().startsWith('responsible stakeholder'));
    expect(own.map((h) => [h.name, h.text])).toEqual([
      ['framing-lens-world-order', 'responsible stakeholder'],
      ['framing-lens-world-order', 'responsible stakeholders'],
    ]);
    await options.locator('.own-terms').screenshot({ path: `${ARTIFACTS}/options-own-terms.png` });
  });

  it('the popup counts it in its category and opens its own view: gloss, phrases, occurrences', async () => {
    const popup = await browser.openPopup(article);
    await popup.waitForSelector('[data-testid="summary"]');
    expect(await popup.textContent('[data-testid="summary"]')).toMatch(/4\s+framing terms/);
    await popup.getByRole('button', { name: /^responsible stakeholder/ }).click();
    await popup.waitForSelector('#term-title');
    expect(await popup.textContent('#term-title')).toBe('responsible stakeholder');
    const view = (await popup.textContent('.term-view'))!;
    expect(view).toContain('your term');
    expect(view).toContain('Asks whether a rising power will uphold the existing order');
    expect(await popup.textContent('#on-page')).toBe('On this page (2)');
    await popup.screenshot({ path: `${ARTIFACTS}/popup-own-term.png`, fullPage: true });
    await popup.close();
  });

  it.each([
    ['a lexicon phrase', 'Cold War mentality', 'is already in the lexicon as “Cold War mentality”'],
    ['common words only', 'of the', 'only common words'],
    ['a phrase it already has', 'Responsible stakeholders', 'already one of your terms'],
  ])('refuses %s, says why, and changes nothing', async (_name, phrase, message) => {
    await addTerm(phrase, 'Rivalry, blocs and Cold War framing', 'A gloss.');
    await expect.poll(errors).toEqual([expect.stringContaining(message)]);
    expect(await listed()).toEqual(['responsible stakeholder']);
    expect(await countHighlights(article)).toBe(LEXICON_TERMS + 2);
  });

  it('exports the list as a file and refuses to import a list of another version, naming it', async () => {
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export your terms' }).click();
    const file = await download;
    const saved = JSON.parse(readFileSync((await file.path())!, 'utf8'));
    expect(saved).toMatchObject({ format: 'framing-lens-terms', version: 1, terms: [{ label: 'responsible stakeholder', category: 'world-order', phrases: ['responsible stakeholder'] }] });
    const wrong = join(tmpdir(), 'framing-lens-terms-v9.json');
    writeFileSync(wrong, JSON.stringify({ ...saved, version: 9 }));
    await options.setInputFiles('input[type="file"]', wrong);
    await expect.poll(errors).toEqual(['Nothing was imported from framing-lens-terms-v9.json:', 'The term list is version 9; this Framing Lens reads version 1.']);
    expect(await listed()).toEqual(['responsible stakeholder']);
  });

  it('a deleted term leaves the open tab at once', async () => {
    await options.getByRole('button', { name: 'Delete “responsible stakeholder”' }).click();
    await waitForCount(article, LEXICON_TERMS);
    expect(await options.textContent('[data-testid="own-terms-empty"]')).toContain('not added any terms');
  });

  it('a term in a category of your own: its own colour and overline on the page, named in the popup and in an open side panel', async () => {
    const panel = await browser.openSidePanel(articleTab);
    await options.getByLabel('Phrases, one per line').fill('debt relief');
    await options.getByLabel('Category').selectOption({ label: 'A new category of your own…' });
    await options.getByLabel(/Name of your new category/).fill('Class vocabulary');
    await options.getByLabel('Gloss: what the phrase frames, in one line').fill('Week 6: who is said to relieve whom, and on what terms.');
    await options.getByRole('button', { name: 'Add term' }).click();
    await expect.poll(listed).toEqual(['debt relief']);
    expect(await options.textContent('[data-testid="own-terms"]')).toContain('Class vocabulary');
    await waitForCount(article, LEXICON_TERMS + 1);
    expect((await readAllHighlights(article)).filter((h) => h.name === 'framing-lens-yours-1').map((h) => h.text)).toEqual(['debt relief']);
    // Painted in the slot's colour (#007C89) by the shipped stylesheet: its pixels are on screen around the phrase.
    const r = (await rectOfText(article, 'debt relief'))!;
    const png = await article.screenshot({ clip: { x: r.x - 2, y: r.y - 4, width: r.width + 4, height: r.height + 8 } });
    expect(await countPixelsNear(browser.context, png, [0, 124, 137])).toBeGreaterThan(20);
    await article.screenshot({ path: `${ARTIFACTS}/own-category-page.png`, clip: { x: 0, y: Math.max(0, r.y - 60), width: 900, height: 140 } });
    // The panel that was open reads the new term and category (it reloads when they change); it
    // followed the reader to the options tab, and follows them back to the article.
    await article.bringToFront();
    await expect.poll(() => panel.$$eval('.hits .hit-meta', (els) => els.map((e) => e.textContent ?? '')).catch(() => []), { timeout: 10_000 }).toContainEqual(expect.stringContaining('debt relief · Class vocabulary'));
    await panel.close();
    const popup = await browser.openPopup(article);
    await popup.waitForSelector('[data-testid="summary"]');
    expect(await popup.textContent('main')).toContain('Class vocabulary');
    await popup.close();
  });
});
