import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import lexiconJson from '../../lexicon/generated/lexicon.json';
import { createMarkRenderer } from '../../lib/page/renderers/create-mark-renderer.ts';
import type { Renderer } from '../../lib/page/renderers/renderer.ts';
import { createFakeHighlightRenderer, createScannerRig, freshScan, paintedRanges, rangeText, termId, type ScannerRig } from '../helpers/dom-fakes.ts';
import { htmlOf } from '../helpers/dom-html.ts';

const NUM_RUNS = 200;
/** Generous: each run awaits real (happy-dom) tasks, and shrinking a failure reruns many cases. */
const TIMEOUT = 180_000;
const PATTERNS: string[] = (lexiconJson as { terms: { patterns: string[] }[] }).terms.flatMap((t) => t.patterns);

// ---- Abstract trees --------------------------------------------------------------------------

type Inline =
  | { k: 'text'; s: string }
  | { k: 'comment'; s: string }
  | { k: 'phrase'; pieces: { s: string; tag: string | null }[] }
  | { k: 'inline'; tag: string; hidden: boolean; ch: Inline[] };
type Block = { k: 'block'; tag: string; ch: (Inline | Block)[] } | { k: 'excluded'; tag: 'script' | 'textarea' | 'style'; s: string };
type Item = Inline | Block;

const WORDS = ['the', 'Cold', 'War', 'world', 'zero', 'sum', '-', ',', '.', 'power', 'new', 'order', 'of', 'a', 'mentality', 'multipolar', 'approach', 'hegemony', '\u00a0', '\n  ', '“', 'U.S.', 'led'];
const textArb = fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).chain((ws) =>
  fc.array(fc.constantFrom(' ', '', '  ', '\n'), { minLength: ws.length + 1, maxLength: ws.length + 1 }).map((seps) => seps.map((sep, i) => sep + (ws[i] ?? '')).join('')),
);
const inlineTag = fc.constantFrom('em', 'a', 'span', 'b');

/** A lexicon phrase, padded with spaces, cut at up to 3 random points; each piece bare or wrapped in an inline element. */
const phraseArb: fc.Arbitrary<Inline> = fc.constantFrom(...PATTERNS).chain((p) => {
  const padded = ` ${p} `;
  return fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 1, max: padded.length - 1 }), { maxLength: 3 }),
      fc.array(fc.option(inlineTag, { nil: null }), { minLength: 4, maxLength: 4 }),
    )
    .map(([cuts, tags]) => {
      const points = [0, ...cuts.sort((a, b) => a - b), padded.length];
      const pieces = points.slice(1).map((end, i) => ({ s: padded.slice(points[i]!, end), tag: tags[i] ?? null }));
      return { k: 'phrase' as const, pieces };
    });
});

const { inline: inlineArb, block: blockArb } = fc.letrec<{ inline: Inline; block: Block; child: Item }>((tie) => ({
  inline: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'dom' },
    { arbitrary: textArb.map((s) => ({ k: 'text' as const, s })), weight: 3 },
    { arbitrary: phraseArb, weight: 3 },
    { arbitrary: fc.constantFrom('note', 'x', ' zero-sum ').map((s) => ({ k: 'comment' as const, s })), weight: 1 },
    {
      arbitrary: fc.record({ k: fc.constant('inline' as const), tag: inlineTag, hidden: fc.integer({ min: 0, max: 9 }).map((n) => n === 0), ch: fc.array(tie('inline'), { maxLength: 3 }) }),
      weight: 2,
    },
  ),
  child: fc.oneof({ maxDepth: 3, depthIdentifier: 'dom' }, { arbitrary: tie('inline'), weight: 4 }, { arbitrary: tie('block'), weight: 1 }),
  block: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'dom' },
    { arbitrary: fc.record({ k: fc.constant('block' as const), tag: fc.constantFrom('p', 'div', 'li'), ch: fc.array(tie('child'), { maxLength: 5 }) }), weight: 8 },
    { arbitrary: fc.record({ k: fc.constant('excluded' as const), tag: fc.constantFrom('script' as const, 'textarea' as const, 'style' as const), s: phraseArb.map((p) => (p as { pieces: { s: string }[] }).pieces.map((x) => x.s).join('')) }), weight: 1 },
  ),
}));

const pageArb = fc.array(blockArb, { minLength: 1, maxLength: 8 });

function build(item: Item, doc: Document): Node {
  switch (item.k) {
    case 'text':
      return doc.createTextNode(item.s);
    case 'comment':
      return doc.createComment(item.s);
    case 'phrase': {
      const frag = doc.createDocumentFragment();
      for (const piece of item.pieces) {
        if (piece.tag) {
          const el = doc.createElement(piece.tag);
          el.append(piece.s);
          frag.append(el);
        } else frag.append(piece.s);
      }
      return frag;
    }
    case 'inline': {
      const el = doc.createElement(item.tag);
      if (item.hidden) el.setAttribute('hidden', '');
      for (const c of item.ch) el.append(build(c, doc));
      return el;
    }
    case 'block': {
      const el = doc.createElement(item.tag);
      for (const c of item.ch) el.append(build(c, doc));
      return el;
    }
    case 'excluded': {
      const el = doc.createElement(item.tag);
      el.append(item.s);
      return el;
    }
  }
}

function buildPage(blocks: Block[]): void {
  document.body.replaceChildren(...blocks.map((b) => build(b, document)));
}

// ---- Oracles ---------------------------------------------------------------------------------

/** What a fresh scan finds, straight from collectRuns + the pure finder: [term id, category, text] in document order. */
function pure(root: Node = document.body): { id: string; category: string; text: string }[] {
  return freshScan(root);
}

const key = (id: string, text: string) => JSON.stringify([id, text]);
const sortedKeys = (list: { id: string; text: string }[]) => list.map((m) => key(m.id, m.text)).sort();

const rigs: ScannerRig[] = [];
function newRig(renderer: Renderer): ScannerRig {
  const r = createScannerRig(document, renderer);
  rigs.push(r);
  return r;
}
function disposeAll(): void {
  for (const r of rigs.splice(0)) r.scanner.dispose();
}
afterEach(() => {
  disposeAll();
  document.body.replaceChildren();
});

// ---- Mutations -------------------------------------------------------------------------------

type Op =
  | { k: 'remove'; pick: number }
  | { k: 'edit'; pick: number; s: string }
  | { k: 'insert'; pick: number; at: number; item: Item }
  | { k: 'settle' };

const editTextArb = fc.oneof(textArb, phraseArb.map((p) => (p as { pieces: { s: string }[] }).pieces.map((x) => x.s).join('')));

/** Any insertion, removal or edit anywhere (block structure inside text-bearing blocks included). */
const anyOpArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ k: fc.constant('edit' as const), pick: fc.nat(), s: editTextArb }),
  fc.record({ k: fc.constant('insert' as const), pick: fc.nat(), at: fc.nat(), item: fc.oneof(inlineArb, blockArb) as fc.Arbitrary<Item> }),
  fc.constant({ k: 'settle' as const }),
);

function descendants(root: Node, accept: (n: Node) => boolean): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (accept(c)) out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

const isBlockItem = (item: Item) => item.k === 'block' || item.k === 'excluded';
const isBlockEl = (n: Node) => n.nodeType === 1 && ['p', 'div', 'li', 'script', 'textarea', 'style'].includes((n as Element).localName);

/**
 * Applies one op. `structural` false restricts the ops to ones that never add or remove a block
 * element inside another block (blocks are added and removed at the top level only).
 */
function apply(op: Op, structural: boolean): void {
  const body = document.body;
  if (op.k === 'remove') {
    const candidates = descendants(body, (n) => structural || !isBlockEl(n) || n.parentNode === body);
    if (candidates.length === 0) return;
    (candidates[op.pick % candidates.length] as ChildNode).remove();
  } else if (op.k === 'edit') {
    const texts = descendants(body, (n) => n.nodeType === 3) as Text[];
    if (texts.length === 0) return;
    texts[op.pick % texts.length]!.data = op.s;
  } else if (op.k === 'insert') {
    let containers: Node[];
    if (!structural && isBlockItem(op.item)) containers = [body];
    else containers = [body, ...descendants(body, (n) => n.nodeType === 1 && !['script', 'textarea', 'style'].includes((n as Element).localName))];
    const parent = containers[op.pick % containers.length]!;
    const children = [...parent.childNodes];
    const ref = children[op.at % (children.length + 1)] ?? null;
    parent.insertBefore(build(op.item, document), ref);
  }
}

// ---- Properties ------------------------------------------------------------------------------

describe('property tests over random DOM trees', () => {
  it(`(a) the mark renderer leaves body textContent byte-identical after painting and after clear() (numRuns=${NUM_RUNS})`, async () => {
    await fc.assert(
      fc.asyncProperty(pageArb, async (blocks) => {
        buildPage(blocks);
        const text = document.body.textContent;
        const html = htmlOf(document.body);
        const renderer = createMarkRenderer(document);
        const r = newRig(renderer);
        try {
          r.scanner.start();
          await r.settle();
          expect(document.body.textContent).toBe(text);
          const expected = pure();
          expect(sortedKeys(r.scanner.matches().map((m) => ({ id: termId(m.term), text: m.text })))).toEqual(sortedKeys(expected));
          // Every match is painted: marks exist exactly when there are matches.
          expect(document.querySelectorAll('mark[data-framing-lens-mark]').length > 0).toBe(expected.length > 0);
          renderer.clear();
          expect(document.querySelectorAll('mark').length).toBe(0);
          expect(document.body.textContent).toBe(text);
          expect(htmlOf(document.body)).toBe(html);
        } finally {
          disposeAll();
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT);

  it(`(b) highlighted ranges equal exactly the pure finder's finds over collectRuns (numRuns=${NUM_RUNS})`, async () => {
    let tried = 0;
    let withMatches = 0;
    let crossing = 0;
    await fc.assert(
      fc.asyncProperty(pageArb, async (blocks) => {
        buildPage(blocks);
        const html = htmlOf(document.body);
        const fake = createFakeHighlightRenderer();
        const r = newRig(fake.renderer);
        try {
          r.scanner.start();
          await r.settle();
          const expected = pure();
          tried++;
          if (expected.length > 0) withMatches++;
          if (r.scanner.matches().some((m) => m.span.startContainer !== m.span.endContainer)) crossing++;
          const painted = paintedRanges(fake.byCategory);
          expect(painted.map((p) => [p.category, p.text])).toEqual(expected.map((m) => [m.category, m.text]));
          expect(sortedKeys(r.scanner.matches().map((m) => ({ id: termId(m.term), text: m.text })))).toEqual(sortedKeys(expected));
          for (const m of r.scanner.matches()) expect(rangeText(m.handle as AbstractRange)).toBe(m.text);
          expect(htmlOf(document.body)).toBe(html);
        } finally {
          disposeAll();
        }
      }),
      { numRuns: NUM_RUNS },
    );
    // The generator must exercise the interesting cases: pages with matches, and matches that
    // cross inline markup (several text nodes).
    expect(tried).toBeGreaterThanOrEqual(NUM_RUNS);
    expect(withMatches / tried).toBeGreaterThan(0.5);
    expect(crossing / tried).toBeGreaterThan(0.2);
  }, TIMEOUT);

  async function checkIncremental(blocks: Block[], ops: Op[], structural: boolean, useMarks: boolean): Promise<void> {
    buildPage(blocks);
    const fake = createFakeHighlightRenderer();
    const r = newRig(useMarks ? createMarkRenderer(document) : fake.renderer);
    try {
      r.scanner.start();
      await r.settle();
      for (const op of ops) {
        if (op.k === 'settle') await r.settle();
        else apply(op, structural);
      }
      await r.settle();
      const live = r.scanner.matches().map((m) => ({ id: termId(m.term), text: m.text }));
      const fresh = pure();
      expect(sortedKeys(live)).toEqual(sortedKeys(fresh));
      if (!useMarks) {
        // Exactly the live matches are painted, and every painted range still spells its match.
        const painted = paintedRanges(fake.byCategory);
        expect(painted.map((p) => [p.category, p.text])).toEqual(fresh.map((m) => [m.category, m.text]));
      } else {
        // Marks never nest.
        expect(document.querySelectorAll('mark mark').length).toBe(0);
      }
    } finally {
      disposeAll();
    }
  }

  it(`(c) after random insertions, removals and text edits, live matches equal a fresh scan (numRuns=${NUM_RUNS})`, async () => {
    await fc.assert(
      fc.asyncProperty(pageArb, fc.array(anyOpArb, { minLength: 1, maxLength: 8 }), (blocks, ops) => checkIncremental(blocks, ops, true, false)),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT);

  it(`(c, paragraph-level) the same with block elements added and removed at the top level only (numRuns=${NUM_RUNS})`, async () => {
    await fc.assert(
      fc.asyncProperty(pageArb, fc.array(anyOpArb, { minLength: 1, maxLength: 8 }), (blocks, ops) => checkIncremental(blocks, ops, false, false)),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT);

  it(`(c, marks, paragraph-level) the same with the <mark> renderer (numRuns=${NUM_RUNS})`, async () => {
    await fc.assert(
      fc.asyncProperty(pageArb, fc.array(anyOpArb, { minLength: 1, maxLength: 8 }), (blocks, ops) => checkIncremental(blocks, ops, false, true)),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT);
});
