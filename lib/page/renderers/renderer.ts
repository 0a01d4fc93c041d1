import type { DomSpan } from '../to-dom-range.ts';

/**
 * Paints matches. Implementations never change the page's text. A renderer is told which
 * categories are visible; toggling a category only changes what is shown, never what was found.
 */
export interface Renderer {
  /**
   * Paints one span in a category. Returns the handle that removes it and the span as painted (a
   * renderer that splits text nodes returns the nodes the text now lives in). Call right to left
   * within a run, so painting never moves text that is still to be painted.
   */
  add(category: string, span: DomSpan): { handle: unknown; span: DomSpan };
  /** Removes what `add` painted. */
  remove(category: string, handle: unknown): void;
  /** Shows exactly these categories in this style. */
  show(categories: ReadonlySet<string>, style: 'background' | 'underline'): void;
  /** Marks one span as the active (keyboard-selected) highlight, or none. */
  setActive(span: DomSpan | null): void;
  /** Removes everything painted. */
  clear(): void;
  /** True when painting changes the DOM, so the scanner must ignore the mutations it causes. */
  readonly mutatesDom: boolean;
}

/** The registry name of a category's highlight; the manifest CSS styles `::highlight(<name>)`. */
export function highlightName(category: string, style: 'background' | 'underline'): string {
  return style === 'underline' ? `framing-lens-${category}-underline` : `framing-lens-${category}`;
}

/** The registry name of the active highlight. */
export const ACTIVE_HIGHLIGHT = 'framing-lens-active';
