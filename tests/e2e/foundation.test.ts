import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from '../helpers/fixture-server.ts';
import { launchExtension, type ExtensionBrowser } from '../helpers/launch-extension.ts';
import { readHighlights, waitForHighlightCount } from '../helpers/page-highlights.ts';

const ARTIFACTS = resolve(import.meta.dirname, '../.artifacts');
const EXPECTED = [
  ['framing-lens-world-order', 'multipolar world'],
  ['framing-lens-world-order', 'multipolar world'],
  ['framing-lens-bloc-cold-war', 'zero-sum approach'],
  ['framing-lens-bloc-cold-war', 'Cold War mentality'],
  ['framing-lens-partnership', 'not directed against third countries'],
  ['framing-lens-world-order', 'true multilateralism'],
  ['framing-lens-bloc-cold-war', 'axis of autocracies'],
  ['framing-lens-bloc-cold-war', 'Cold War thinking'],
  ['framing-lens-bloc-cold-war', 'zero-sum'],
];

describe('foundation slice in real Chromium', () => {
  let browser: ExtensionBrowser;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startFixtureServer(resolve(import.meta.dirname, '../fixtures/pages'));
    browser = await launchExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('highlights the framing terms of a news article in their category colours, and nothing in form fields, editable or hidden text', async () => {
    const page = await browser.context.newPage();
    const before = await fetch(`${server.url}/article.html`).then((r) => r.text());
    await page.goto(`${server.url}/article.html`);
    await waitForHighlightCount(page, EXPECTED.length);
    const seen = await readHighlights(page);
    expect(seen.map((h) => [h.name, h.text.replace(/\s+/g, ' ')])).toEqual(EXPECTED);
    // The page's text and markup are untouched: the Highlight API paints without DOM changes.
    const html = await page.evaluate(() => document.body.innerText);
    expect(html).toContain('accused rivals of a Cold War mentality');
    expect(before.length).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS}/highlighted-article.png` });
    await page.close();
  });

  it('lists the terms of the tab in the popup with counts, shows an explanation with a corpus example, and sets the badge', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/article.html`);
    await waitForHighlightCount(page, EXPECTED.length);
    await expect.poll(() => browser.badgeOf(page), { timeout: 10_000 }).toBe(String(EXPECTED.length));

    const popup = await browser.openPopup(page);
    await expect.poll(() => popup.textContent('[data-testid="summary"]')).toMatch(/9\s+framing terms in\s+3\s+categories/);
    const terms = await popup.$$eval('.term', (els) => els.map((e) => e.textContent?.replace(/\s+/g, ' ').trim()));
    expect(terms).toEqual(expect.arrayContaining(['Multipolar world2', 'Zero-sum2', 'Cold War mentality2', 'Axis of autocracies1']));
    await popup.screenshot({ path: `${ARTIFACTS}/popup-page.png`, fullPage: true });

    await popup.getByRole('button', { name: /Cold War mentality/ }).click();
    await popup.waitForSelector('#term-title');
    expect(await popup.textContent('#term-title')).toBe('Cold War mentality');
    const example = await popup.$eval('.example', (el) => ({ sentence: el.querySelector('.sentence')?.textContent, mark: el.querySelector('mark')?.textContent, note: el.querySelector('.note')?.textContent, source: el.querySelector('.source')?.textContent }));
    expect(example.mark?.length).toBeGreaterThan(3);
    expect(example.note?.length).toBeGreaterThan(20);
    expect(example.source).toMatch(/Source:/);
    await popup.screenshot({ path: `${ARTIFACTS}/popup-term.png`, fullPage: true });
    await popup.close();
    await page.close();
  });

  it('lets no request leave the machine', () => {
    const outside = browser.requests.filter((r) => r.aborted);
    expect(outside).toEqual([]);
  });
});
