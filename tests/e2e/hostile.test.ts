import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countHighlights, extensionTrouble, readAllHighlights, rectOfText, waitForCount } from '../helpers/e2e-tools.ts';
import { findChromium } from '../helpers/find-chromium.ts';
import { startFixtureServer } from '../helpers/fixture-server.ts';
import { launchExtension, type ExtensionBrowser } from '../helpers/launch-extension.ts';

const ARTIFACTS = resolve(import.meta.dirname, '../.artifacts');
const PAGES = resolve(import.meta.dirname, '../fixtures/pages');
const FILLER = 'The river ran past the old mill and the bakers sold warm bread while the weather stayed mild. ';

/** Records the document's text and element count at DOMContentLoaded, before the content script (document_idle). */
const SNAPSHOT = () => {
  document.addEventListener('DOMContentLoaded', () => {
    const w = window as unknown as { __before: { text: string; elements: number } };
    w.__before = { text: document.documentElement.textContent ?? '', elements: document.getElementsByTagName('*').length };
  });
};

async function unchanged(target: Page | Frame): Promise<{ sameText: boolean; sameElements: boolean }> {
  return target.evaluate(() => {
    const before = (window as unknown as { __before?: { text: string; elements: number } }).__before;
    // Our hover card host is outside the page's content and carries the UI attribute.
    const elements = [...document.getElementsByTagName('*')].filter((e) => !e.closest('[data-framing-lens-ui]')).length;
    return { sameText: before?.text === document.documentElement.textContent, sameElements: before?.elements === elements };
  });
}

describe('hostile and unusual pages', () => {
  let browser: ExtensionBrowser;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let generated: Awaited<ReturnType<typeof startFixtureServer>>;
  let dir: string;
  let hugeTerms = 0;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startFixtureServer(PAGES);
    dir = mkdtempSync(join(tmpdir(), 'framing-lens-hostile-'));
    // One text node of ~3 MB with a term every ~3 KB.
    let text = '';
    while (text.length < 3_000_000) {
      text += FILLER.repeat(32) + 'A multipolar world. ';
      hugeTerms++;
    }
    writeFileSync(join(dir, 'huge.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>3 MB</title></head><body><p id="huge">${text}</p></body></html>`);
    // 20,000 elements, a term in every 500th paragraph.
    const items = Array.from({ length: 10_000 }, (_, i) => `<p><span>${i % 500 === 0 ? 'The Chinese and Russian ministers spoke of mutual respect.' : 'Bread and weather.'}</span></p>`).join('');
    writeFileSync(join(dir, 'many.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>20,000 elements</title></head><body>${items}</body></html>`);
    generated = await startFixtureServer(dir);
    browser = await launchExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await generated?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const open = async (url: string) => {
    const page = await browser.context.newPage();
    await page.addInitScript(SNAPSHOT);
    await page.goto(url);
    return page;
  };
  const expectQuiet = (urlPart: string) => {
    const trouble = extensionTrouble(browser, urlPart);
    expect(trouble.errors).toEqual([]);
    expect(trouble.warnings.length).toBeLessThanOrEqual(1);
    return trouble;
  };

  it('is immune to a page that breaks Node.appendChild/insertBefore and Range.setStart in its own world', async () => {
    const page = await open(`${server.url}/hostile-prototypes.html`);
    expect(await page.evaluate(() => (window as unknown as { hostileReady: boolean }).hostileReady)).toBe(true);
    await waitForCount(page, 3);
    expect((await readAllHighlights(page)).map((h) => h.text).sort()).toEqual(['Cold War mentality', 'multipolar world', 'mutual respect']);
    // The hover card (appendChild, attachShadow in the isolated world) is built too.
    const rect = (await rectOfText(page, 'mutual respect'))!;
    await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
    await page.waitForFunction(() => (document.querySelector('[data-framing-lens-ui]') as HTMLElement | null)?.style.display === 'block');
    expect(await unchanged(page)).toEqual({ sameText: true, sameElements: true });
    expect(expectQuiet('hostile-prototypes').warnings).toEqual([]);
    await page.close();
  });

  it('paints despite Object.freeze(CSS) and a page rule for its own ::highlight(framing-lens-world-order)', async () => {
    const page = await open(`${server.url}/hostile-frozen-css.html`);
    expect(await page.evaluate(() => (window as unknown as { cssFrozen: boolean }).cssFrozen)).toBe(true);
    await waitForCount(page, 2);
    expect((await readAllHighlights(page)).map((h) => [h.name, h.text]).sort()).toEqual([
      ['framing-lens-hegemony', 'hegemony'],
      ['framing-lens-world-order', 'multipolar world'],
    ]);
    await page.screenshot({ path: `${ARTIFACTS}/hostile-frozen-css.png`, clip: { x: 0, y: 0, width: 900, height: 80 } });
    expect(await unchanged(page)).toEqual({ sameText: true, sameElements: true });
    expectQuiet('hostile-frozen-css');
    await page.close();
  });

  it('highlights a single 3 MB text node with a term every 3 KB', async () => {
    const page = await browser.context.newPage();
    const started = performance.now();
    await page.goto(`${generated.url}/huge.html`);
    await waitForCount(page, hugeTerms, 60_000);
    const elapsed = performance.now() - started;
    console.log(`3 MB text node: ${hugeTerms} terms highlighted ${elapsed.toFixed(0)} ms after navigation started`);
    expect(await page.evaluate(() => document.getElementById('huge')!.childNodes.length)).toBe(1);
    expectQuiet('huge.html');
    await page.close();
  });

  it('copes with 20,000 elements', async () => {
    const page = await open(`${generated.url}/many.html`);
    expect(await page.evaluate(() => document.body.getElementsByTagName('*').length)).toBe(20_000);
    await waitForCount(page, 20, 30_000);
    expect(await unchanged(page)).toEqual({ sameText: true, sameElements: true });
    expectQuiet('many.html');
    await page.close();
  });

  it('reaches a term at the bottom of 1,000 nested elements', async () => {
    const page = await open(`${server.url}/hostile-deep.html`);
    expect(await page.evaluate(() => {
      let depth = 0;
      for (let n: Node | null = document.getElementById('bottom'); n; n = n.parentNode) depth++;
      return depth;
    })).toBeGreaterThan(1000);
    await waitForCount(page, 2);
    const seen = await readAllHighlights(page);
    expect(seen.map((h) => [h.within, h.text]).sort()).toEqual([['bottom', 'collective West'], ['', 'multipolar world']].sort());
    expect(await unchanged(page)).toEqual({ sameText: true, sameElements: true });
    expectQuiet('hostile-deep');
    await page.close();
  });

  it('highlights an English term inside right-to-left Arabic and Hebrew text', async () => {
    const page = await open(`${server.url}/hostile-rtl.html`);
    await waitForCount(page, 3);
    expect((await readAllHighlights(page)).map((h) => [h.within, h.text]).sort()).toEqual([
      ['ar', 'multipolar world'],
      ['he', 'Cold War mentality'],
      ['mix', 'collective West'],
    ]);
    await page.screenshot({ path: `${ARTIFACTS}/hostile-rtl.png`, clip: { x: 0, y: 0, width: 1100, height: 160 } });
    expect(await unchanged(page)).toEqual({ sameText: true, sameElements: true });
    expectQuiet('hostile-rtl');
    await page.close();
  });

  it('works in the frames of a <frameset> page and leaves the frameset alone', async () => {
    const page = await open(`${server.url}/hostile-frameset.html`);
    await expect.poll(() => page.frames().length).toBe(3);
    const left = page.frames().find((f) => f.url().endsWith('/engine-frame.html'))!;
    const right = page.frames().find((f) => f.url().endsWith('/popup-plain.html'))!;
    await left.waitForLoadState();
    await waitForCount(left, 1);
    expect((await readAllHighlights(left)).map((h) => h.text)).toEqual(['core interests']);
    expect(await countHighlights(right)).toBe(0);
    expect(await countHighlights(page)).toBe(0);
    expect(await unchanged(page)).toEqual({ sameText: true, sameElements: true });
    // The top document holds no text of its own, yet it answers for the tab: the popup shows the frame's term.
    const popup = await browser.openPopup(page);
    await popup.getByRole('button', { name: /Core interests/ }).waitFor({ timeout: 5000 });
    expect(await popup.getByRole('button', { name: /Core interests/ }).count()).toBe(1);
    await popup.close();
    expectQuiet('hostile-frameset');
    await page.close();
  });

  it('an XML document (application/xml) is highlighted or left alone, quietly', async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(`${server.url}/hostile-doc.xml`);
    expect(response?.headers()['content-type']).toBe('application/xml');
    // Chromium shows XML through its tree viewer, which builds its own DOM after load: compare
    // with the same document in a Chromium without the extension.
    const plain = await chromium.launch({ executablePath: findChromium()!, args: ['--no-sandbox'] });
    let expected: { text: string; elements: number };
    try {
      const p = await plain.newPage();
      await p.goto(`${server.url}/hostile-doc.xml`);
      await p.waitForSelector('.pretty-print .line');
      expected = await p.evaluate(() => ({ text: document.documentElement.textContent ?? '', elements: document.getElementsByTagName('*').length }));
    } finally {
      await plain.close();
    }
    await page.waitForSelector('.pretty-print .line');
    // Observed: the terms of the viewer's visible tree are highlighted (the hidden source copy is not).
    await waitForCount(page, 2);
    const count = await countHighlights(page);
    console.log(`XML document: ${count} highlights (${JSON.stringify(await readAllHighlights(page))}); warnings: ${JSON.stringify(extensionTrouble(browser, 'hostile-doc.xml').warnings)}`);
    expect([0, 2]).toContain(count);
    expect(await page.evaluate(() => ({ text: document.documentElement.textContent ?? '', elements: document.getElementsByTagName('*').length }))).toEqual(expected);
    expectQuiet('hostile-doc.xml');
    await page.close();
  });

  it('an SVG document (image/svg+xml) with a term in <text> is highlighted or left alone, quietly', async () => {
    const page = await open(`${server.url}/hostile-image.svg`);
    expect(await page.evaluate(() => document.contentType)).toBe('image/svg+xml');
    // Observed: the <text> of a standalone SVG document is highlighted.
    await waitForCount(page, 1);
    const count = await countHighlights(page);
    console.log(`SVG document: ${count} highlights; warnings: ${JSON.stringify(extensionTrouble(browser, 'hostile-image.svg').warnings)}`);
    expect([0, 1]).toContain(count);
    await page.screenshot({ path: `${ARTIFACTS}/hostile-svg.png`, clip: { x: 0, y: 0, width: 700, height: 120 } });
    expect(await unchanged(page)).toEqual({ sameText: true, sameElements: true });
    expectQuiet('hostile-image.svg');
    await page.close();
  });

  it('an about:blank iframe written by script and a data: iframe: highlighted or left alone, quietly', async () => {
    const page = await open(`${server.url}/hostile-frames.html`);
    await waitForCount(page, 1);
    const blank = page.frames().find((f) => f.url() === 'about:blank')!;
    const data = page.frames().find((f) => f.url().startsWith('data:'))!;
    expect(blank).toBeDefined();
    expect(data).toBeDefined();
    // matchAboutBlank: the script-written about:blank frame gets the content script too.
    await waitForCount(blank, 1);
    const inBlank = await readAllHighlights(blank);
    const inData = await readAllHighlights(data).catch(() => []);
    console.log(`about:blank iframe: ${JSON.stringify(inBlank.map((h) => h.text))}; data: iframe: ${JSON.stringify(inData.map((h) => h.text))}`);
    expect(inBlank.map((h) => h.text)).toEqual(['Cold War mentality']);
    expect(inData.every((h) => h.text === 'collective West')).toBe(true);
    expect(await page.evaluate(() => document.getElementById('blank') instanceof HTMLIFrameElement && (document.getElementById('blank') as HTMLIFrameElement).contentDocument!.body.textContent)).toBe('In the blank frame: the Cold War mentality.');
    expect(await unchanged(page)).toEqual({ sameText: true, sameElements: true });
    expectQuiet('hostile-frames');
    await page.close();
  });
});
