import type { DomSpan } from '../to-dom-range.ts';
import { ACTIVE_HIGHLIGHT, highlightName, type Renderer } from './renderer.ts';

/** What the CSS Custom Highlight API offers in a window. */
export interface HighlightApi {
  highlights: { set(name: string, h: unknown): unknown; delete(name: string): boolean };
  Highlight: new () => { add(r: AbstractRange): unknown; delete(r: AbstractRange): boolean; clear(): void; priority: number };
  StaticRange: new (init: DomSpan) => AbstractRange;
}

/** The Highlight API of `win`, or null when it is missing. Feature-detects `CSS.highlights` (never `CSS.supports`). */
export function getHighlightApi(win: Window & typeof globalThis): HighlightApi | null {
  const css = win.CSS as unknown as { highlights?: HighlightApi['highlights'] } | undefined;
  const ctor = (win as unknown as { Highlight?: HighlightApi['Highlight'] }).Highlight;
  if (!css || !css.highlights || typeof ctor !== 'function' || typeof win.StaticRange !== 'function') return null;
  return { highlights: css.highlights, Highlight: ctor, StaticRange: win.StaticRange as unknown as HighlightApi['StaticRange'] };
}

/** One `Highlight` of the API. */
type PageHighlight = InstanceType<HighlightApi['Highlight']>;

/** A clock and a timer: with them the renderer hands new ranges to the browser in batches. */
export interface BatchHost {
  now(): number;
  setTimeout(cb: () => void, ms: number): unknown;
}

/**
 * At most one change to the registered highlights per this many milliseconds while a page is
 * being read. Chromium rebuilds the markers of every range of every registered highlight in each
 * frame after any of them changed (`HighlightRegistry::ValidateHighlightMarkers`), so a scan that
 * adds ranges in every slice pays that rebuild, growing with the ranges, in every frame. Measured on
 * the cold bench's 60,092-word article (2,041 highlights, 3 runs each): from the first slice to the
 * last, 211–242 ms of the scan's work took 514–605 ms of wall time; handed over in batches,
 * 227–325 ms took 348–434 ms.
 */
export const BATCH_MS = 100;

/**
 * Paints with the CSS Custom Highlight API: one `Highlight` per category, registered as
 * `framing-lens-<category>` (or `…-underline`) only while the category is visible. The DOM is
 * never touched; toggling is one registry `set`/`delete`. Nothing is made or registered until the
 * first range is painted: a page without a find leaves the page's registry as it was, and costs no
 * `Highlight` (11 of them cost ~20 µs per frame in Chromium, measured with the DevTools profiler).
 *
 * With a `batch` host, ranges are handed to their highlights together: at the end of the task that
 * added them when the last hand-over is {@link BATCH_MS} old or more (the first slice of a page,
 * a change after a quiet spell: painted in the next frame), else when that interval is up (a
 * timer). A page read in slices changes its highlights ten times a second at most.
 * Without one (tests, the command line) every range is added at once.
 */
export function createHighlightRenderer(api: HighlightApi, categories: readonly string[], batch?: BatchHost): Renderer {
  const known = new Set(categories);
  /** The highlights by category and the active mark's, made at the first paint (a page without a find makes none). */
  let highlights: Map<string, PageHighlight> | null = null;
  let active: PageHighlight | null = null;
  let registered: string[] = [];
  /** What {@link Renderer.show} asked for last; applied once something is painted. */
  let wanted: { visible: ReadonlySet<string>; style: 'background' | 'underline' } | null = null;
  const register = () => {
    for (const name of registered) api.highlights.delete(name);
    registered = [];
    if (!wanted || !highlights || !active) return;
    for (const [category, h] of highlights) {
      if (!wanted.visible.has(category)) continue;
      const name = highlightName(category, wanted.style);
      api.highlights.set(name, h);
      registered.push(name);
    }
    api.highlights.set(ACTIVE_HIGHLIGHT, active);
    registered.push(ACTIVE_HIGHLIGHT);
  };
  /** Called before a range goes into a highlight: the first call makes and registers them; returns them by category. */
  const paint = (): Map<string, PageHighlight> => {
    if (!highlights) {
      highlights = new Map(categories.map((c, i) => {
        const h = new api.Highlight();
        h.priority = i;
        return [c, h] as const;
      }));
      active = new api.Highlight();
      active.priority = categories.length + 1;
      register();
    }
    return highlights;
  };
  /** Ranges not yet handed to their highlight, in the order they were added. */
  const waiting = new Map<string, Set<AbstractRange>>();
  let handedAt = Number.NEGATIVE_INFINITY;
  /** Whether a hand-over is due (a microtask or a timer). */
  let queued = false;
  /** Only ever queued by `add` with a batch host. */
  const handOver = (host: BatchHost) => {
    queued = false;
    handedAt = host.now();
    if (waiting.size === 0) return;
    const painted = paint();
    for (const [category, ranges] of waiting) {
      const h = painted.get(category)!;
      for (const range of ranges) h.add(range);
    }
    waiting.clear();
  };

  return {
    mutatesDom: false,
    add(category, span) {
      const range = new api.StaticRange(span);
      if (!known.has(category)) return { handle: range, span };
      if (!batch) {
        paint().get(category)!.add(range);
        return { handle: range, span };
      }
      let ranges = waiting.get(category);
      if (!ranges) waiting.set(category, (ranges = new Set()));
      ranges.add(range);
      if (!queued) {
        // After a quiet spell, at the end of this task (the slice's ranges together, before the
        // next frame); otherwise when the interval since the last hand-over is up.
        queued = true;
        const since = batch.now() - handedAt;
        if (since >= BATCH_MS) queueMicrotask(() => handOver(batch));
        else batch.setTimeout(() => handOver(batch), BATCH_MS - since);
      }
      return { handle: range, span };
    },
    remove(category, handle) {
      const ranges = waiting.get(category);
      if (ranges?.delete(handle as AbstractRange)) {
        if (ranges.size === 0) waiting.delete(category);
        return;
      }
      highlights?.get(category)?.delete(handle as AbstractRange);
    },
    show(visible, style) {
      wanted = { visible, style };
      if (highlights) register();
    },
    setActive(span) {
      active?.clear();
      if (span) {
        paint();
        active!.add(new api.StaticRange(span));
      }
    },
    clear() {
      waiting.clear();
      if (highlights) for (const h of highlights.values()) h.clear();
      active?.clear();
    },
  };
}
