import type { Finder, Finding, PagePoints } from '../match/create-finder.ts';
import { whyOf } from '../match/explain.ts';
import type { CompiledLexicon } from '../lexicon/compiled.ts';
import type { ReportableMatch } from '../report/page-report.ts';
import { blockOf, isInExcludedSubtree, RunCursor, type TextRun } from './collect-runs.ts';
import type { Scheduler } from './create-scheduler.ts';
import { outermost, planBatch } from './plan-batch.ts';
import type { Renderer } from './renderers/renderer.ts';
import { toDomSpan, type DomSpan } from './to-dom-range.ts';
import { ELEMENT_NODE } from './node-types.ts';

/** A term found on the page: what the report needs, plus where it is painted. */
export interface PageMatch extends ReportableMatch {
  span: DomSpan;
  handle: unknown;
}

/** Options for {@link createPageScanner}. */
export interface PageScannerOptions {
  document: Document;
  lexicon: CompiledLexicon;
  finder: Finder;
  /** Families the reader muted here (indices into the lexicon's terms); they are never painted. */
  isMuted?: (term: number) => boolean;
  renderer: Renderer;
  scheduler: Scheduler;
  /** Called after a batch of work changed what was found. */
  onChange?: () => void;
  /** When a batch of mutations touches more nodes than this, rescan the page instead. */
  rescanThreshold?: number;
  /** The clock for throttling page-level context checks (ms); defaults to Date.now. */
  now?: () => number;
  /** Whether a block is rendered (`checkVisibility`); checked only for blocks with matches. */
  isVisible?: (block: Element) => boolean;
  /** Scan the blocks in the viewport before the rest (default true). */
  viewportFirst?: boolean;
}

/** The live scanner of one document. */
export interface PageScanner {
  /** Scans the page and starts following its changes. */
  start(): void;
  /** Forgets everything and scans again (SPA navigation). */
  reset(): void;
  /** Removes every highlight and stops following changes until `start()` (site switched off). */
  stop(): void;
  /** The matches in document order. */
  matches(): PageMatch[];
  /** The match painted at a DOM position (a text node and an offset in it), or null. O(matches of its block). */
  matchAt(node: Node, offset: number): PageMatch | null;
  /** How many matches there are, without ordering them (the badge asks after every change); of one category when given. */
  count(category?: string): number;
  /** The words of the readable text on the page now, a match counting as one (for densities; counted when asked). */
  words(): number;
  /**
   * Reads again, with `finder`, only the blocks with a run of text that passes `test`, and keeps
   * `finder` from then on (the originals arrived: only the Chinese and Russian blocks change).
   * Costs a walk of the page plus the matching of those blocks.
   */
  refind(finder: Finder, test: (text: string) => boolean): void;
  /** Resolves when queued work is done. */
  whenIdle(): Promise<void>;
  /** Stops observing and removes every highlight. */
  dispose(): void;
}

/**
 * Characters read between two chances to end a slice. Warm, 4,000 take well under a millisecond;
 * on a cold start (code not optimised yet, a dense framed article) they took 20–70 ms, so a slice
 * overran its 8 ms budget by that much (measured with performance marks on the cold bench's article).
 */
const YIELD_CHARS = 1024;

/** Document order of two matches by their start points (across blocks, shadow trees aside). */
function byPosition(a: PageMatch, b: PageMatch): number {
  const x = a.span.startContainer;
  const y = b.span.startContainer;
  if (x === y) return a.span.startOffset - b.span.startOffset;
  const relation = x.compareDocumentPosition(y);
  return relation & 4 ? -1 : relation & 2 ? 1 : 0;
}

/**
 * Finds every term family in a document, paints it and keeps up with changes.
 *
 * Mutation batching: the observer callback only queues records and asks the scheduler for a
 * slice. A slice turns the records into dirty blocks (`planBatch`), drops the highlights of blocks
 * that left the document, and rescans each dirty block that has no dirty ancestor; when a batch
 * touches more than `rescanThreshold` nodes it rescans the whole page instead. Only blocks with
 * matches are tracked, so bookkeeping grows with the matches, not the page.
 *
 * Context: a contextual family without a cue near it (see `createFinder`) waits in its block
 * until the page as a whole is known to be about international affairs (and, for a family tied
 * to topics, to name one of them). That is measured after the first full scan, and only on pages
 * where something waits (the cue points of every block: one more walk); after later changes, at
 * most every few seconds while something still waits. When the page qualifies, the waiting blocks
 * are rescanned and what now fires is painted.
 */
export function createPageScanner(options: PageScannerOptions): PageScanner {
  const { document: doc, lexicon, renderer, scheduler } = options;
  let finder = options.finder;
  const threshold = options.rescanThreshold ?? 1000;
  const now = options.now ?? Date.now;
  const isMuted = options.isMuted ?? (() => false);
  const categories = lexicon.terms.map((t) => t.category);
  /** Matches by the block that holds them. */
  const tracked = new Map<Node, PageMatch[]>();
  /** Blocks with contextual finds that wait for the page-level decision. */
  const waiting = new Set<Node>();
  /** The page's cue points and topics when last measured: null until measured. */
  let page: PagePoints | null = null;
  /** When the page was last measured, for throttling. */
  let measuredAt = -Infinity;
  let measureQueued = false;
  const observed = new Set<Node>();
  let records: MutationRecord[] = [];
  let batchQueued = false;
  /** words(), cached until the next change. */
  let wordCount: number | null = null;
  /** The number of matches in `tracked`, in all and by category. */
  let total = 0;
  const byCategory = new Map<string, number>();
  const tally = (category: string, n: number) => {
    total += n;
    byCategory.set(category, (byCategory.get(category) ?? 0) + n);
  };
  let disposed = false;
  let generation = 0;
  /** matches() in document order, cached until the next change. */
  let ordered: PageMatch[] | null = null;

  const observer = new (doc.defaultView?.MutationObserver ?? MutationObserver)((list) => {
    // Only queue: never work inside the observer callback.
    for (const record of list) records.push(record);
    if (!batchQueued) {
      batchQueued = true;
      scheduler.enqueue(processBatch());
    }
  });

  const observe = (root: Node) => {
    if (observed.has(root)) return;
    observed.add(root);
    // Attributes only where they decide what is scanned: a region that becomes editable or hidden
    // drops its highlights at once, and one that is revealed gets scanned.
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden', 'contenteditable'] });
  };

  const drop = (block: Node) => {
    waiting.delete(block);
    const list = tracked.get(block);
    if (!list) return;
    for (const m of list) {
      renderer.remove(m.category, m.handle);
      tally(m.category, -1);
    }
    tracked.delete(block);
    ordered = null;
  };

  /**
   * Drops the matches of `block` and of the tracked blocks inside it. Walks whichever is smaller,
   * the block's elements or the tracked blocks: a paragraph appended to a long page has a handful
   * of elements, while the page may track a thousand blocks.
   */
  const dropWithin = (block: Node): boolean => {
    const before = total;
    drop(block);
    if (block.nodeType === ELEMENT_NODE) {
      const inside = (block as Element).getElementsByTagName('*');
      if (inside.length < tracked.size + waiting.size) {
        for (let i = inside.length - 1; i >= 0; i--) drop(inside[i]!);
        return total !== before;
      }
    }
    for (const other of [...tracked.keys(), ...waiting]) if (block.contains(other)) drop(other);
    return total !== before;
  };

  /** Paints findings of one run, right to left (a renderer that splits text nodes keeps earlier offsets valid). */
  const paint = (run: TextRun, findings: readonly Finding[]): boolean => {
    const list = tracked.get(run.block) ?? [];
    const added: PageMatch[] = [];
    for (let i = findings.length - 1; i >= 0; i--) {
      const f = findings[i]!;
      if (isMuted(f.term)) continue;
      const category = categories[f.term]!;
      const painted = renderer.add(category, toDomSpan(run, f.start, f.end));
      const why = whyOf(f, run.text);
      added.push({ term: f.term, category, text: run.text.slice(f.start, f.end), context: run.text, start: f.start, end: f.end, why, span: painted.span, handle: painted.handle });
    }
    if (added.length === 0) return false;
    list.push(...added.reverse());
    if (list.length > added.length) list.sort(byPosition);
    for (const m of added) tally(m.category, 1);
    tracked.set(run.block, list);
    ordered = null;
    return true;
  };

  const paintRun = (run: TextRun): boolean => {
    const { found, pending } = finder.find(run.text);
    if (found.length === 0 && pending.length === 0) return false;
    if (options.isVisible && run.block.nodeType === ELEMENT_NODE && !options.isVisible(run.block as Element)) return false;
    if (pending.length === 0) return paint(run, found);
    const measured = page;
    const fire = measured ? pending.filter((f) => finder.firesOnPage(f, measured)) : [];
    if (fire.length < pending.length) waiting.add(run.block);
    if (fire.length === 0) return paint(run, found);
    return paint(run, [...found, ...fire.map((f): Finding => ({ ...f, cue: { where: 'page' } }))].sort((a, b) => a.start - b.start));
  };

  const ignoreOwnMutations = () => {
    if (renderer.mutatesDom) observer.takeRecords();
  };

  /**
   * The blocks under a 5×5 grid of points of the visible area, outermost only. Hit testing needs
   * layout and costs 1–3 ms, so it is only used on big pages (see scanRoot).
   */
  function viewportBlocks(): Node[] {
    const view = doc.defaultView;
    if (!view || typeof doc.elementFromPoint !== 'function' || !view.innerWidth || !view.innerHeight) return [];
    const blocks = new Set<Node>();
    for (let i = 1; i <= 5; i++) {
      for (let j = 1; j <= 5; j++) {
        const hit = doc.elementFromPoint((view.innerWidth * i) / 6, (view.innerHeight * j) / 6);
        if (!hit || hit === doc.body || hit === doc.documentElement || isInExcludedSubtree(hit)) continue;
        blocks.add(blockOf(hit));
      }
    }
    // Keep only the outermost of nested blocks.
    return [...blocks].filter((b) => ![...blocks].some((o) => o !== b && o.contains(b)));
  }

  /** Queues the page-level measurement when blocks wait for it and it is due. */
  function measureIfNeeded(): void {
    if (waiting.size === 0 || measureQueued || now() - measuredAt < 3000) return;
    measureQueued = true;
    scheduler.enqueue(measurePage(generation));
  }

  /** Measures the page's cue points block by block; when it is about international affairs, rescans the waiting blocks. */
  function* measurePage(gen: number): Generator<void, void, undefined> {
    measureQueued = false;
    const root = doc.body ?? doc.documentElement;
    if (!root || gen !== generation) return;
    const sum: PagePoints = { points: 0, words: 0, topics: 0 };
    let sinceYield = 0;
    const cursor = new RunCursor(root);
    for (let run = cursor.next(); run; run = cursor.next()) {
      if (gen !== generation) return;
      const p = finder.pagePoints(run.text);
      sum.points += p.points;
      sum.words += p.words;
      sum.topics |= p.topics;
      sinceYield += run.text.length + 64;
      if (sinceYield >= YIELD_CHARS) {
        sinceYield = 0;
        yield;
      }
    }
    measuredAt = now();
    page = sum;
    if (!finder.isInternational(sum)) return;
    let changed = false;
    for (const block of [...waiting]) {
      waiting.delete(block);
      if (!block.isConnected) continue;
      if (dropWithin(block)) changed = true;
      const blockCursor = new RunCursor(block, observe);
      for (let run = blockCursor.next(); run; run = blockCursor.next()) if (paintRun(run)) changed = true;
      ignoreOwnMutations();
      yield;
    }
    if (changed && gen === generation) options.onChange?.();
  }

  function* scanRoot(root: Node, gen: number): Generator<void, void, undefined> {
    let changed = false;
    // Viewport first, on big pages only: once the walk in document order has read 100k characters
    // without finishing, the blocks in the viewport that it has not reached yet are scanned next,
    // and the walk skips them when it gets there. Small pages (most) finish before and never pay
    // for the hit tests. Measured on saved pages: hit tests cost 1–3 ms, a small page's whole scan 1 ms.
    const done = new Set<Node>();
    let viewportPending = options.viewportFirst !== false && root === (doc.body ?? doc.documentElement);
    let read = 0;
    // Yield to the scheduler every ~1k characters (YIELD_CHARS), not after every run: a deadline
    // check per run costs more than the matching of a short run.
    let sinceYield = 0;
    const cursor = new RunCursor(root, observe);
    for (let run = cursor.next(); run; run = cursor.next()) {
      if (gen !== generation) return;
      if (done.size > 0 && done.has(run.block)) continue;
      if (paintRun(run)) changed = true;
      ignoreOwnMutations();
      read += run.text.length;
      sinceYield += run.text.length + 64;
      if (viewportPending && read > 100_000 && run.block.getRootNode() === doc) {
        viewportPending = false;
        for (const block of viewportBlocks()) {
          // Only blocks wholly ahead of the walk: the rest are done, or hold the current run.
          if (!(run.block.compareDocumentPosition(block) & 4) || block.contains(run.block)) continue;
          const blockCursor = new RunCursor(block, observe);
          for (let inner = blockCursor.next(); inner; inner = blockCursor.next()) {
            done.add(inner.block);
            if (paintRun(inner)) changed = true;
          }
          ignoreOwnMutations();
        }
      }
      if (sinceYield >= YIELD_CHARS) {
        sinceYield = 0;
        yield;
      }
    }
    if (changed && gen === generation) options.onChange?.();
    measureIfNeeded();
  }

  function* processBatch(): Generator<void, void, undefined> {
    batchQueued = false;
    const batch = records;
    records = [];
    if (batch.length === 0 || disposed) return;
    wordCount = null;
    const plan = planBatch(batch, threshold);
    if (plan.rescan) {
      reset();
      return;
    }
    let changed = false;
    if (plan.removed) {
      for (const block of [...tracked.keys(), ...waiting]) {
        if (!block.isConnected) {
          drop(block);
          changed = true;
        }
      }
    }
    for (const block of outermost(plan.dirty)) {
      if (dropWithin(block)) changed = true;
      // Now editable, hidden or otherwise excluded: its old highlights are gone, nothing to scan.
      if (isInExcludedSubtree(block)) continue;
      const cursor = new RunCursor(block, observe);
      for (let run = cursor.next(); run; run = cursor.next()) {
        if (paintRun(run)) changed = true;
      }
      ignoreOwnMutations();
      yield;
    }
    if (changed) options.onChange?.();
    measureIfNeeded();
  }

  /** The blocks with a run that passes `test`, each read again with the current finder. */
  function* refindWhere(test: (text: string) => boolean, gen: number): Generator<void, void, undefined> {
    const root = doc.body ?? doc.documentElement;
    if (!root) return;
    const runs = new Map<Node, TextRun[]>();
    const chosen = new Set<Node>();
    const cursor = new RunCursor(root, observe);
    for (let run = cursor.next(); run; run = cursor.next()) {
      const list = runs.get(run.block);
      if (list) list.push(run);
      else runs.set(run.block, [run]);
      if (test(run.text)) chosen.add(run.block);
    }
    let changed = false;
    for (const block of chosen) {
      if (gen !== generation) return;
      if (tracked.has(block) || waiting.has(block)) {
        drop(block);
        changed = true;
      }
      for (const run of runs.get(block)!) if (paintRun(run)) changed = true;
      ignoreOwnMutations();
      yield;
    }
    wordCount = null;
    if (changed && gen === generation) options.onChange?.();
    measureIfNeeded();
  }

  /** Forgets every find and highlight and stops what is queued (reset, stop and dispose share it). */
  function teardown(): void {
    generation++;
    for (const block of [...tracked.keys()]) drop(block);
    waiting.clear();
    page = null;
    measuredAt = -Infinity;
    measureQueued = false;
    renderer.setActive(null);
    records = [];
    wordCount = null;
  }

  function reset(): void {
    teardown();
    options.onChange?.();
    const root = doc.body ?? doc.documentElement;
    if (root) scheduler.enqueue(scanRoot(root, generation));
  }

  return {
    start() {
      observe(doc);
      reset();
    },
    reset,
    stop() {
      teardown();
      observer.disconnect();
      observed.clear();
      batchQueued = false;
    },
    matches() {
      if (!ordered) ordered = [...tracked.values()].flat().sort(byPosition);
      return ordered;
    },
    matchAt(node, offset) {
      const list = tracked.get(blockOf(node));
      if (!list) return null;
      for (const m of list) {
        const { startContainer, startOffset, endContainer, endOffset } = m.span;
        if (startContainer === node || endContainer === node) {
          if ((startContainer !== node || offset >= startOffset) && (endContainer !== node || offset <= endOffset)) return m;
        } else if (startContainer !== endContainer) {
          // A span across nodes: the node is inside when it lies between the span's ends.
          if (startContainer.compareDocumentPosition(node) & 4 && node.compareDocumentPosition(endContainer) & 4) return m;
        }
      }
      return null;
    },
    count: (category) => (category === undefined ? total : (byCategory.get(category) ?? 0)),
    words() {
      // Counted when asked (the popup's report; most pages never ask), not kept per block while
      // scanning. Same runs as the scan, so the same text.
      if (wordCount === null) {
        wordCount = 0;
        const root = doc.body ?? doc.documentElement;
        const cursor = root ? new RunCursor(root) : null;
        for (let run = cursor?.next(); run; run = cursor!.next()) wordCount += finder.countWords(run.text);
      }
      return wordCount;
    },
    refind(next, test) {
      finder = next;
      // Not started (or stopped): the next start reads everything with the new finder.
      if (!disposed && observed.size > 0) scheduler.enqueue(refindWhere(test, generation));
    },
    whenIdle: () => scheduler.whenIdle(),
    dispose() {
      disposed = true;
      teardown();
      observer.disconnect();
      scheduler.dispose();
      renderer.clear();
      tracked.clear();
      total = 0;
      byCategory.clear();
      ordered = null;
    },
  };
}
