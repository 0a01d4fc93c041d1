// `npm start`: builds the extension (the npm script runs `wxt build` first), writes a demo news
// site made of the corpus texts, serves it on 127.0.0.1 and opens it in Chromium with the
// extension loaded. With a display, the browser stays open for the reader; without one (a server,
// CI, a container) it runs headless, writes screenshots of the page, the card and the popup, and
// says where they are.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { demoSite } from '../demo/demo-site.ts';
import { loadSources } from '../lexicon/learn/load-sources.ts';
import { CHROMIUM_ARGS, findChromium } from './find-browser.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const EXTENSION = join(ROOT, '.output/chrome-mv3');
const OUT = join(ROOT, '.output/demo');
/** The article the demo opens first: a commentary dense with the vocabulary (New Eastern Outlook, December 2021). */
const FIRST = '003_f67de57da5ac7719.html';

async function main(): Promise<void> {
  const headless = process.argv.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
  const executablePath = findChromium();
  if (!executablePath) {
    console.error('framing-lens start: no Chromium found. Install Debian `chromium` (apt-get install -y chromium) or set CHROME_PATH.');
    process.exit(1);
  }
  const site = join(OUT, 'site');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  const pages = demoSite(loadSources(join(ROOT, 'lexicon')).documents);
  for (const page of pages) writeFileSync(join(site, page.path), page.html);

  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(site, path === '/' ? 'index.html' : path));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = join(OUT, 'profile');
  rmSync(profile, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: headless ? { width: 1280, height: 900 } : null,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const page = await context.newPage();
  await page.goto(`${base}/${FIRST}`);
  console.log(`Demo site: ${base}/ (${pages.length - 1} articles from the corpora; the first one is open).`);

  if (!headless) {
    console.log('Chromium is open with Framing Lens loaded. Point at a highlight for its card, or click the Framing Lens button');
    console.log('(puzzle-piece menu, pin it) for the page summary. Close the browser window to stop.');
    await new Promise<void>((r) => context.on('close', () => r()));
    server.close();
    return;
  }

  // Headless: wait for the highlights, then take the three pictures a newcomer would look at. The
  // first-run page the install opened is in front: bring the article back (hover needs a visible tab).
  await page.bringToFront();
  await page.waitForFunction(() => {
    let n = 0;
    for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights) if (name.startsWith('framing-lens-') && name !== 'framing-lens-active') n += h.size;
    return n > 10;
  }, undefined, { timeout: 20_000 });
  const shots = { page: join(OUT, 'page.png'), card: join(OUT, 'card.png'), popup: join(OUT, 'popup.png') };
  await page.screenshot({ path: shots.page });
  const first = await page.evaluate(() => {
    for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights) {
      if (!name.startsWith('framing-lens-') || name === 'framing-lens-active') continue;
      for (const r of h) {
        // The ranges are StaticRanges: make a live one to measure.
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        const rect = live.getClientRects()[0] ?? live.getBoundingClientRect();
        if (rect.top > 0 && rect.bottom < innerHeight && r.startContainer.parentElement?.closest('article p')) return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      }
    }
    return null;
  });
  if (first) {
    await page.mouse.move(first.x - 40, first.y);
    await page.mouse.move(first.x, first.y, { steps: 4 });
    await page.waitForFunction(() => (document.querySelector('[data-framing-lens-ui]') as HTMLElement | null)?.style.display === 'block', undefined, { timeout: 5_000 }).catch(() => undefined);
  }
  await page.screenshot({ path: shots.card });
  await page.bringToFront();
  const tabId = await worker.evaluate(async () => (await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('[data-testid="summary"]', { timeout: 10_000 });
  await popup.screenshot({ path: shots.popup, fullPage: true });
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
  console.log('No display here, so Chromium ran headless. Screenshots:');
  for (const [what, path] of Object.entries(shots)) console.log(`  ${what.padEnd(5)} ${path}`);
  console.log('On a desktop, `npm start` opens the browser instead.');
}

await main();
