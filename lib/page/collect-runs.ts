/**
 * Collects the readable text of a DOM subtree as block-level runs.
 *
 * What: text nodes are joined into one string per block (a paragraph, a list item, a cell...), so a
 * phrase split by inline markup ("Cold <em>War</em> mentality", a link inside a phrase) is one run
 * of text, while text in different blocks never joins. Each run keeps its text nodes and the offset
 * of each node in the run: the offset map from run offsets back to DOM positions.
 *
 * Why this way: a hand-rolled depth-first walk over firstChild/nextSibling sees both the entry and
 * the exit of every element (a TreeWalker does not), so block boundaries cost nothing extra, and
 * excluded subtrees (script, style, form controls, editable regions, hidden, our own UI) are skipped
 * whole, never visited. Inline-ness is decided by tag name, not computed style, which would force
 * style recalculation on every element.
 */

/** Elements whose contents are never scanned. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup', 'button',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'canvas', 'video', 'audio', 'svg', 'math', 'head', 'title', 'meta', 'link',
]);

/** Elements that flow inside a line of text; every other element is a block boundary. */
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins',
  'kbd', 'label', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt',
  'u', 'var', 'wbr',
]);

/** Marks the extension's own UI; never scanned. */
export const UI_ATTRIBUTE = 'data-framing-lens-ui';

/** A block's readable text and where each piece of it lives in the DOM. */
export interface TextRun {
  text: string;
  /** The text nodes, in order. */
  nodes: Text[];
  /** `offsets[i]` is where `nodes[i]` starts in `text`. */
  offsets: number[];
  /** The nearest block-level element (or root) that contains the run. */
  block: Node;
}

/** True when an element and its subtree must not be scanned. */
export function isExcluded(el: Element): boolean {
  if (SKIP.has(el.localName)) return true;
  if (el.hasAttribute('hidden') || el.hasAttribute(UI_ATTRIBUTE)) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return false;
}

/** True when an element flows inside a line of text (does not start a new block). */
export function isInline(el: Element): boolean {
  return INLINE.has(el.localName);
}

/** The nearest block-level ancestor of `node` (or `node` itself when it is a block element). */
export function blockOf(node: Node): Node {
  let current: Node | null = node;
  while (current && (current.nodeType !== 1 || INLINE.has((current as Element).localName))) {
    if (!current.parentNode) return current;
    current = current.parentNode;
  }
  return current ?? node;
}

/** True when `node` or one of its ancestors is excluded from scanning, up to its root. */
export function isInExcludedSubtree(node: Node): boolean {
  for (let current: Node | null = node.nodeType === 1 ? node : node.parentNode; current; current = current.parentNode) {
    if (current.nodeType === 1 && isExcluded(current as Element)) return true;
  }
  return false;
}

/** True when a text has anything but spaces and line breaks (cheaper than a Unicode regex per run). */
function hasContent(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 32) return true;
  return false;
}

/**
 * The runs of readable text under `root`, in document order, lazily: the scanner pulls runs in
 * time-boxed slices. Open shadow roots are walked as their own runs (a shadow tree is a separate
 * block) and reported through `onShadowRoot`, so the caller can observe them too.
 * O(nodes in the scanned subtrees).
 */
export function* walkRuns(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void): Generator<TextRun, void, undefined> {
  let text = '';
  let nodes: Text[] = [];
  let offsets: number[] = [];
  const blocks: Node[] = [root];

  const take = (): TextRun | null => {
    const run = nodes.length > 0 && hasContent(text) ? { text, nodes, offsets, block: blocks[blocks.length - 1]! } : null;
    text = '';
    nodes = [];
    offsets = [];
    return run;
  };

  function* shadowOf(el: Element): Generator<TextRun, void, undefined> {
    const shadow = (el as Element & { shadowRoot: ShadowRoot | null }).shadowRoot;
    if (!shadow) return;
    const run = take();
    if (run) yield run;
    onShadowRoot?.(shadow);
    yield* walkRuns(shadow, onShadowRoot);
  }

  if (root.nodeType === 1) yield* shadowOf(root as Element);
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      offsets.push(text.length);
      nodes.push(node as Text);
      text += (node as Text).data;
    } else if (node.nodeType === 1) {
      const el = node as Element;
      const inline = INLINE.has(el.localName);
      if (!isExcluded(el)) {
        if (!inline) {
          const run = take();
          if (run) yield run;
          blocks.push(el);
        }
        if (el.shadowRoot) yield* shadowOf(el);
        descend = el.firstChild !== null;
        if (!descend && !inline) {
          const run = take();
          if (run) yield run;
          blocks.pop();
        }
      } else if (!inline) {
        const run = take();
        if (run) yield run;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Climb until a next sibling exists, closing blocks on the way out.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && node.nodeType === 1 && !INLINE.has((node as Element).localName)) {
        const run = take();
        if (run) yield run;
        blocks.pop();
      }
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  const run = take();
  if (run) yield run;
}

/** All runs under `root` at once (the command line and tests); see {@link walkRuns}. */
export function collectRuns(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void): TextRun[] {
  return [...walkRuns(root, onShadowRoot)];
}
