import type { Matcher } from '../match/create-matcher.ts';
import type { ReportableMatch } from './build-report.ts';
import type { CompiledLexicon } from '../lexicon/schema.ts';
import { blockOf, isInExcludedSubtree, isInline, RunCursor, type TextRun } from './collect-runs.ts';
import type { Scheduler } from './create-scheduler.ts';
import { cutSentence } from './cut-sentence.ts';
import type { Renderer } from './renderers/renderer.ts';
import { toDomSpan, type DomSpan } from './to-dom-range.ts';

/** A term found on the page: what the report needs, plus where it is painted. */
export interface PageMatch extends ReportableMatch {
  span: DomSpan;
  handle: unknown;
}

/** Options for {@link createPageScanner}. */
export interface PageScannerOptions {
  document: Document;
  lexicon: CompiledLexicon;
  matcher: Matcher;
  renderer: Renderer;
  scheduler: Scheduler;
  /** Called after a batch of work changed what was found. */
  onChange?: () => void;
  /** When more mutation records than this arrive at once, rescan the page instead. */
  rescanThreshold?: number;
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
  /** How many matches there are, without ordering them (the badge asks after every change). */
  count(): number;
  /** The words of the readable text on the page now, a match counting as one (for densities; counted when asked). */
  words(): number;
  /** Resolves when queued work is done. */
  whenIdle(): Promise<void>;
  /** Stops observing and removes every highlight. */
  dispose(): void;
}

/**
 * True when content a block would split lies on one side of a position among siblings: the first
 * sibling from `node` on (towards the end when `forward`) that is not whitespace-only text or a
 * comment is visible text or an inline element. "<b>US-led</b> <p>…</p> <b>alliance</b>": the
 * spaces next to the paragraph do not count, the bold words do.
 */
function inlineBeside(node: Node | null, forward: boolean): boolean {
  for (let n = node; n; n = forward ? n.nextSibling : n.previousSibling) {
    if (n.nodeType === 3) {
      if (/\S/.test((n as Text).data)) return true;
    } else if (n.nodeType === 1) return isInline(n as Element);
  }
  return false;
}

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
 * slice. A slice turns the records into a set of dirty blocks (an added block element is dirty
 * itself, so appending paragraphs one by one costs one paragraph each; text edits and inline
 * changes dirty their nearest block), drops the highlights of blocks that left the document, and
 * rescans each dirty block that has no dirty ancestor. Over `rescanThreshold` records, it rescans
 * the whole page (cheaper than sorting thousands of records). Only blocks with matches are tracked,
 * so bookkeeping grows with the matches, not the page.
 */
export function createPageScanner(options: PageScannerOptions): PageScanner {
  const { document: doc, lexicon, matcher, renderer, scheduler } = options;
  const threshold = options.rescanThreshold ?? 1000;
  const categories = lexicon.terms.map((t) => t.category);
  /** Matches by the block that holds them. */
  const tracked = new Map<Node, PageMatch[]>();
  const observed = new Set<Node>();
  let records: MutationRecord[] = [];
  let batchQueued = false;
  /** words(), cached until the next change. */
  let wordCount: number | null = null;
  /** The number of matches in `tracked`. */
  let total = 0;
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
    const list = tracked.get(block);
    if (!list) return;
    for (const m of list) renderer.remove(m.category, m.handle);
    total -= list.length;
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
    if (block.nodeType === 1) {
      const inside = (block as Element).getElementsByTagName('*');
      if (inside.length < tracked.size) {
        for (let i = inside.length - 1; i >= 0; i--) drop(inside[i]!);
        return total !== before;
      }
    }
    for (const other of tracked.keys()) if (block.contains(other)) drop(other);
    return total !== before;
  };

  const paintRun = (run: TextRun) => {
    const found = matcher.findMatches(run.text);
    if (found.length === 0) return false;
    if (options.isVisible && run.block.nodeType === 1 && !options.isVisible(run.block as Element)) return false;
    const list = tracked.get(run.block) ?? [];
    // Right to left, so a renderer that splits text nodes keeps earlier offsets valid.
    const added: PageMatch[] = [];
    for (let i = found.length - 1; i >= 0; i--) {
      const m = found[i]!;
      const category = categories[m.term]!;
      const cut = cutSentence(run.text, m.start, m.end);
      const painted = renderer.add(category, toDomSpan(run, m.start, m.end));
      added.push({ term: m.term, category, text: run.text.slice(m.start, m.end), sentence: cut.sentence, sentenceStart: cut.start, sentenceEnd: cut.end, span: painted.span, handle: painted.handle });
    }
    list.push(...added.reverse());
    total += added.length;
    tracked.set(run.block, list);
    ordered = null;
    return true;
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

  function* scanRoot(root: Node, gen: number): Generator<void, void, undefined> {
    let changed = false;
    // Viewport first, on big pages only: once the walk in document order has read 100k characters
    // without finishing, the blocks in the viewport that it has not reached yet are scanned next,
    // and the walk skips them when it gets there. Small pages (most) finish before and never pay
    // for the hit tests. Measured on saved pages: hit tests cost 1–3 ms, a small page's whole scan 1 ms.
    const done = new Set<Node>();
    let viewportPending = options.viewportFirst !== false && root === (doc.body ?? doc.documentElement);
    let read = 0;
    // Yield to the scheduler every ~4k characters: a deadline check per run costs more than the
    // matching of a short run, and 4k characters take well under a millisecond.
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
      if (sinceYield >= 4096) {
        sinceYield = 0;
        yield;
      }
    }
    if (changed && gen === generation) options.onChange?.();
  }

  function* processBatch(): Generator<void, void, undefined> {
    batchQueued = false;
    const batch = records;
    records = [];
    if (batch.length === 0 || disposed) return;
    wordCount = null;
    if (batch.length > threshold) {
      reset();
      return;
    }
    const dirty = new Set<Node>();
    let removed = false;
    for (const record of batch) {
      if (record.type === 'characterData') {
        dirty.add(blockOf(record.target));
        continue;
      }
      if (record.type === 'attributes') {
        const el = record.target as Element;
        dirty.add(isInline(el) ? blockOf(el) : el);
        if (isInline(el)) removed = true;
        continue;
      }
      // A block added or removed between inline content splits or joins its parent's runs, so the
      // parent is dirty too; between blocks (a list growing) only the new block is.
      // Inside an inline element, any block is inside its block's run.
      const target = record.target;
      const besideInline = (target.nodeType === 1 && isInline(target as Element)) || inlineBeside(record.previousSibling, false) || inlineBeside(record.nextSibling, true);
      for (const node of record.addedNodes) {
        if (node.nodeType === 1 && !isInline(node as Element)) {
          dirty.add(node);
          // The live siblings too: not every DOM fills the record's (happy-dom does not).
          if (besideInline || inlineBeside(node.previousSibling, false) || inlineBeside(node.nextSibling, true)) dirty.add(blockOf(target));
        } else if (node.nodeType === 1 || node.nodeType === 3) dirty.add(blockOf(target));
      }
      if (record.removedNodes.length > 0) {
        removed = true;
        for (const node of record.removedNodes) {
          if (node.nodeType === 3 || (node.nodeType === 1 && isInline(node as Element)) || besideInline) dirty.add(blockOf(target));
        }
      }
    }
    let changed = false;
    if (removed) {
      for (const block of tracked.keys()) {
        if (!block.isConnected) {
          drop(block);
          changed = true;
        }
      }
    }
    for (const block of dirty) {
      if (!block.isConnected) continue;
      let covered = false;
      for (let up = block.parentNode; up && !covered; up = up.parentNode) covered = dirty.has(up);
      if (covered) continue;
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
  }

  function reset(): void {
    generation++;
    for (const block of tracked.keys()) drop(block);
    renderer.setActive(null);
    wordCount = null;
    records = [];
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
      generation++;
      for (const block of tracked.keys()) drop(block);
      renderer.setActive(null);
      observer.disconnect();
      observed.clear();
      records = [];
      batchQueued = false;
      wordCount = null;
    },
    matches() {
      if (!ordered) ordered = [...tracked.values()].flat().sort(byPosition);
      return ordered;
    },
    count: () => total,
    words() {
      // Counted when asked (the popup's report), not while scanning: the scan only tokenises
      // around the prefilter's candidates. Same runs as the scan, so the same text.
      if (wordCount === null) {
        wordCount = 0;
        const root = doc.body ?? doc.documentElement;
        const cursor = root ? new RunCursor(root) : null;
        for (let run = cursor?.next(); run; run = cursor!.next()) wordCount += matcher.countWords(run.text);
      }
      return wordCount;
    },
    whenIdle: () => scheduler.whenIdle(),
    dispose() {
      disposed = true;
      generation++;
      observer.disconnect();
      scheduler.dispose();
      renderer.clear();
      tracked.clear();
      total = 0;
      ordered = null;
    },
  };
}

