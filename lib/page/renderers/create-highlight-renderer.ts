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

/**
 * Paints with the CSS Custom Highlight API: one `Highlight` per category, registered as
 * `framing-lens-<category>` (or `…-underline`) only while the category is visible. The DOM is
 * never touched; toggling is one registry `set`/`delete`.
 */
export function createHighlightRenderer(api: HighlightApi, categories: readonly string[]): Renderer {
  const highlights = new Map(categories.map((c, i) => {
    const h = new api.Highlight();
    h.priority = i;
    return [c, h] as const;
  }));
  const active = new api.Highlight();
  active.priority = categories.length + 1;
  let registered: string[] = [];

  return {
    mutatesDom: false,
    add(category, span) {
      const range = new api.StaticRange(span);
      highlights.get(category)?.add(range);
      return { handle: range, span };
    },
    remove(category, handle) {
      highlights.get(category)?.delete(handle as AbstractRange);
    },
    show(visible, style) {
      for (const name of registered) api.highlights.delete(name);
      registered = [];
      for (const [category, h] of highlights) {
        if (!visible.has(category)) continue;
        const name = highlightName(category, style);
        api.highlights.set(name, h);
        registered.push(name);
      }
      api.highlights.set(ACTIVE_HIGHLIGHT, active);
      registered.push(ACTIVE_HIGHLIGHT);
    },
    setActive(span) {
      active.clear();
      if (span) active.add(new api.StaticRange(span));
    },
    clear() {
      for (const h of highlights.values()) h.clear();
      active.clear();
    },
  };
}
