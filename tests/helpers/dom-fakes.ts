/**
 * Test doubles for the DOM tier: a fake CSS Custom Highlight API (happy-dom has none), a manual
 * scheduler host, the real compiled lexicon and finder, and small helpers to let the page
 * scanner process mutations deterministically.
 */
import { collectRuns, isInExcludedSubtree } from '../../lib/page/collect-runs.ts';
import compiledJson from '../../lexicon/generated/compiled.json';
import type { CompiledLexicon } from '../../lib/lexicon/schema.ts';
import { createFinder, type Finder } from '../../lib/match/create-finder.ts';
import { createPageScanner, type PageScanner, type PageScannerOptions } from '../../lib/page/create-page-scanner.ts';
import { createScheduler, type Scheduler, type SchedulerHost } from '../../lib/page/create-scheduler.ts';
import { createHighlightRenderer, type HighlightApi } from '../../lib/page/renderers/create-highlight-renderer.ts';
import type { Renderer } from '../../lib/page/renderers/renderer.ts';
import type { DomSpan } from '../../lib/page/to-dom-range.ts';

/** The real compiled lexicon. */
export const fullLexicon = compiledJson as unknown as CompiledLexicon;
/**
 * The real lexicon with the page-level context rule switched off (no page is ever "about
 * international affairs as a whole"), so what a block shows depends on that block alone and an
 * incremental scan can be compared with a fresh one. The page-level rule has tests of its own.
 */
export const lexicon: CompiledLexicon = { ...fullLexicon, context: { ...fullLexicon.context, page: { points: Number.POSITIVE_INFINITY, per1000: Number.POSITIVE_INFINITY } } };
export const categoryIds = lexicon.categories.map((c) => c.id);

/** The family index of a term id; throws when the lexicon has no such family. */
export function termIndex(id: string): number {
  const i = lexicon.terms.findIndex((t) => t.id === id);
  if (i < 0) throw new Error(`no term "${id}" in the compiled lexicon`);
  return i;
}

export function termId(index: number): string {
  return lexicon.terms[index]!.id;
}

/** A fresh finder over the test lexicon (finders keep scanner state, so one per user). */
export function realFinder(of: CompiledLexicon = lexicon): Finder {
  return createFinder(of);
}

/** What a fresh scan of `root` finds, block by block with the pure finder: [term id, text] in document order. */
export function freshScan(root: Node): { id: string; category: string; text: string }[] {
  const finder = realFinder();
  const out: { id: string; category: string; text: string }[] = [];
  for (const run of collectRuns(root)) {
    for (const f of finder.find(run.text).found) out.push({ id: termId(f.term), category: lexicon.terms[f.term]!.category, text: run.text.slice(f.start, f.end) });
  }
  return out;
}

/** A plain StaticRange: just the four boundary fields. */
export class FakeStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  constructor(init: DomSpan) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
  get collapsed(): boolean {
    return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
}

/** A Highlight backed by a Set, like the real one (a setlike of ranges with a priority). */
export class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

export interface FakeHighlightApi extends HighlightApi {
  registry: Map<string, FakeHighlight>;
  /** Every Highlight the renderer constructed, in construction order (categories, then active). */
  created: FakeHighlight[];
}

export function createFakeHighlightApi(): FakeHighlightApi {
  const registry = new Map<string, FakeHighlight>();
  const created: FakeHighlight[] = [];
  class TrackedHighlight extends FakeHighlight {
    constructor() {
      super();
      created.push(this);
    }
  }
  return {
    registry,
    created,
    highlights: {
      set: (name: string, h: unknown) => registry.set(name, h as FakeHighlight),
      delete: (name: string) => registry.delete(name),
    },
    Highlight: TrackedHighlight as unknown as HighlightApi['Highlight'],
    StaticRange: FakeStaticRange as unknown as HighlightApi['StaticRange'],
  };
}

/** Each category's Highlight the renderer made over `api` (an empty one where it made none yet: it makes them at its first paint). */
export function highlightsOf(api: FakeHighlightApi): Map<string, FakeHighlight> {
  return new Map(categoryIds.map((c, i) => [c, api.created[i] ?? new FakeHighlight()] as const));
}

/**
 * The highlight renderer over a fake API; `byCategory` exposes each category's Highlight and
 * `active` the active mark's (empty ones until the renderer makes them, at its first paint).
 */
export function createFakeHighlightRenderer(): { renderer: Renderer; api: FakeHighlightApi; readonly byCategory: Map<string, FakeHighlight>; readonly active: FakeHighlight } {
  const api = createFakeHighlightApi();
  const renderer = createHighlightRenderer(api, categoryIds);
  return {
    renderer,
    api,
    get byCategory() {
      return highlightsOf(api);
    },
    get active() {
      return api.created[categoryIds.length] ?? new FakeHighlight();
    },
  };
}

/**
 * The scannable text a range covers: its text nodes, minus any inside an excluded subtree (a hidden
 * or editable inline element can sit inside a painted phrase; it paints nothing, and a fresh scan
 * does not read it either).
 */
export function rangeText(r: AbstractRange): string {
  const doc = r.startContainer.ownerDocument!;
  if (r.startContainer === r.endContainer) return (r.startContainer as Text).data.slice(r.startOffset, r.endOffset);
  const walker = doc.createTreeWalker(r.startContainer.getRootNode(), 4);
  walker.currentNode = r.startContainer;
  let out = '';
  for (let n: Node | null = r.startContainer; n; n = walker.nextNode()) {
    const text = (n as Text).data;
    const from = n === r.startContainer ? r.startOffset : 0;
    const to = n === r.endContainer ? r.endOffset : text.length;
    if (!isInExcludedSubtree(n)) out += text.slice(from, to);
    if (n === r.endContainer) break;
  }
  return out;
}

/** Every painted range as [category, text], in document order. */
export function paintedRanges(byCategory: Map<string, FakeHighlight>): { category: string; text: string; range: AbstractRange }[] {
  const out: { category: string; text: string; range: AbstractRange }[] = [];
  for (const [category, h] of byCategory) for (const range of h) out.push({ category, text: rangeText(range), range });
  out.sort((a, b) => {
    const x = a.range.startContainer;
    const y = b.range.startContainer;
    if (x === y) return a.range.startOffset - b.range.startOffset;
    return x.compareDocumentPosition(y) & 4 ? -1 : 1;
  });
  return out;
}

/** A scheduler host whose clock is a counter and whose idle callbacks wait in a queue until drained. */
export interface ManualHost extends SchedulerHost {
  pending: (() => void)[];
  /** Runs the queued slices (including ones they queue) until none are left; returns how many ran. */
  drain(): number;
}

export function createManualHost(step = 1): ManualHost {
  let clock = 0;
  const pending: (() => void)[] = [];
  return {
    pending,
    now: () => (clock += step),
    requestSlice: (cb) => void pending.push(cb),
    drain() {
      let ran = 0;
      while (pending.length > 0) {
        pending.shift()!();
        ran++;
        if (ran > 1_000_000) throw new Error('scheduler never settles');
      }
      return ran;
    },
  };
}

/** Lets happy-dom deliver mutation records (a microtask/macrotask away). */
export const nextTask = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

export interface ScannerRig {
  scanner: PageScanner;
  scheduler: Scheduler;
  host: ManualHost;
  renderer: Renderer;
  /** How many times the scanner called `finder.find` (one per run scanned). */
  runsScanned(): number;
  /** The texts passed to `find`, in order, since the last `resetLog()`. */
  scannedTexts: string[];
  resetLog(): void;
  onChange: { calls: number };
  /** Waits for mutation records and runs all queued work; repeats until nothing more arrives. */
  settle(): Promise<void>;
}

/** A page scanner over `doc` with the real finder, a manual scheduler and the given renderer. */
export function createScannerRig(doc: Document, renderer: Renderer, extra: Partial<PageScannerOptions> = {}): ScannerRig {
  const host = createManualHost();
  const scheduler = createScheduler(host);
  const inner = realFinder(extra.lexicon ?? lexicon);
  const scannedTexts: string[] = [];
  let count = 0;
  const finder: Finder = {
    ...inner,
    find(text) {
      count++;
      scannedTexts.push(text);
      return inner.find(text);
    },
  };
  const onChange = { calls: 0 };
  // A clock that moves ten seconds per reading: page-level measurements are never throttled here.
  let clock = 0;
  const scanner = createPageScanner({
    document: doc,
    lexicon,
    finder,
    renderer,
    scheduler,
    now: () => (clock += 10_000),
    onChange: () => void onChange.calls++,
    ...extra,
  });
  return {
    scanner,
    scheduler,
    host,
    renderer,
    runsScanned: () => count,
    scannedTexts,
    resetLog() {
      count = 0;
      scannedTexts.length = 0;
    },
    onChange,
    async settle() {
      // Mutation records arrive a (micro)task later; the work they queue may cause more records
      // (the <mark> renderer), so repeat until a round delivers nothing.
      for (let i = 0; i < 20; i++) {
        await nextTask();
        if (host.drain() === 0 && host.pending.length === 0) return;
      }
      throw new Error('the scanner did not settle after 20 rounds');
    },
  };
}

/** Matches as [term id, text] pairs, for readable comparisons. */
export function pairs(matches: readonly { term: number; text: string }[]): [string, string][] {
  return matches.map((m) => [termId(m.term), m.text]);
}
