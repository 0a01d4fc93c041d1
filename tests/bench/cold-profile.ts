// npm run profile -- --cold: where the content script's time goes on a cold start (a new renderer,
// as in cold-start.ts). Launches a fresh Chromium with the built extension (build it with FRAMING_LENS_READABLE=1 first, so functions keep
// their names), runs the DevTools protocol's sampling profiler (100 µs) on the page from before its
// navigation until the extension's highlights settle, and prints the content script's functions with
// the most self time, and its total. The page is the bench's 60,000-word article (cold-start.ts).
import type { CDPSession } from 'playwright-core';
import { launchExtension } from '../helpers/launch-extension.ts';
import { coldPages, warmUp } from './cold-start.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/**
 * Self time per function of one profile, in ms, for frames of the content script; a built-in or
 * DOM call (a frame without a script address: JSON.parse, a regular expression, Highlight.add) is
 * counted under its name and the content-script function that called it.
 */
function selfTimes(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }): Map<string, number> {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const parent = new Map<number, ProfileNode>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
  const ours = (n: ProfileNode) => n.callFrame.url.includes('content-scripts/content.js');
  const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} (content.js:${n.callFrame.lineNumber + 1})`;
  const out = new Map<string, number>();
  for (const n of profile.nodes) {
    let key: string | null = null;
    if (ours(n)) key = name(n);
    else if (n.callFrame.url === '' && !/^\((idle|program|garbage collector|root)\)$/.test(n.callFrame.functionName)) {
      const caller = parent.get(n.id);
      if (caller && ours(caller)) key = `${n.callFrame.functionName || '(native)'} in ${name(caller)}`;
    }
    if (key) out.set(key, (out.get(key) ?? 0) + (self.get(n.id) ?? 0));
  }
  return out;
}

const { origin, close } = await coldPages();
const totals = new Map<string, number>();
const RUNS = 3;
for (let i = 0; i < RUNS; i++) {
  const ext = await launchExtension();
  try {
    await warmUp(ext, origin);
    const page = await ext.context.newPage();
    const cdp: CDPSession = await ext.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(`${origin}/article.html`, { waitUntil: 'load' });
    // Settled: the highlight count unchanged for a second.
    let last = -1;
    for (let stable = 0; stable < 10; ) {
      await page.waitForTimeout(100);
      const n = await page.evaluate(() => {
        let t = 0;
        for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights) if (name.startsWith('framing-lens-') && name !== 'framing-lens-active') t += h.size;
        return t;
      });
      stable = n === last && n > 0 ? stable + 1 : 0;
      last = n;
    }
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    for (const [k, v] of selfTimes(profile)) totals.set(k, (totals.get(k) ?? 0) + v / RUNS);
  } finally {
    await ext.close();
  }
}
await close();
const sum = [...totals.values()].reduce((a, b) => a + b, 0);
console.log(`content script self time on a cold start (60,000-word article), mean of ${RUNS} new renderers: ${sum.toFixed(1)} ms`);
for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${v.toFixed(1).padStart(8)} ms ${((v / sum) * 100).toFixed(0).padStart(3)} %  ${k}`);
