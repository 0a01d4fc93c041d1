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
      if (span.startContainer === span.endContainer) {
        out.push(wrap(span.startContainer, span.startOffset, span.endOffset, category));
        return out;
      }
      // Walk the text nodes between start and end, right to left so earlier offsets stay valid.
      const nodes: Text[] = [];
      const walker = doc.createTreeWalker(span.startContainer.parentNode!.ownerDocument!.body ?? doc.documentElement, 4);
      walker.currentNode = span.startContainer;
      for (let n: Node | null = span.startContainer; n; n = walker.nextNode()) {
        nodes.push(n as Text);
        if (n === span.endContainer) break;
      }
      for (let i = nodes.length - 1; i >= 0; i--) {
        const node = nodes[i]!;
        const from = node === span.startContainer ? span.startOffset : 0;
        const to = node === span.endContainer ? span.endOffset : node.length;
        if (to > from) out.push(wrap(node, from, to, category));
      }
      return out;
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
