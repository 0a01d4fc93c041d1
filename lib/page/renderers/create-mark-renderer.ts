import { isInExcludedSubtree } from '../collect-runs.ts';
import { SHOW_TEXT } from '../node-types.ts';
import type { DomSpan } from '../to-dom-range.ts';
import { highlightName, type Renderer } from './renderer.ts';

/** The attribute every fallback `<mark>` carries; its value is the category id. */
export const MARK_ATTRIBUTE = 'data-framing-lens-mark';

/**
 * The fallback for browsers without the Highlight API: wraps each span's text in `<mark>`
 * elements built with createElement (never HTML strings). Text nodes are split, not rewritten, so
 * the page's text is unchanged; `remove` and `clear` unwrap and `normalize()` the parent.
 * Category visibility is an attribute on each mark that the manifest CSS keys on.
 */
export function createMarkRenderer(doc: Document): Renderer {
  const marks = new Set<HTMLElement>();
  let visible = new Set<string>();
  let style: 'background' | 'underline' = 'background';

  const wrap = (node: Text, from: number, to: number, category: string): HTMLElement => {
    let target = node;
    if (to < target.length) target.splitText(to);
    if (from > 0) target = target.splitText(from);
    const mark = doc.createElement('mark');
    mark.setAttribute(MARK_ATTRIBUTE, category);
    mark.setAttribute('data-framing-lens-style', highlightName(category, style));
    if (!visible.has(category)) mark.setAttribute('data-framing-lens-hidden', '');
    target.parentNode!.insertBefore(mark, target);
    mark.appendChild(target);
    marks.add(mark);
    return mark;
  };
  const unwrap = (mark: HTMLElement) => {
    const parent = mark.parentNode;
    marks.delete(mark);
    if (!parent) return;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  };

  return {
    mutatesDom: true,
    add(category, span) {
      const out: HTMLElement[] = [];
      const painted = (): { handle: unknown; span: DomSpan } => {
        // Marks were made right to left: the first text is in the last mark.
        const first = out[out.length - 1]!.firstChild as Text;
        const last = out[0]!.firstChild as Text;
        return { handle: out, span: { startContainer: first, startOffset: 0, endContainer: last, endOffset: last.length } };
      };
      if (span.startContainer === span.endContainer) {
        out.push(wrap(span.startContainer, span.startOffset, span.endOffset, category));
        return painted();
      }
      // Walk the text nodes between start and end, right to left so earlier offsets stay valid.
      const nodes: Text[] = [];
      const walker = doc.createTreeWalker(span.startContainer.getRootNode(), SHOW_TEXT);
      walker.currentNode = span.startContainer;
      for (let n: Node | null = span.startContainer; n; n = walker.nextNode()) {
        nodes.push(n as Text);
        if (n === span.endContainer) break;
      }
      for (let i = nodes.length - 1; i >= 0; i--) {
        const node = nodes[i]!;
        const from = node === span.startContainer ? span.startOffset : 0;
        const to = node === span.endContainer ? span.endOffset : node.length;
        // Text inside a hidden or editable inline element is part of the run's DOM but not of what we paint.
        if (to > from && !isInExcludedSubtree(node)) out.push(wrap(node, from, to, category));
      }
      if (out.length === 0) return { handle: out, span };
      return painted();
    },
    remove(_category, handle) {
      for (const mark of handle as HTMLElement[]) unwrap(mark);
    },
    show(categories, nextStyle) {
      visible = new Set(categories);
      style = nextStyle;
      for (const mark of marks) {
        const category = mark.getAttribute(MARK_ATTRIBUTE)!;
        mark.setAttribute('data-framing-lens-style', highlightName(category, style));
        if (visible.has(category)) mark.removeAttribute('data-framing-lens-hidden');
        else mark.setAttribute('data-framing-lens-hidden', '');
      }
    },
    setActive() {
      // The fallback has no separate active style; the hover card still shows.
    },
    clear() {
      for (const mark of [...marks]) unwrap(mark);
    },
  };
}
