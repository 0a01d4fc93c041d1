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

import { ELEMENT_NODE, TEXT_NODE } from './node-types.ts';

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
  while (current && (current.nodeType !== ELEMENT_NODE || INLINE.has((current as Element).localName))) {
    if (!current.parentNode) return current;
    current = current.parentNode;
  }
  return current ?? node;
}

/** True when `node` or one of its ancestors is excluded from scanning, up to its root. */
export function isInExcludedSubtree(node: Node): boolean {
  for (let current: Node | null = node.nodeType === ELEMENT_NODE ? node : node.parentNode; current; current = current.parentNode) {
    if (current.nodeType === ELEMENT_NODE && isExcluded(current as Element)) return true;
  }
  return false;
}

/** True when a text has anything but spaces and line breaks (cheaper than a Unicode regex per node). */
function hasContent(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 32) return true;
  return false;
}

/**
 * Elements that can host a shadow root: custom elements (a hyphen in the name) and these (the
 * `attachShadow` list, which declarative shadow DOM shares). Asking any other element for its
 * `shadowRoot` is a DOM call per element that can only answer null.
 */
const SHADOW_HOSTS = new Set([
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span',
]);

/** Descendants of `root` that carry an attribute isExcluded looks at: one native query instead of three attribute reads per element. */
const FLAGGED = `[hidden],[contenteditable],[${UI_ATTRIBUTE}]`;

/**
 * A cursor over the runs of readable text under `root`, in document order: `next()` returns the
 * next run or null at the end. The scanner pulls runs in time-boxed slices; nothing is read ahead
 * of the run returned. Open shadow roots are walked as their own runs (a shadow tree is a
 * separate block) and reported through `onShadowRoot`, so the caller can observe them too.
 * O(nodes in the scanned subtrees).
 *
 * A cursor rather than a generator: resuming a generator per run measured as a fifth of the
 * engine's time on saved pages. Attribute exclusions are looked up once per walk with a
 * selector query; an attribute that changes during the walk arrives as a mutation record.
 */
export class RunCursor {
  private node: Node | null;
  private text = '';
  private nodes: Text[] = [];
  private offsets: number[] = [];
  /** Whether the pending run has a character other than spaces. */
  private content = false;
  private readonly blocks: Node[];
  /** Runs ready to return, in order (a step closes at most one run and opens at most one shadow tree). */
  private readonly ready: TextRun[] = [];
  private inner: RunCursor | null = null;
  private readonly flagged: Set<Element> | null;

  constructor(
    private readonly root: Node,
    private readonly onShadowRoot?: (shadow: ShadowRoot) => void,
  ) {
    this.blocks = [root];
    const query = (root as ParentNode).querySelectorAll;
    const hits = typeof query === 'function' ? (root as ParentNode).querySelectorAll(FLAGGED) : null;
    this.flagged = hits && hits.length > 0 ? new Set(hits) : null;
    this.node = root.firstChild;
    if (root.nodeType === ELEMENT_NODE) this.enterShadow(root as Element);
  }

  /** The next run, or null when the walk is over. */
  next(): TextRun | null {
    for (;;) {
      if (this.ready.length > 0) return this.ready.shift()!;
      if (this.inner) {
        const run = this.inner.next();
        if (run) return run;
        this.inner = null;
      }
      if (!this.node) {
        this.take();
        return this.ready.length > 0 ? this.ready.shift()! : null;
      }
      this.step();
    }
  }

  /** Closes the pending run (kept only if it has content). */
  private take(): void {
    if (this.content) this.ready.push({ text: this.text, nodes: this.nodes, offsets: this.offsets, block: this.blocks[this.blocks.length - 1]! });
    if (this.nodes.length > 0) {
      this.text = '';
      this.nodes = [];
      this.offsets = [];
      this.content = false;
    }
  }

  /** Starts walking the open shadow root of `el`, if any, after the pending run. */
  private enterShadow(el: Element): void {
    const shadow = el.shadowRoot;
    if (!shadow) return;
    this.take();
    this.onShadowRoot?.(shadow);
    this.inner = new RunCursor(shadow, this.onShadowRoot);
  }

  private excluded(el: Element, name: string): boolean {
    return SKIP.has(name) || (this.flagged !== null && this.flagged.has(el) && isExcluded(el));
  }

  /** Visits one node, then moves to the next in document order, closing blocks on the way out. */
  private step(): void {
    const root = this.root;
    let node = this.node!;
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      // Spaces before any content are dropped: they cannot change what matches.
      if (this.content || hasContent(data)) {
        this.content = true;
        this.offsets.push(this.text.length);
        this.nodes.push(node as Text);
        this.text += data;
      }
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      const name = el.localName;
      const inline = INLINE.has(name);
      if (!this.excluded(el, name)) {
        if (!inline) {
          this.take();
          this.blocks.push(el);
        }
        if (SHADOW_HOSTS.has(name) || name.includes('-')) this.enterShadow(el);
        descend = el.firstChild !== null;
        if (!descend && !inline) {
          this.take();
          this.blocks.pop();
        }
      } else if (!inline) this.take();
    }
    if (descend) {
      this.node = node.firstChild;
      return;
    }
    // Climb until a next sibling exists, closing blocks on the way out.
    let next: Node | null = node.nextSibling;
    while (!next) {
      const up: Node | null = node.parentNode;
      if (!up || up === root) {
        this.node = null;
        return;
      }
      node = up;
      if (node.nodeType === ELEMENT_NODE && !INLINE.has((node as Element).localName)) {
        this.take();
        this.blocks.pop();
      }
      next = node.nextSibling;
    }
    this.node = next;
  }
}

/** The runs under `root` as a lazy iterator; see {@link RunCursor}. */
export function* walkRuns(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void): Generator<TextRun, void, undefined> {
  const cursor = new RunCursor(root, onShadowRoot);
  for (let run = cursor.next(); run; run = cursor.next()) yield run;
}

/** All runs under `root` at once (the command line and tests); see {@link RunCursor}. */
export function collectRuns(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void): TextRun[] {
  const cursor = new RunCursor(root, onShadowRoot);
  const out: TextRun[] = [];
  for (let run = cursor.next(); run; run = cursor.next()) out.push(run);
  return out;
}
