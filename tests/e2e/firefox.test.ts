import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from '../helpers/fixture-server.ts';
import { launchFirefoxExtension, type FirefoxExtension } from '../helpers/launch-firefox.ts';

// The core flows in a real Firefox (Debian's firefox-esr over WebDriver BiDi), with the MV2
// package as shipped: highlights on an article, the popup's summary and a term, a category
// toggle, the site switch, the keyboard shortcuts.
const ARTIFACTS = resolve(import.meta.dirname, '../.artifacts');
const PAGES = resolve(import.meta.dirname, '../fixtures/pages');
/** popup-article.html: 7 framing terms in 6 categories. */
const ARTICLE_TERMS = 7;

/** The framing-lens ranges of a page by highlight name (the active one left out). */
const registry = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights) if (name.startsWith('framing-lens-') && name !== 'framing-lens-active' && h.size > 0) out[name] = h.size;
    return out;
  });
const total = async (page: Page) => Object.values(await registry(page)).reduce((a, b) => a + b, 0);

async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeout = 15_000): Promise<T> {
  let value = await read();
  for (const until = Date.now() + timeout; !ok(value); value = await read()) {
    if (Date.now() > until) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return value;
}

describe('core flows in real Firefox', () => {
  let ff: FirefoxExtension;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let article: Page;
  let articleUrl: string;
  let tabId: number;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startFixtureServer(PAGES);
    ff = await launchFirefoxExtension();
    article = await ff.browser.newPage();
    articleUrl = `${server.url}/popup-article.html`;
    await article.goto(articleUrl);
    await poll(() => total(article), (n) => n === ARTICLE_TERMS, 'highlights on the article');
    tabId = await ff.tabIdOf(article);
  }, 120_000);
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('installing opens the first-run page, and the shortcuts are bound in Firefox too', async () => {
    expect(await ff.welcome.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Welcome to Framing Lens');
    expect(await ff.commands()).toEqual([
      ['_execute_browser_action', 'Alt+Shift+L'],
      ['next-term', 'Alt+Shift+J'],
      ['previous-term', 'Alt+Shift+K'],
    ]);
  });

  it('highlights the article in its category colours, and leaves its text unchanged', async () => {
    expect(await registry(article)).toEqual({
      'framing-lens-world-order': 2,
      'framing-lens-bloc-cold-war': 1,
      'framing-lens-hegemony': 1,
      'framing-lens-security-doctrine': 1,
      'framing-lens-partnership': 1,
      'framing-lens-loaded-language': 1,
    });
    expect(await article.evaluate(() => document.querySelectorAll('mark, [data-framing-lens-style]').length)).toBe(0);
    await article.screenshot({ path: `${ARTIFACTS}/firefox-article.png` });
  });

  it('the popup shows the summary, and a term opens with its explanation and corpus example', async () => {
    const popup = await ff.openExtensionPage(`/popup.html?tabId=${tabId}`);
    await poll(() => popup.evaluate(() => document.querySelector('[data-testid="summary"]')?.textContent ?? ''), (t) => /7\s+framing terms in\s+6\s+categories/.test(t), 'summary');
    expect(await popup.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('14px');
    await popup.screenshot({ path: `${ARTIFACTS}/firefox-popup.png`, fullPage: true });
    await popup.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('button.term')].find((b) => b.textContent?.startsWith('Cold War mentality'))!.click());
    await popup.waitForSelector('.example .source');
    expect(await popup.evaluate(() => document.getElementById('term-title')?.textContent)).toBe('Cold War mentality');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('term-title');
    expect(await popup.evaluate(() => document.querySelector('#on-page')?.textContent)).toBe('On this page (1)');
    await popup.screenshot({ path: `${ARTIFACTS}/firefox-term.png`, fullPage: true });
    await popup.close();
  });

  it('a category switched off in Settings leaves the open tab at once, and comes back', async () => {
    const popup = await ff.openExtensionPage(`/popup.html?tabId=${tabId}`);
    await popup.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((b) => b.textContent === 'Settings')!.click());
    await popup.waitForSelector('input[data-category="hegemony"]');
    await popup.click('input[data-category="hegemony"]');
    const without = await poll(() => registry(article), (r) => !('framing-lens-hegemony' in r), 'hegemony hidden');
    expect(Object.values(without).reduce((a, b) => a + b, 0)).toBe(ARTICLE_TERMS - 1);
    await popup.click('input[data-category="hegemony"]');
    await poll(() => total(article), (n) => n === ARTICLE_TERMS, 'hegemony back');
    await popup.close();
  });

  it('switching the site off clears the tab and the popup says so; switching it on paints again', async () => {
    const popup = await ff.openExtensionPage(`/popup.html?tabId=${tabId}`);
    await popup.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((b) => b.textContent === 'Settings')!.click());
    await popup.waitForSelector('form.settings');
    await popup.evaluate(() => [...document.querySelectorAll('label.switch')].find((l) => l.textContent?.startsWith('On this site'))!.querySelector('input')!.click());
    await poll(() => total(article), (n) => n === 0, 'site off');
    await popup.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((b) => b.textContent === 'This page')!.click());
    await poll(() => popup.evaluate(() => document.getElementById('panel')?.textContent ?? ''), (t) => t.includes('Framing Lens is off on 127.0.0.1.'), 'off state');
    await popup.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Turn it on for this site')!.click());
    await poll(() => total(article), (n) => n === ARTICLE_TERMS, 'site on');
    await popup.close();
  });

  it('the sidebar lists every highlight in page order with its voice, and a click marks it in the page', async () => {
    const panel = await ff.openExtensionPage(`/sidepanel.html?tabId=${tabId}`, { window: true });
    const marks = () => panel.evaluate(() => [...document.querySelectorAll('.hits .hit mark')].map((m) => m.textContent ?? ''));
    await poll(marks, (m) => m.length === ARTICLE_TERMS, 'rows in the sidebar');
    expect(await marks()).toEqual(['multipolar world', 'multipolar world', 'Cold War mentality', 'hegemony', 'mutual respect', 'collective West', 'core interests']);
    await poll(() => panel.evaluate(() => [...document.querySelectorAll('.hits .tag')].map((t) => t.textContent)), (tags) => tags.every((t) => t !== 'voice…'), 'voices read');
    await panel.screenshot({ path: `${ARTIFACTS}/firefox-sidebar.png`, fullPage: true });
    // A click on the "hegemony" row makes it the current highlight in the article.
    await panel.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('.hit-sentence')].find((b) => b.querySelector('mark')?.textContent === 'hegemony')!.click());
    const active = () => article.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('framing-lens-active');
      const r = h ? [...h][0] : undefined;
      return r && r.startContainer === r.endContainer ? (r.startContainer as Text).data.slice(r.startOffset, r.endOffset) : '';
    });
    await poll(active, (t) => t === 'hegemony', 'active highlight');
    await panel.close();
  });

  it('exports the page report as a Markdown handout and as CSV from the popup', async () => {
    const popup = await ff.openExtensionPage(`/popup.html?tabId=${tabId}`);
    await poll(() => popup.evaluate(() => document.querySelector('[data-testid="summary"]')?.textContent ?? ''), (t) => t.includes('framing terms'), 'summary');
    // The file the popup hands to the browser, kept as it leaves (Firefox saves it to its download folder).
    await popup.evaluate(() => {
      const files: Blob[] = [];
      (window as unknown as { exported: Blob[] }).exported = files;
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        if (blob instanceof Blob) files.push(blob);
        return create(blob);
      };
    });
    const exported = async (format: string) => {
      await popup.evaluate((f) => [...document.querySelectorAll<HTMLButtonElement>('.export-buttons button')].find((b) => b.textContent === f)!.click(), format);
      await poll(() => popup.evaluate(() => document.querySelector('[data-testid="export-status"]')?.textContent ?? ''), (t) => t.startsWith('Saved framing-lens-'), `${format} saved`);
      return popup.evaluate(async () => {
        const files = (window as unknown as { exported: Blob[] }).exported;
        return files[files.length - 1]!.text();
      });
    };
    const md = await exported('Markdown');
    expect(md).toContain('# Framing Lens report: Summit report');
    expect(md).toContain('## The terms explained');
    expect(md).toContain('### Cold War mentality');
    expect(md).toMatch(/7 framing terms/);
    const csv = await exported('CSV');
    expect(csv.split('\r\n')[0]).toBe('position,term,label,category,voice,text,sentence,reason');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(ARTICLE_TERMS + 1);
    await popup.close();
  });
  it('Chinese and Russian pages: the originals arrive from the background and paint, look-alikes left dark', async () => {
    for (const [file, count] of [['originals-zh.html', 9], ['originals-ru.html', 8]] as const) {
      const page = await ff.browser.newPage();
      await page.goto(`${server.url}/${file}`);
      await poll(() => total(page), (n) => n === count, `highlights on ${file}`);
      // The look-alikes of each page: 台独 across 本台独家 and 舞台独白, a chess «баланс сил».
      const painted = await page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights].filter(([name]) => name !== 'framing-lens-active').flatMap(([, h]) => [...h].map((r) => r.toString())));
      expect(painted.some((t) => t.includes('台独') || t.includes('霸凌') || t.includes('баланс'))).toBe(false);
      await page.screenshot({ path: `${ARTIFACTS}/firefox-${file.replace('.html', '.png')}` });
      await page.close();
    }
  });
});
