import { beforeEach, describe, expect, it } from 'vitest';
import { blockOf, collectRuns, isExcluded, isInExcludedSubtree, isInline, UI_ATTRIBUTE, walkRuns, type TextRun } from '../../lib/page/collect-runs.ts';
import { ELEMENT_NODE, SHOW_TEXT, TEXT_NODE } from '../../lib/page/node-types.ts';
import { toDomSpan } from '../../lib/page/to-dom-range.ts';
import { setBody, setHtml } from '../helpers/dom-html.ts';

function body(html: string): HTMLElement {
  setBody(html);
  return document.body;
}

const texts = (runs: TextRun[]) => runs.map((r) => r.text);

/** The text between two DOM boundary points, read through a live Range. */
function spanText(span: ReturnType<typeof toDomSpan>): string {
  const range = document.createRange();
  range.setStart(span.startContainer, span.startOffset);
  range.setEnd(span.endContainer, span.endOffset);
  return range.toString();
}

/** Asserts the offset map invariant of a run: each node's data sits at its offset in the run text. */
function expectConsistent(run: TextRun): void {
  expect(run.nodes.length).toBe(run.offsets.length);
  let expected = 0;
  for (let i = 0; i < run.nodes.length; i++) {
    expect(run.offsets[i]).toBe(expected);
    expect(run.text.slice(run.offsets[i], run.offsets[i]! + run.nodes[i]!.data.length)).toBe(run.nodes[i]!.data);
    expected += run.nodes[i]!.data.length;
  }
  expect(expected).toBe(run.text.length);
}

beforeEach(() => {
  setBody('');
});

describe('collectRuns: block runs', () => {
  it('joins "Cold <em>War</em> mentality" into one run of three text nodes', () => {
    const root = body('<p>Cold <em>War</em> mentality</p>');
    const runs = collectRuns(root);
    expect(texts(runs)).toEqual(['Cold War mentality']);
    const [run] = runs;
    expect(run!.nodes.map((n) => n.data)).toEqual(['Cold ', 'War', ' mentality']);
    expect(run!.offsets).toEqual([0, 5, 8]);
    expect(run!.block).toBe(root.querySelector('p'));
    expectConsistent(run!);
  });

  it('joins a link inside a phrase, and nested inline elements', () => {
    const root = body('<p>one minister spoke of <a href="#x">true <b>multi</b></a>lateralism today</p>');
    const runs = collectRuns(root);
    expect(texts(runs)).toEqual(['one minister spoke of true multilateralism today']);
    expect(runs[0]!.nodes.map((n) => n.data)).toEqual(['one minister spoke of ', 'true ', 'multi', 'lateralism today']);
    expectConsistent(runs[0]!);
  });

  it('never joins two paragraphs, even without whitespace between them', () => {
    const root = body('<p>Cold War</p><p>mentality</p>');
    const runs = collectRuns(root);
    expect(texts(runs)).toEqual(['Cold War', 'mentality']);
    expect(runs.map((r) => (r.block as Element).localName)).toEqual(['p', 'p']);
    expect(runs[0]!.block).not.toBe(runs[1]!.block);
  });

  it('splits at <br> and at other block elements (div, li, h1, td)', () => {
    const root = body('<p>Cold War<br>mentality</p>');
    expect(texts(collectRuns(root))).toEqual(['Cold War', 'mentality']);
    const root2 = body('<div>alpha<div>beta</div>gamma</div><ul><li>one</li><li>two</li></ul><h1>title</h1><table><tr><td>a1</td><td>b2</td></tr></table>');
    expect(texts(collectRuns(root2))).toEqual(['alpha', 'beta', 'gamma', 'one', 'two', 'title', 'a1', 'b2']);
  });

  it('text before and after a nested block belongs to the outer block', () => {
    const root = body('<div id="outer">before<p id="inner">inside</p>after</div>');
    const runs = collectRuns(root);
    expect(texts(runs)).toEqual(['before', 'inside', 'after']);
    expect((runs[0]!.block as Element).id).toBe('outer');
    expect((runs[1]!.block as Element).id).toBe('inner');
    expect((runs[2]!.block as Element).id).toBe('outer');
  });

  it('drops whitespace-only runs, keeps punctuation-only ones (nothing matches there) and whitespace inside runs', () => {
    const root = body('<p>   </p><p> — … </p><p>  zero-sum\n   game </p><p>42</p>');
    expect(texts(collectRuns(root))).toEqual([' — … ', '  zero-sum\n   game ', '42']);
  });

  it('comments contribute no text and do not split a run', () => {
    const root = body('<p>Cold <!-- War -->War<!-- x --> mentality</p>');
    const runs = collectRuns(root);
    expect(texts(runs)).toEqual(['Cold War mentality']);
    expect(runs[0]!.nodes).toHaveLength(3);
  });

  it('an empty block element closes the current run', () => {
    const root = body('<div>Cold<div></div>War</div>');
    expect(texts(collectRuns(root))).toEqual(['Cold', 'War']);
  });

  it('root text nodes directly under the root form a run with the root as block', () => {
    const root = body('plain text <em>here</em>');
    const runs = collectRuns(root);
    expect(texts(runs)).toEqual(['plain text here']);
    expect(runs[0]!.block).toBe(root);
  });

  it('walks a detached subtree rooted at a block and stops at the root (never visits siblings)', () => {
    const root = body('<p id="a">first para</p><p id="b">second para</p>');
    const a = root.querySelector('#a')!;
    expect(texts(collectRuns(a))).toEqual(['first para']);
    const inline = body('<p>x <em id="e">in em</em> y</p><p>other</p>').querySelector('#e')!;
    expect(texts(collectRuns(inline))).toEqual(['in em']);
  });

  it('walkRuns is lazy: it yields runs one at a time', () => {
    const root = body('<p>one</p><p>two</p><p>three</p>');
    const it = walkRuns(root);
    expect(it.next().value?.text).toBe('one');
    root.querySelector('p:last-child')!.textContent = 'changed';
    expect(it.next().value?.text).toBe('two');
    expect(it.next().value?.text).toBe('changed');
    expect(it.next().done).toBe(true);
  });
});

describe('collectRuns: excluded subtrees', () => {
  const skipped: [string, string][] = [
    ['script', '<script>var x = "zero-sum script";</script>'],
    ['style', '<style>.zero-sum-style { color: red }</style>'],
    ['noscript', '<noscript>zero-sum noscript</noscript>'],
    ['template', '<template><p>zero-sum template</p></template>'],
    ['textarea', '<textarea>zero-sum textarea</textarea>'],
    ['select', '<select><option>zero-sum option</option></select>'],
    ['button', '<button>zero-sum button</button>'],
    ['contenteditable', '<div contenteditable>zero-sum editable</div>'],
    ['contenteditable=true', '<div contenteditable="true">zero-sum editable true</div>'],
    ['contenteditable=plaintext-only', '<div contenteditable="plaintext-only">zero-sum plaintext</div>'],
    ['hidden', '<div hidden>zero-sum hidden</div>'],
    ['hidden inline', '<p>before <span hidden>zero-sum hidden span</span> after</p>'],
    ['our UI', `<div ${UI_ATTRIBUTE}="card"><p>zero-sum in our card</p></div>`],
    ['svg', '<svg><text>zero-sum svg</text></svg>'],
    ['iframe', '<iframe>zero-sum iframe</iframe>'],
  ];

  for (const [name, html] of skipped) {
    it(`${name} contributes no text`, () => {
      const root = body(`<p>visible prose</p>${html}<p>more prose</p>`);
      const all = texts(collectRuns(root)).join('|');
      expect(all).not.toContain('zero-sum');
      expect(all).toContain('visible prose');
      expect(all).toContain('more prose');
    });
  }

  it('an input contributes no text (its value is never read) and, being a form control, separates the text around it', () => {
    const root = body('<p>Cold <input value="zero-sum"> War</p><input value="zero-sum alone">');
    expect(texts(collectRuns(root))).toEqual(['Cold ', ' War']);
  });

  it('contenteditable="false" is NOT skipped', () => {
    const root = body('<div contenteditable="false">Cold War mentality</div>');
    expect(texts(collectRuns(root))).toEqual(['Cold War mentality']);
  });

  it('a non-editable island inside an editable region is still skipped (the ancestor excludes it)', () => {
    const root = body('<div contenteditable="true"><p contenteditable="false">zero-sum</p></div><p>ok text</p>');
    expect(texts(collectRuns(root))).toEqual(['ok text']);
  });

  it('an excluded block element splits the surrounding run; an excluded inline element does not', () => {
    const root = body('<div>Cold<textarea>x</textarea>War</div>');
    expect(texts(collectRuns(root))).toEqual(['Cold', 'War']);
    const root2 = body('<p>Cold <span hidden>secret</span>War</p>');
    expect(texts(collectRuns(root2))).toEqual(['Cold War']);
  });

  it('isExcluded and isInline classify elements', () => {
    const mk = (html: string) => {
      const host = document.createElement('div');
      setHtml(host, html);
      return host.firstElementChild!;
    };
    expect(isExcluded(mk('<script></script>'))).toBe(true);
    expect(isExcluded(mk('<div contenteditable=""></div>'))).toBe(true);
    expect(isExcluded(mk('<div contenteditable="false"></div>'))).toBe(false);
    expect(isExcluded(mk(`<div ${UI_ATTRIBUTE}></div>`))).toBe(true);
    expect(isExcluded(mk('<p>x</p>'))).toBe(false);
    expect(isInline(mk('<em></em>'))).toBe(true);
    expect(isInline(mk('<a></a>'))).toBe(true);
    expect(isInline(mk('<p></p>'))).toBe(false);
    expect(isInline(mk('<div></div>'))).toBe(false);
  });
});

describe('collectRuns: whitespace', () => {
  it('drops whitespace-only text before a run\'s first content, keeping offsets consistent', () => {
    const root = body('<div>\n  <span>  </span>\n  Cold <em>War</em>\n  <b> </b>mentality\n</div><p> \n </p>');
    const runs = collectRuns(root);
    expect(texts(runs)).toEqual(['\n  Cold War\n   mentality\n']);
    expectConsistent(runs[0]!);
  });
});

describe('collectRuns: shadow roots', () => {
  it('walks the shadow root of a custom element (any name with a hyphen)', () => {
    const root = body('<news-card id="c"></news-card><p>after</p>');
    const shadow = root.querySelector('#c')!.attachShadow({ mode: 'open' });
    setHtml(shadow, '<p>a zero-sum view</p>');
    expect(texts(collectRuns(root))).toEqual(['a zero-sum view', 'after']);
  });


  it('collects an open shadow root as its own runs and reports it via onShadowRoot', () => {
    const root = body('<p>light before</p><div id="host"></div><p>light after</p>');
    const host = root.querySelector('#host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    setHtml(shadow, '<p>shadow <em>Cold War</em> mentality</p><span>inline shadow text</span>');
    const seen: ShadowRoot[] = [];
    const runs = collectRuns(root, (s) => seen.push(s));
    expect(texts(runs)).toEqual(['light before', 'shadow Cold War mentality', 'inline shadow text', 'light after']);
    expect(seen).toEqual([shadow]);
    expect(runs[1]!.block).toBe(shadow.querySelector('p'));
    // Text directly in the shadow root (inline children) has the shadow root as block.
    expect(runs[2]!.block).toBe(shadow);
  });

  it('a shadow host inside a paragraph splits the light run: shadow text never joins light text', () => {
    const root = body('<p>Cold <span id="h"></span>War mentality</p>');
    const shadow = root.querySelector('#h')!.attachShadow({ mode: 'open' });
    setHtml(shadow, '<b>zero</b>-sum');
    const runs = collectRuns(root);
    expect(texts(runs)).toContain('zero-sum');
    for (const r of runs) {
      const inShadow = r.nodes.some((n) => n.getRootNode() === shadow);
      const inLight = r.nodes.some((n) => n.getRootNode() !== shadow);
      expect(inShadow && inLight).toBe(false);
    }
  });

  it('reports nested shadow roots too', () => {
    const root = body('<div id="outer"></div>');
    const outer = root.querySelector('#outer')!.attachShadow({ mode: 'open' });
    setHtml(outer, '<p>outer text</p><div id="inner"></div>');
    const inner = outer.querySelector('#inner')!.attachShadow({ mode: 'open' });
    setHtml(inner, '<p>inner text</p>');
    const seen: ShadowRoot[] = [];
    expect(texts(collectRuns(root, (s) => seen.push(s)))).toEqual(['outer text', 'inner text']);
    expect(seen).toEqual([outer, inner]);
  });

  it('does not walk a shadow root whose host is excluded', () => {
    const root = body(`<div ${UI_ATTRIBUTE}="card" id="ui"></div><p>page</p>`);
    const shadow = root.querySelector('#ui')!.attachShadow({ mode: 'open' });
    setHtml(shadow, '<p>zero-sum in our UI</p>');
    const seen: ShadowRoot[] = [];
    expect(texts(collectRuns(root, (s) => seen.push(s)))).toEqual(['page']);
    expect(seen).toEqual([]);
  });

  it('closed shadow roots are invisible', () => {
    const root = body('<div id="host"></div><p>page</p>');
    const shadow = root.querySelector('#host')!.attachShadow({ mode: 'closed' });
    setHtml(shadow, '<p>zero-sum closed</p>');
    expect(texts(collectRuns(root))).toEqual(['page']);
  });
});

describe('collectRuns: offsets', () => {
  it('maps every node to its start in the run text, across inline markup', () => {
    const root = body('<p>The <a href="#">joint <i>statement</i></a> warned <b>against</b> a <span>zero</span>-sum approach.</p>');
    const [run] = collectRuns(root);
    expect(run!.text).toBe('The joint statement warned against a zero-sum approach.');
    expectConsistent(run!);
    expect(run!.offsets).toEqual([0, 4, 10, 19, 27, 34, 37, 41]);
  });

  it('keeps empty text nodes in the map at the offset of the next node', () => {
    const p = document.createElement('p');
    p.append('Cold ', '', 'War');
    document.body.append(p);
    const [run] = collectRuns(document.body);
    expect(run!.nodes.map((n) => n.data)).toEqual(['Cold ', '', 'War']);
    expect(run!.offsets).toEqual([0, 5, 5]);
  });
});

describe('toDomSpan', () => {
  it('maps a span inside one node', () => {
    const [run] = collectRuns(body('<p>accused rivals of a zero-sum approach</p>'));
    const start = run!.text.indexOf('zero-sum');
    const span = toDomSpan(run!, start, start + 8);
    expect(span.startContainer).toBe(run!.nodes[0]);
    expect(span.endContainer).toBe(run!.nodes[0]);
    expect(span.startOffset).toBe(start);
    expect(span.endOffset).toBe(start + 8);
    expect(spanText(span)).toBe('zero-sum');
  });

  it('maps a phrase crossing three text nodes', () => {
    const [run] = collectRuns(body('<p>rivals of a Cold <em>War</em> mentality here</p>'));
    const start = run!.text.indexOf('Cold War mentality');
    const end = start + 'Cold War mentality'.length;
    const span = toDomSpan(run!, start, end);
    expect(span.startContainer.data).toBe('rivals of a Cold ');
    expect(span.startOffset).toBe('rivals of a '.length);
    expect(span.endContainer.data).toBe(' mentality here');
    expect(span.endOffset).toBe(' mentality'.length);
    expect(spanText(span)).toBe('Cold War mentality');
  });

  it('a span ending exactly at a node boundary ends in that node, not at offset 0 of the next', () => {
    const [run] = collectRuns(body('<p>Cold <em>War</em> mentality</p>'));
    const span = toDomSpan(run!, 0, 8); // "Cold War"
    expect(span.startContainer.data).toBe('Cold ');
    expect(span.startOffset).toBe(0);
    expect(span.endContainer.data).toBe('War');
    expect(span.endOffset).toBe(3);
    expect(spanText(span)).toBe('Cold War');
  });

  it('a span starting exactly at a node boundary starts at offset 0 of that node, not at the end of the previous', () => {
    const [run] = collectRuns(body('<p>Cold <em>War</em> mentality</p>'));
    const span = toDomSpan(run!, 5, 8); // "War"
    expect(span.startContainer.data).toBe('War');
    expect(span.startOffset).toBe(0);
    expect(span.endContainer.data).toBe('War');
    expect(span.endOffset).toBe(3);
  });

  it('skips empty text nodes at the boundaries', () => {
    const p = document.createElement('p');
    p.append('Cold ', '', 'War', '', ' mentality');
    document.body.append(p);
    const [run] = collectRuns(document.body);
    const span = toDomSpan(run!, 5, 8);
    expect(span.startContainer.data).toBe('War');
    expect(span.endContainer.data).toBe('War');
  });

  it('round-trips every [start, end) of a run with many nodes to the same text', () => {
    const [run] = collectRuns(body('<p>a<b>bc</b><i>d</i>ef<a href="#">g<span>hi</span></a>j</p>'));
    expect(run!.text).toBe('abcdefghij');
    for (let s = 0; s < run!.text.length; s++) {
      for (let e = s + 1; e <= run!.text.length; e++) {
        const span = toDomSpan(run!, s, e);
        expect(spanText(span), `[${s}, ${e})`).toBe(run!.text.slice(s, e));
        expect(span.startOffset).toBeLessThan(span.startContainer.length);
        expect(span.endOffset).toBeGreaterThan(0);
      }
    }
  });
});

describe('blockOf and isInExcludedSubtree', () => {
  it('blockOf climbs through inline elements to the nearest block', () => {
    const root = body('<div id="d"><p id="p">x <em><a href="#"><b id="b">deep</b></a></em></p></div>');
    const b = root.querySelector('#b')!;
    const text = b.firstChild!;
    expect(blockOf(text)).toBe(root.querySelector('#p'));
    expect(blockOf(b)).toBe(root.querySelector('#p'));
    expect(blockOf(root.querySelector('#p')!)).toBe(root.querySelector('#p'));
    expect(blockOf(root.querySelector('#d')!)).toBe(root.querySelector('#d'));
  });

  it('blockOf of a detached inline subtree is its top node', () => {
    const em = document.createElement('em');
    const t = document.createTextNode('loose');
    em.append(t);
    expect(blockOf(t)).toBe(em);
    const lone = document.createTextNode('alone');
    expect(blockOf(lone)).toBe(lone);
  });

  it('blockOf of text directly in a shadow root is the shadow root', () => {
    const host = body('<div id="h"></div>').querySelector('#h')!;
    const shadow = host.attachShadow({ mode: 'open' });
    setHtml(shadow, '<span>inline</span>');
    expect(blockOf(shadow.querySelector('span')!.firstChild!)).toBe(shadow);
  });

  it('isInExcludedSubtree looks at the node and all its ancestors', () => {
    const root = body(`<div contenteditable="true"><p><em id="a">edit</em></p></div><div ${UI_ATTRIBUTE}><p id="b">ui</p></div><p id="c">plain <em id="d">x</em></p><div contenteditable="false"><p id="e">ro</p></div><textarea id="t">t</textarea>`);
    expect(isInExcludedSubtree(root.querySelector('#a')!.firstChild!)).toBe(true);
    expect(isInExcludedSubtree(root.querySelector('#a')!)).toBe(true);
    expect(isInExcludedSubtree(root.querySelector('#b')!)).toBe(true);
    expect(isInExcludedSubtree(root.querySelector('#c')!)).toBe(false);
    expect(isInExcludedSubtree(root.querySelector('#d')!.firstChild!)).toBe(false);
    expect(isInExcludedSubtree(root.querySelector('#e')!)).toBe(false);
    expect(isInExcludedSubtree(root.querySelector('#t')!)).toBe(true);
    expect(isInExcludedSubtree(root.querySelector('#t')!.firstChild!)).toBe(true);
  });
});

describe('node types by name', () => {
  it('are the numbers the DOM gives elements, text nodes and a walker over text', () => {
    const p = body('<p>Zero-sum <b>thinking</b></p>').firstChild!;
    expect([p.nodeType, p.firstChild!.nodeType]).toEqual([ELEMENT_NODE, TEXT_NODE]);
    expect([ELEMENT_NODE, TEXT_NODE, SHOW_TEXT]).toEqual([Node.ELEMENT_NODE, Node.TEXT_NODE, NodeFilter.SHOW_TEXT]);
  });
});
