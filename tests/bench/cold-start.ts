import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { tokenise } from '../../lib/text/tokenise.ts';
import { launchExtension, type ExtensionBrowser } from '../helpers/launch-extension.ts';
import { waitForHighlightCount } from '../helpers/page-highlights.ts';
import { corpusLines, quantile } from './page-list.ts';
import { launchPlainBrowser } from './plain-browser.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** What the page's own world saw of the extension's cold start. */
export interface ColdSample {
  /** From the page's `load` to the first highlight inside the viewport. */
  viewport: number;
  /** From `load` to the last change in the number of highlights (the page read to its end). */
  all: number;
  highlights: number;
  /** Tasks of 50 ms or more while it ran (the Long Tasks API reports no shorter ones), and the longest. */
  longTasks: number;
  longest: number;
}

/** Long tasks: how many, and the longest. */
type Tasks = Pick<ColdSample, 'longTasks' | 'longest'>;

/** A cold sample's medians, with the page's own long tasks in a browser without the extension. */
type Cold = ColdSample & { alone: Tasks };

/** The state the watcher keeps on the page's window. */
interface Watch {
  load: number;
  viewport: number;
  last: number;
  count: number;
  longTasks: number;
  longest: number;
}

/**
 * The page's own world, from its first script: counts the extension's highlights in
 * `CSS.highlights` every 10 ms from `load`, notes the first one inside the viewport and the last
 * change, and the long tasks. Plain JavaScript in a string: tsx would wrap the helpers of a
 * function in calls the page does not have.
 */
const WATCH = `(() => {
  const state = { load: -1, viewport: -1, last: -1, count: 0, longTasks: 0, longest: 0 };
  window.__cold = state;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      state.longTasks++;
      state.longest = Math.max(state.longest, e.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
  const ours = (name) => name.startsWith('framing-lens-') && name !== 'framing-lens-active';
  const poll = () => {
    let total = 0;
    for (const [name, h] of CSS.highlights) if (ours(name)) total += h.size;
    const t = performance.now();
    if (total !== state.count) {
      state.count = total;
      state.last = t;
    }
    if (state.viewport >= 0 || total === 0) return;
    for (const [name, h] of CSS.highlights) {
      if (!ours(name)) continue;
      for (const r of h) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const rect = range.getBoundingClientRect();
        if (rect.width > 0 && rect.bottom > 0 && rect.top < innerHeight) {
          state.viewport = t;
          return;
        }
      }
    }
  };
  addEventListener('load', () => {
    state.load = performance.now();
    setInterval(poll, 10);
  });
})();`;

/** The commentary corpus's paragraphs, repeated until they hold `target` words. */
function articleParagraphs(target: number): { paragraphs: string[]; words: number } {
  const lines = corpusLines('commentary');
  const paragraphs: string[] = [];
  let words = 0;
  for (let i = 0; words < target; i++) {
    const line = lines[i % lines.length]!;
    paragraphs.push(line);
    words += tokenise(line).length;
  }
  return { paragraphs, words };
}

/**
 * Serves the cold-start pages on 127.0.0.1 (page scripts off): `/article.html`, a 60,000-word
 * article, the commentary corpus repeated as the paragraphs of one `<article>`, and `/large.html`,
 * the largest page of `dir` with that article appended to its body.
 */
export async function coldPages(dir = resolve(ROOT, '../shared/pages'), largest?: string): Promise<{ origin: string; words: number; largest: string; bytes: number; close(): Promise<void> }> {
  const name = largest ?? readdirSync(dir).filter((f) => /\.x?html?$/i.test(f)).sort((x, y) => statSync(join(dir, y)).size - statSync(join(dir, x)).size)[0]!;
  const { paragraphs, words } = articleParagraphs(60_000);
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = `<article><h1>A long read on China and Russia</h1>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}</article>`;
  const article = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long read</title></head><body><header><nav><a href="#">World</a> <a href="#">Politics</a> <a href="#">Opinion</a></nav></header>${body}</body></html>`;
  const saved = readFileSync(join(dir, name), 'utf8');
  const at = saved.lastIndexOf('</body>');
  const large = at >= 0 ? saved.slice(0, at) + body + saved.slice(at) : saved + body;
  // A short page with one framing phrase, opened first on another site (see coldStart).
  const warm = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Briefing</title></head><body><p>The minister said the talks showed a Cold War mentality.</p></body></html>';
  const pages: Record<string, string> = { '/article.html': article, '/large.html': large, '/warm.html': warm };
  const server = createServer((req, res) => {
    const page = pages[req.url ?? ''];
    if (page === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" }).end(page);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { origin, words, largest: name, bytes: Buffer.byteLength(large), close: () => new Promise((r) => server.close(() => r())) };
}

/**
 * Brings the browser, the extension's background and its storage up, as for a reader who has been
 * browsing: a first page on another site than `origin` (localhost, not 127.0.0.1) is highlighted.
 * The next page on `origin` then gets a renderer of its own (site isolation).
 */
export async function warmUp(ext: ExtensionBrowser, origin: string): Promise<void> {
  const first = await ext.context.newPage();
  await first.goto(`${origin.replace('127.0.0.1', 'localhost')}/warm.html`);
  await waitForHighlightCount(first, 1);
}

/**
 * Cold start as a reader meets it (#16): a fresh renderer (a site the browser has not shown yet, so
 * a new process under site isolation: nothing parsed, compiled or optimised) in a Chromium with the
 * built extension whose background and storage are up (a first page on another site has been
 * highlighted; a fresh profile each time) opens a page, and the page's own world times the highlights
 * from `load` (see {@link WATCH}); settled when their number has not changed for 1.5 s. Medians of
 * three launches each, for (1) a 60,000-word article, the commentary corpus repeated as the
 * paragraphs of one `<article>`, and (2) the largest page of `dir` with that article appended to its
 * body, standing in for the issue's 5 MB pages (`../shared/pages` holds none that large).
 */
export async function coldStart(dir: string, largest: string): Promise<{ article: Cold & { words: number }; large: Cold & { name: string; bytes: number } }> {
  const served = await coldPages(dir, largest);
  const { origin, words } = served;
  const sample = async (path: string): Promise<ColdSample> => {
    const ext = await launchExtension();
    try {
      await warmUp(ext, origin);
      const page = await ext.context.newPage();
      await page.addInitScript(WATCH);
      await page.goto(`${origin}${path}`, { waitUntil: 'load', timeout: 60_000 });
      await page.waitForFunction(
        () => {
          const s = (window as unknown as { __cold: Watch }).__cold;
          return s.count > 0 && performance.now() - s.last > 1500;
        },
        undefined,
        { timeout: 60_000, polling: 100 },
      );
      const s = await page.evaluate(() => (window as unknown as { __cold: Watch }).__cold);
      return { viewport: s.viewport - s.load, all: s.last - s.load, highlights: s.count, longTasks: s.longTasks, longest: s.longest };
    } finally {
      await ext.close();
    }
  };
  /** The page's own long tasks, in a browser without the extension. */
  const alone = async (path: string): Promise<Tasks> => {
    const plain = await launchPlainBrowser(origin, { width: 1100, height: 800 });
    try {
      const page = await plain.context.newPage();
      await page.addInitScript(WATCH);
      await page.goto(`${origin}${path}`, { waitUntil: 'load', timeout: 60_000 });
      await page.waitForTimeout(2000);
      return await page.evaluate(() => {
        const s = (window as unknown as { __cold: Watch }).__cold;
        return { longTasks: s.longTasks, longest: s.longest };
      });
    } finally {
      await plain.close();
    }
  };
  const median = async (path: string): Promise<Cold> => {
    const samples: ColdSample[] = [];
    const plain: Tasks[] = [];
    for (let i = 0; i < 3; i++) {
      samples.push(await sample(path));
      plain.push(await alone(path));
    }
    const med = (k: keyof ColdSample) => Math.round(quantile(samples.map((x) => x[k]), 0.5));
    const medAlone = (k: keyof Tasks) => Math.round(quantile(plain.map((x) => x[k]), 0.5));
    return { viewport: med('viewport'), all: med('all'), highlights: med('highlights'), longTasks: med('longTasks'), longest: med('longest'), alone: { longTasks: medAlone('longTasks'), longest: medAlone('longest') } };
  };
  try {
    return { article: { ...(await median('/article.html')), words }, large: { ...(await median('/large.html')), name: served.largest, bytes: served.bytes } };
  } finally {
    await served.close();
  }
}

/** The bench's lines for the cold starts: what was measured, whether it meets the target, the target. */
export function coldLines(cold: Awaited<ReturnType<typeof coldStart>>): [string, boolean, string][] {
  const { article: a, large: l } = cold;
  const tasks = (c: Cold) => `${c.longTasks} tasks ≥ 50 ms, longest ${c.longest} ms; the page alone ${c.alone.longTasks}, longest ${c.alone.longest} ms`;
  return [
    [`cold start, ${a.words.toLocaleString('en')}-word article (new renderer, median of 3): viewport painted ${a.viewport} ms, all ${a.all} ms after load (${a.highlights} highlights; ${tasks(a)})`, a.viewport >= 0 && a.viewport <= 100 && a.all <= 600, 'viewport ≤ 100 ms, all ≤ 600 ms'],
    [`cold start, ${l.name} with the article appended (${(l.bytes / 1e6).toFixed(1)} MB): all ${l.all} ms after load (${l.highlights} highlights; ${tasks(l)})`, l.all <= 1500, '≤ 1.5 s'],
  ];
}
