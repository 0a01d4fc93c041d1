import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPixelsNear, extensionTrouble, readAllHighlights, rectOfText, sendToTab, serviceWorkerOf, waitForCount, WORLD_ORDER_ON_WHITE } from '../helpers/e2e-tools.ts';
import { startFixtureServer } from '../helpers/fixture-server.ts';
import { launchExtension, type ExtensionBrowser } from '../helpers/launch-extension.ts';
import { readHighlights } from '../helpers/page-highlights.ts';

const ARTIFACTS = resolve(import.meta.dirname, '../.artifacts');
const PAGES = resolve(import.meta.dirname, '../fixtures/pages');
const STRICT_CSP = "default-src 'none'; style-src 'none'; script-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

const pairs = (list: { name: string; text: string }[]) => list.map((h) => [h.name, h.text.replace(/\s+/g, ' ')]);

describe('page engine in real Chromium', () => {
  let browser: ExtensionBrowser;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startFixtureServer(PAGES, { '/engine-csp.html': { 'content-security-policy': STRICT_CSP } });
    browser = await launchExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('matches phrases split by inline markup and links, never across paragraphs', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/engine-inline.html`);
    await waitForCount(page, 2);
    expect(pairs(await readHighlights(page))).toEqual([
      ['framing-lens-bloc-cold-war', 'Cold War mentality'],
      ['framing-lens-world-order', 'true multilateralism'],
    ]);
    const where = await readAllHighlights(page);
    expect(where.map((h) => h.within).sort()).toEqual(['em', 'link']);
    expect(where.some((h) => /mutual|respect/.test(h.text))).toBe(false);
    await page.close();
  });

  it('highlights content added late and by an infinite scroll, drops removed content and rescans edited text', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/engine-late.html`);
    // 1 at load, 1 after 300 ms, then 50 appended one timer at a time.
    await page.waitForFunction(() => document.body.dataset.feedDone === 'true');
    await waitForCount(page, 52);
    const seen = await readHighlights(page);
    expect(seen.filter((h) => h.text === 'zero-sum game')).toHaveLength(50);
    expect(seen.map((h) => h.text)).toContain('Cold War mentality');

    // Removed content drops its highlights.
    await page.evaluate(() => document.getElementById('late')!.remove());
    await waitForCount(page, 51);
    await page.evaluate(() => {
      for (const el of [...document.querySelectorAll('.item')].slice(0, 10)) el.remove();
    });
    await waitForCount(page, 41);
    expect((await readHighlights(page)).map((h) => h.text)).not.toContain('Cold War mentality');

    // Text edited in place (characterData) is rescanned: a term appears, then another one goes.
    await page.evaluate(() => {
      (document.getElementById('edit')!.firstChild as Text).data = 'The weather in the capital was mild and the envoys spoke of double standards on human rights.';
    });
    await waitForCount(page, 42);
    expect(pairs(await readHighlights(page))).toContainEqual(['framing-lens-hegemony', 'double standards']);
    await page.evaluate(() => {
      (document.getElementById('first')!.firstChild as Text).data = 'The summit praised the weather in its opening statement.';
    });
    await waitForCount(page, 41);
    expect((await readHighlights(page)).map((h) => h.text)).not.toContain('multipolar world');
    await page.close();
  });

  it('follows single-page-app navigation: new URL and new article → only the new terms, in the page and in the popup', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/engine-spa.html`);
    await waitForCount(page, 2);
    await page.evaluate(() => (window as unknown as { navigateTo(p: string): void }).navigateTo('/story/2'));
    expect(page.url()).toBe(`${server.url}/story/2`);
    await page.waitForFunction(() => {
      const names = [...(CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights].filter(([n, h]) => n.startsWith('framing-lens-') && n !== 'framing-lens-active' && h.size > 0).map(([n]) => n);
      return names.length === 2 && names.includes('framing-lens-hegemony') && names.includes('framing-lens-security-doctrine');
    }, undefined, { timeout: 15_000, polling: 50 });
    await waitForCount(page, 2);
    expect(pairs(await readHighlights(page))).toEqual([
      ['framing-lens-hegemony', 'hegemony'],
      ['framing-lens-security-doctrine', 'core interests'],
    ]);
    const popup = await browser.openPopup(page);
    await expect.poll(() => popup.textContent('[data-testid="summary"]')).toMatch(/2\s+framing terms in\s+2\s+categories/);
    const terms = await popup.$$eval('.term', (els) => els.map((e) => e.textContent?.replace(/\s+/g, ' ').trim()));
    expect(terms).toEqual(expect.arrayContaining(['Hegemony1', 'Core interests1']));
    expect(terms.some((t) => /Multipolar|Cold War/.test(t ?? ''))).toBe(false);
    await popup.close();
    await page.close();
  });

  it('paints under a strict CSP with Trusted Types (colours from the manifest CSS), without console errors', async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(`${server.url}/engine-csp.html`);
    expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
    await waitForCount(page, 3);
    expect(pairs(await readHighlights(page))).toEqual([
      ['framing-lens-bloc-cold-war', 'zero-sum approach'],
      ['framing-lens-world-order', 'multipolar world'],
      ['framing-lens-hegemony', 'hegemony'],
    ]);
    // The colour really is painted: the world-order tint shows in the pixels of the term.
    const rect = (await rectOfText(page, 'multipolar world'))!;
    const shot = await page.screenshot({ path: `${ARTIFACTS}/engine-csp.png`, clip: rect });
    expect(await countPixelsNear(browser.context, shot, WORLD_ORDER_ON_WHITE)).toBeGreaterThan(rect.width * rect.height * 0.3);
    // The hover card (CSSOM styles, closed shadow root) works under the same policy.
    await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
    await page.waitForFunction(() => (document.querySelector('[data-framing-lens-ui]') as HTMLElement | null)?.style.display === 'block');
    const box = await page.locator('[data-framing-lens-ui]').boundingBox();
    expect(box?.width).toBeGreaterThan(50);
    expect(extensionTrouble(browser, 'engine-csp').errors).toEqual([]);
    await page.close();
  });

  it('highlights terms in an open shadow root and in a same-origin iframe', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/engine-shadow.html`);
    await waitForCount(page, 2);
    const top = await readAllHighlights(page);
    expect(top.map((h) => [h.name, h.text]).sort()).toEqual([
      ['framing-lens-loaded-language', 'collective West'],
      ['framing-lens-partnership', 'mutual respect'],
    ]);
    expect(top.find((h) => h.text === 'collective West')?.within).toBe('card');
    const frame = page.frames()[1]!;
    expect(frame.url()).toBe(`${server.url}/engine-frame.html`);
    await waitForCount(frame, 1);
    expect((await readAllHighlights(frame)).map((h) => [h.name, h.text])).toEqual([['framing-lens-security-doctrine', 'core interests']]);
    await page.screenshot({ path: `${ARTIFACTS}/engine-shadow.png` });
    await page.close();
  });

  it('a frame without text waits, and is highlighted once a script writes text into it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/engine-late-frame.html`);
    await waitForCount(page, 1);
    const frame = page.frames().find((f) => f.url().endsWith('/engine-ad-slot.html'))!;
    await frame.waitForLoadState();
    // Long enough for the content script to have run there and found nothing to read.
    await page.waitForTimeout(1000);
    expect(await readAllHighlights(frame)).toEqual([]);
    await frame.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Sponsored analysis: why the collective West keeps losing the Global South.';
      document.getElementById('slot')!.append(p);
    });
    await waitForCount(frame, 2);
    // In registry order (by category), not page order.
    expect((await readAllHighlights(frame)).map((h) => [h.name, h.text]).sort()).toEqual([
      ['framing-lens-loaded-language', 'collective West'],
      ['framing-lens-world-order', 'Global South'],
    ]);
    expect(extensionTrouble(browser, 'engine-late-frame').errors).toEqual([]);
    await page.close();
  });

  it('never highlights textareas, inputs or editable regions, even when the reader types a term', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/engine-editable.html`);
    await waitForCount(page, 1);
    await page.click('#typing p');
    await page.keyboard.press('End');
    await page.keyboard.type('the collective West and a Cold War mentality');
    expect(await page.textContent('#typing')).toContain('Cold War mentality');
    await page.fill('#in', 'zero-sum approach');
    // A later prose change proves the scanner has processed the typing batches by now.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'after';
      p.textContent = 'Afterwards the article mentioned Washington’s hegemony in Asia.';
      document.body.appendChild(p);
    });
    await waitForCount(page, 2);
    const seen = await readAllHighlights(page);
    expect(seen.map((h) => [h.within, h.text])).toEqual(expect.arrayContaining([['prose', 'multipolar world'], ['after', 'hegemony']]));
    expect(seen).toHaveLength(2);
    await page.close();
  });

  it('drops the highlights of a region that becomes editable once the reader types in it (no stale, shifted ranges)', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/engine-edit-later.html`);
    await waitForCount(page, 2);
    await page.evaluate(() => (window as unknown as { startEditing(): void }).startEditing());
    // Type at the very start of the paragraph: the text node's offsets all move by 4.
    await page.click('#draft');
    await page.keyboard.press('Home');
    await page.keyboard.type('Our ');
    expect(await page.textContent('#draft')).toBe('Our The draft condemned US hegemony in plain words.');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'after';
      p.textContent = 'Afterwards the article mentioned the collective West.';
      document.body.appendChild(p);
    });
    await expect.poll(async () => (await readAllHighlights(page)).some((h) => h.within === 'after')).toBe(true);
    const seen = await readAllHighlights(page);
    // Expected: nothing inside the now-editable region; in particular no range painting the wrong text.
    expect(seen.filter((h) => h.within === 'draft' || h.within === 'cms')).toEqual([]);
    await page.close();
  });

  it('leaves the page DOM exactly as served', async () => {
    const page = await browser.context.newPage();
    const source = await fetch(`${server.url}/engine-static.html`).then((r) => r.text());
    await page.goto(`${server.url}/engine-static.html`);
    await waitForCount(page, 7);
    const [served, live] = await page.evaluate((html) => {
      const parsed = new DOMParser().parseFromString(html, 'text/html');
      return [
        { head: parsed.head.innerHTML, body: parsed.body.innerHTML },
        { head: document.head.innerHTML, body: document.body.innerHTML },
      ];
    }, source);
    expect(live.body).toBe(served.body);
    expect(live.head).toBe(served.head);
    await page.close();
  });

  it('shows the hover card over a term, and the step message activates exactly one range', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/engine-static.html`);
    await waitForCount(page, 7);
    expect(await page.$('[data-framing-lens-ui]')).toBeNull();
    const rect = (await rectOfText(page, 'mutual respect'))!;
    await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
    await page.waitForFunction(() => (document.querySelector('[data-framing-lens-ui]') as HTMLElement | null)?.style.display === 'block');
    const host = await page.$eval('[data-framing-lens-ui]', (el) => ({ parent: el.parentElement?.localName, open: el.shadowRoot !== null }));
    expect(host).toEqual({ parent: 'html', open: false });
    const box = (await page.locator('[data-framing-lens-ui]').boundingBox())!;
    expect(box.width).toBeGreaterThan(50);
    expect(box.height).toBeGreaterThan(30);
    // Placed just below the term.
    expect(box.y).toBeGreaterThanOrEqual(rect.y + rect.height - 1);
    await page.screenshot({ path: `${ARTIFACTS}/engine-hover.png` });

    const worker = await serviceWorkerOf(browser.context);
    const tabId = await browser.tabIdOf(page);
    const reply = await sendToTab(worker, tabId, 'step', { delta: 1 });
    expect(reply).toEqual({ res: true });
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('framing-lens-active')?.size === 1);
    let active = (await readAllHighlights(page)).filter((h) => h.name === 'framing-lens-active');
    expect(active.map((h) => h.text)).toEqual(['multipolar world']);
    await sendToTab(worker, tabId, 'step', { delta: 1 });
    await expect.poll(async () => (await readAllHighlights(page)).filter((h) => h.name === 'framing-lens-active').map((h) => h.text)).toEqual(['mutual respect']);
    await sendToTab(worker, tabId, 'step', { delta: -1 });
    await sendToTab(worker, tabId, 'step', { delta: -1 });
    // Wraps around to the last term.
    await expect.poll(async () => (await readAllHighlights(page)).filter((h) => h.name === 'framing-lens-active').map((h) => h.text)).toEqual(['zero-sum']);
    active = (await readAllHighlights(page)).filter((h) => h.name === 'framing-lens-active');
    expect(active).toHaveLength(1);
    // A malformed step is refused.
    expect(await sendToTab(worker, tabId, 'step', { delta: 5 })).toEqual({ res: false });
    await page.close();
  });
});
