// npm run profile -- --cold: the built extension's content script on a cold start (cold-profile.ts).
// npm run profile -- [--set N] PAGE…: where the engine's time goes on some saved pages. Loads each page of
// ../shared/pages in Chromium, runs the bench's engine measurement five times under the DevTools
// protocol's sampling profiler (50 µs), and prints the functions with the most self time, summed
// over the pages. Idle, program and garbage-collector time are left out.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startFixtureServer } from '../helpers/fixture-server.ts';
import { buildProbe } from './build-probe.ts';
import { derivedTexts } from './page-list.ts';
import { launchPlainBrowser } from './plain-browser.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = resolve(ROOT, '../shared/pages');
const args = process.argv.slice(2);
if (args.includes('--cold')) {
  // The content script itself on a cold start: see cold-profile.ts.
  await import('./cold-profile.ts');
  process.exit(0);
}
/** `--set N`: the page's text rewritten as the bench's derived set N (0 framed, 1 Chinese, 2 Russian). */
const setAt = args.indexOf('--set');
const set = setAt >= 0 ? derivedTexts()[Number(args[setAt + 1])] : undefined;
const names = args.filter((a, i) => a !== '--set' && i !== setAt + 1 || setAt < 0);
if (names.length === 0 || (setAt >= 0 && !set)) {
  console.error('usage: npm run profile -- [--set 0|1|2] PAGE.html [PAGE.html …]   (file names in ../shared/pages; --set rewrites their text as the framed, Chinese or Russian set)');
  process.exit(1);
}
if (set) console.log(`text rewritten: ${set[0]}`);
const compiled = JSON.parse(readFileSync(join(ROOT, 'lexicon/generated/compiled.json'), 'utf8')) as unknown;
const originals = JSON.parse(readFileSync(join(ROOT, 'lexicon/generated/originals.json'), 'utf8')) as unknown;
const probe = await buildProbe();
const server = await startFixtureServer(DIR, {}, { 'content-security-policy': "script-src 'none'" });
const browser = await launchPlainBrowser(server.url, { width: 1200, height: 900 });
const page = await browser.context.newPage();
const cdp = await browser.context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }
const totals = new Map<string, number>();
for (const name of names) {
  await page.goto(`${server.url}/${encodeURIComponent(name)}`, { waitUntil: 'load' });
  await page.evaluate(probe);
  if (set) await page.evaluate(([texts, lang]) => (window as unknown as { __framingLensProbe: { rewrite(t: string[], l: string): number } }).__framingLensProbe.rewrite(texts, lang), [set[1], set[2]] as const);
  // The lexicon crosses into the page once, outside the profile.
  await page.evaluate(([lexicon, orig]) => void Object.assign(window, { lexicon, originals: orig }), [compiled, originals] as const);
  await cdp.send('Profiler.start');
  await page.evaluate(async () => {
    const w = window as unknown as { lexicon: unknown; originals: unknown; __framingLensProbe: { measure(l: unknown, o: unknown, repeat: number, painter: string): Promise<unknown> } };
    for (let i = 0; i < 5; i++) await w.__framingLensProbe.measure(w.lexicon, w.originals, 1, 'multipolar world');
  });
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  for (const n of profile.nodes) {
    if (/^\((idle|program|garbage collector|root)\)$/.test(n.callFrame.functionName)) continue;
    const key = `${n.callFrame.functionName || '(anonymous)'} (probe line ${n.callFrame.lineNumber + 1})`;
    totals.set(key, (totals.get(key) ?? 0) + (self.get(n.id) ?? 0) / 1000);
  }
}
const sum = [...totals.values()].reduce((a, b) => a + b, 0);
console.log(`self time over ${names.length} page(s) × 5 runs: ${sum.toFixed(1)} ms`);
for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${v.toFixed(1).padStart(8)} ms ${((v / sum) * 100).toFixed(0).padStart(3)} %  ${k}`);
await browser.close();
await server.close();
