// npm run sweep -- [DIR]: loads every saved page (default ../shared/pages) with the built extension
// in real Chromium and checks, per page: (1) the page's innerText is identical with and without
// the extension; (2) no exception or error from the extension; (3) the extension makes no request
// (no request's initiator, as DevTools reports it, involves chrome-extension://); (4) the highlights equal what
// the command line's matcher finds in the same text (the runs the content script scans, read from
// the page). Page scripts are blocked by a CSP header so both loads see the same document.
// Prints one line per page and `N passed, N failed`; exits 1 on any failure.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { CompiledLexicon } from '../../lib/lexicon/schema.ts';
import { createFinder, type PagePoints } from '../../lib/match/create-finder.ts';
import { startFixtureServer } from '../helpers/fixture-server.ts';
import { launchExtension } from '../helpers/launch-extension.ts';
import { readHighlights } from '../helpers/page-highlights.ts';
import { buildProbe } from './build-probe.ts';
import { pageList } from './page-list.ts';
import { launchPlainBrowser } from './plain-browser.ts';

const ROOT = resolve(import.meta.dirname, '../..');

interface Probe {
  __framingLensProbe: { runs(): { text: string; visible: boolean }[] };
}

/**
 * The page's innerText once rendering has settled: innerText depends on layout (fonts, CSS
 * animations that fade text in with fill-mode forwards), so both loads are read at the same
 * state: fonts ready and finite animations finished, at most 600 ms after load.
 */
async function settledText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    await document.fonts?.ready;
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => undefined))), new Promise((resolve) => setTimeout(resolve, 600))]);
    return document.body?.innerText ?? document.documentElement?.textContent ?? '';
  });
}

/** Loads a page and returns its settled innerText. */
async function load(page: Page, url: string): Promise<string> {
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  return settledText(page);
}

/** Where two texts first differ, for a failure message. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: ${JSON.stringify(a.slice(i, i + 60))} vs ${JSON.stringify(b.slice(i, i + 60))}`;
}

async function main(): Promise<void> {
  const { dir, pages } = pageList(process.argv[2]);
  const compiled = JSON.parse(readFileSync(join(ROOT, 'lexicon/generated/compiled.json'), 'utf8')) as CompiledLexicon;
  const finder = createFinder(compiled);
  const probe = await buildProbe();
  const server = await startFixtureServer(dir, {}, { 'content-security-policy': "script-src 'none'" });

  const withExt = await launchExtension();
  const plain = await launchPlainBrowser(server.url, { width: 1100, height: 800 });
  const a = await plain.context.newPage();
  const b = await withExt.context.newPage();
  // Requests the extension caused: DevTools names the initiator of every request of the page.
  const fromExtension: string[] = [];
  const cdp = await withExt.context.newCDPSession(b);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (event: { request: { url: string }; initiator: unknown; documentURL?: string }) => {
    if (JSON.stringify(event.initiator).includes('chrome-extension://') && !event.request.url.startsWith('chrome-extension:')) fromExtension.push(event.request.url);
  });

  let passed = 0;
  let failed = 0;
  for (const { name } of pages) {
    const url = `${server.url}/${encodeURIComponent(name)}`;
    const problems: string[] = [];
    let found = 0;
    try {
      const textA = await load(a, url);
      const logStart = withExt.logs.length;
      fromExtension.length = 0;
      const textB = await load(b, url);
      // The reference: the runs the content script scans, matched by the command line's matcher.
      await b.evaluate(probe);
      const runs = await b.evaluate(() => (window as unknown as Probe).__framingLensProbe.runs());
      // The page-level context is measured over every run, as the content script does.
      const page: PagePoints = { points: 0, words: 0, topics: 0 };
      for (const run of runs) {
        const p = finder.pagePoints(run.text);
        page.points += p.points;
        page.words += p.words;
        page.topics |= p.topics;
      }
      const expected: string[] = [];
      for (const run of runs) {
        if (!run.visible) continue;
        const { found, pending } = finder.find(run.text);
        for (const m of [...found, ...pending.filter((f) => finder.firesOnPage(f, page))]) expected.push(`${compiled.terms[m.term]!.category}|${run.text.slice(m.start, m.end).replace(/\s+/g, ' ')}`);
      }
      expected.sort();
      // Completion: wait until the registry holds as many ranges as expected, then compare.
      await b
        .waitForFunction(
          (n) => {
            let total = 0;
            for (const [k, h] of (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights) if (k.startsWith('framing-lens-') && k !== 'framing-lens-active') total += h.size;
            return total === n;
          },
          expected.length,
          { timeout: 20_000, polling: 100 },
        )
        .catch(() => problems.push('highlight count never reached the expected count'));
      const seen = (await readHighlights(b)).map((h) => `${h.name.replace(/^framing-lens-/, '')}|${h.text.replace(/\s+/g, ' ')}`).sort();
      found = seen.length;
      if (JSON.stringify(seen) !== JSON.stringify(expected)) {
        const missing = expected.filter((x) => !seen.includes(x)).slice(0, 3);
        const extra = seen.filter((x) => !expected.includes(x)).slice(0, 3);
        problems.push(`highlights differ from the CLI matcher (${seen.length} vs ${expected.length}; missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)})`);
      }
      const textB2 = await settledText(b);
      if (textA !== textB || textB !== textB2) problems.push(`innerText differs with the extension (${textA.length} vs ${textB.length}/${textB2.length} chars, ${firstDifference(textA, textB === textA ? textB2 : textB)})`);
      if (fromExtension.length > 0) problems.push(`requests made by the extension: ${JSON.stringify(fromExtension.slice(0, 3))}`);
      const errors = withExt.logs.slice(logStart).filter((l) => (l.type === 'error' || l.type === 'pageerror') && /chrome-extension:|Framing Lens/.test(l.text));
      if (errors.length > 0) problems.push(`extension errors: ${errors.map((e) => e.text).join(' | ').slice(0, 300)}`);
    } catch (error) {
      problems.push(`load failed: ${(error as Error).message.split('\n')[0]}`);
    }
    if (problems.length === 0) passed++;
    else failed++;
    process.stdout.write(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${name} (${found} highlights)${problems.length ? `: ${problems.join('; ')}` : ''}\n`);
  }
  await plain.close();
  await withExt.close();
  await server.close();
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  process.exit(failed > 0 ? 1 : 0);
}

await main();
