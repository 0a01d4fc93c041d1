import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BATCH_MS, createHighlightRenderer, type BatchHost } from '../../lib/page/renderers/create-highlight-renderer.ts';
import { ACTIVE_HIGHLIGHT, highlightName } from '../../lib/page/renderers/renderer.ts';
import { categoryIds, createFakeHighlightApi, createScannerRig, freshScan, highlightsOf, paintedRanges, type FakeHighlight } from '../helpers/dom-fakes.ts';
import { setBody } from '../helpers/dom-html.ts';

/** A clock the test moves and timers it runs when their time comes. */
function manualBatchHost(): BatchHost & { clock: number; timers: { at: number; cb: () => void }[]; advance(ms: number): void } {
  const host = {
    clock: 1000,
    timers: [] as { at: number; cb: () => void }[],
    now: () => host.clock,
    setTimeout(cb: () => void, ms: number) {
      host.timers.push({ at: host.clock + ms, cb });
      return host.timers.length;
    },
    advance(ms: number) {
      host.clock += ms;
      for (const t of host.timers.filter((x) => x.at <= host.clock)) {
        host.timers.splice(host.timers.indexOf(t), 1);
        t.cb();
      }
    },
  };
  return host;
}

/** The end of the current task, as far as the renderer's hand-over is concerned (its microtask). */
const endOfTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A paragraph of `n` text nodes, each a span for one range. */
function spans(n: number): { startContainer: Text; startOffset: number; endContainer: Text; endOffset: number }[] {
  const p = document.createElement('p');
  const texts = Array.from({ length: n }, (_, i) => document.createTextNode(`Sentence ${i} about a multipolar world. `));
  p.append(...texts);
  document.body.append(p);
  return texts.map((t) => ({ startContainer: t, startOffset: 22, endContainer: t, endOffset: 38 }));
}

function rig(batch?: BatchHost) {
  const api = createFakeHighlightApi();
  const renderer = createHighlightRenderer(api, categoryIds, batch);
  const highlight = (category: string): FakeHighlight => highlightsOf(api).get(category)!;
  return { api, renderer, highlight };
}

/** A batching renderer on a manual clock, with `count` spans to paint. */
function batchedRig(count: number) {
  const host = manualBatchHost();
  return { host, ...rig(host), list: spans(count) };
}

const [first, second] = categoryIds as [string, string];

beforeEach(() => setBody(''));
afterEach(() => setBody(''));

describe('highlight renderer: ranges handed to the browser in batches', () => {
  it('without a batch host, each range is in its highlight as soon as it is added', () => {
    const { renderer, highlight } = rig();
    const [a] = spans(1);
    renderer.add(first, a!);
    expect(highlight(first).size).toBe(1);
  });

  it('ranges added in one task are handed over together at its end, in the order added', async () => {
    const { host, renderer, highlight, list } = batchedRig(3);
    const handles = list.map((s, i) => renderer.add(i === 1 ? second : first, s).handle);
    expect(highlight(first).size + highlight(second).size).toBe(0);
    await endOfTask();
    expect([...highlight(first)]).toEqual([handles[0], handles[2]]);
    expect([...highlight(second)]).toEqual([handles[1]]);
    expect(host.timers).toEqual([]); // no timer: the end of the task was enough
  });

  it('ranges added within the interval after a hand-over wait for one timer, due when the interval is up', async () => {
    const { host, renderer, highlight, list } = batchedRig(4);
    renderer.add(first, list[0]!);
    await endOfTask();
    expect(highlight(first).size).toBe(1);
    host.clock += 30;
    renderer.add(first, list[1]!);
    renderer.add(second, list[2]!);
    host.clock += 10;
    renderer.add(first, list[3]!);
    await endOfTask();
    expect(highlight(first).size).toBe(1);
    expect(host.timers.map((t) => t.at)).toEqual([1000 + BATCH_MS]);
    host.advance(BATCH_MS - 41);
    expect(highlight(first).size).toBe(1);
    host.advance(1);
    expect(highlight(first).size).toBe(3);
    expect(highlight(second).size).toBe(1);
  });

  it('after a quiet spell, the next task’s ranges are handed over at its end again', async () => {
    const { host, renderer, highlight, list } = batchedRig(2);
    renderer.add(first, list[0]!);
    await endOfTask();
    host.clock += BATCH_MS;
    renderer.add(first, list[1]!);
    await endOfTask();
    expect(highlight(first).size).toBe(2);
    expect(host.timers).toEqual([]);
  });

  it('a range removed while it waits is never handed over; one already handed over is deleted', async () => {
    const { host, renderer, highlight, list } = batchedRig(3);
    const early = renderer.add(first, list[0]!);
    await endOfTask();
    host.clock += 5;
    const waiting = renderer.add(first, list[1]!);
    const kept = renderer.add(first, list[2]!);
    renderer.remove(first, waiting.handle);
    renderer.remove(first, early.handle);
    host.advance(BATCH_MS);
    expect([...highlight(first)]).toEqual([kept.handle]);
  });

  it('clear() drops the waiting ranges too: the timer that fires afterwards adds nothing', async () => {
    const { host, renderer, highlight, list } = batchedRig(2);
    renderer.add(first, list[0]!);
    await endOfTask();
    host.clock += 5;
    renderer.add(first, list[1]!);
    renderer.clear();
    host.advance(BATCH_MS);
    expect(highlight(first).size).toBe(0);
  });

  it('a page scanned through a batching renderer ends with exactly the ranges of a fresh scan', async () => {
    document.body.innerHTML = [
      '<h1>Summit week</h1>',
      '<p>Beijing and Moscow again called for a multipolar world and warned against a Cold War mentality.</p>',
      '<p>Washington answered that an axis of autocracies was forming, and spoke of malign influence.</p>',
      '<ul><li>Analysts doubted that the no-limits partnership had limits.</li><li>Others called the rivalry zero-sum.</li></ul>',
    ].join('');
    const host = manualBatchHost();
    const { api, renderer } = rig(host);
    const scan = createScannerRig(document, renderer);
    scan.scanner.start();
    // The manual scheduler runs its slices in one go here: the first hand-over is at the end of
    // this task, the rest (if any arrived later) when the timer is due.
    await scan.settle();
    await endOfTask();
    host.advance(BATCH_MS);
    const painted = paintedRanges(highlightsOf(api)).map((p) => p.text);
    const expected = freshScan(document.body).map((m) => m.text);
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(painted).toEqual(expected);
    scan.scanner.dispose();
  });
});

describe('highlight renderer: nothing registered until something is painted', () => {
  const all = new Set(categoryIds);
  const names = (style: 'background' | 'underline', visible: Iterable<string> = categoryIds) => [...[...visible].map((c) => highlightName(c, style)), ACTIVE_HIGHLIGHT].sort();

  it('show() on a page without a find leaves the registry empty; the first range registers every visible category', () => {
    const { api, renderer } = rig();
    renderer.show(new Set([first, second]), 'background');
    expect([...api.registry.keys()]).toEqual([]);
    renderer.add(second, spans(1)[0]!);
    expect([...api.registry.keys()].sort()).toEqual(names('background', [first, second]));
    // Registered under its name, the category's highlight holds the range.
    expect(api.registry.get(highlightName(second, 'background'))!.size).toBe(1);
  });

  it('with batches, the registry is filled at the hand-over, not at the add', async () => {
    const { api, renderer } = rig(manualBatchHost());
    renderer.show(all, 'underline');
    renderer.add(first, spans(1)[0]!);
    expect(api.registry.size).toBe(0);
    await endOfTask();
    expect([...api.registry.keys()].sort()).toEqual(names('underline'));
  });

  it('once something is painted, show() moves the names at once (a style change, a category hidden)', () => {
    const { api, renderer } = rig();
    renderer.show(all, 'background');
    renderer.add(first, spans(1)[0]!);
    renderer.show(new Set(categoryIds.filter((c) => c !== second)), 'underline');
    expect([...api.registry.keys()].sort()).toEqual(names('underline', categoryIds.filter((c) => c !== second)));
  });

  it('marking a current term registers too; clearing it (null) does not', () => {
    const { api, renderer } = rig();
    renderer.show(all, 'background');
    renderer.setActive(null);
    expect(api.registry.size).toBe(0);
    renderer.setActive(spans(1)[0]!);
    expect(api.registry.get(ACTIVE_HIGHLIGHT)!.size).toBe(1);
  });

  it('a range added and removed before its hand-over never registers anything', async () => {
    const host = manualBatchHost();
    const { api, renderer } = rig(host);
    renderer.show(all, 'background');
    const { handle } = renderer.add(first, spans(1)[0]!);
    renderer.remove(first, handle);
    await endOfTask();
    host.advance(BATCH_MS);
    expect(api.registry.size).toBe(0);
  });

  it('a page without a find makes no Highlight at all; the first paint makes one per category, then the active mark\'s, in priority order', async () => {
    const host = manualBatchHost();
    const { api, renderer } = rig(host);
    renderer.show(all, 'background');
    renderer.setActive(null);
    const { handle } = renderer.add(second, spans(1)[0]!);
    renderer.remove(second, handle);
    renderer.add('not-a-category', spans(1)[0]!);
    renderer.clear();
    await endOfTask();
    host.advance(BATCH_MS);
    expect(api.created).toHaveLength(0);
    renderer.add(second, spans(1)[0]!);
    await endOfTask();
    expect(api.created.map((h) => h.priority)).toEqual([...categoryIds.map((_, i) => i), categoryIds.length + 1]);
    expect(api.created[categoryIds.indexOf(second)]!.size).toBe(1);
  });
});
