import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFinder } from '../../lib/match/create-finder.ts';
import { createOriginalsFinder, mayHoldOriginals, type CompiledOriginals } from '../../lib/match/originals.ts';
import { withOriginals } from '../../lib/match/with-originals.ts';
import { collectRuns } from '../../lib/page/collect-runs.ts';
import { buildReport } from '../../lib/report/page-report.ts';
import { MARK_ATTRIBUTE, createMarkRenderer } from '../../lib/page/renderers/create-mark-renderer.ts';
import type { Renderer } from '../../lib/page/renderers/renderer.ts';
import {
  categoryIds,
  createFakeHighlightRenderer,
  createScannerRig,
  lexicon,
  nextTask,
  paintedRanges,
  pairs,
  rangeText,
  freshScan,
  termIndex,
  type ScannerRig,
} from '../helpers/dom-fakes.ts';
import { htmlOf, setBody, setHtml } from '../helpers/dom-html.ts';

const ARTICLE = readFileSync(resolve(import.meta.dirname, '../fixtures/pages/article.html'), 'utf8');

/** The fixture article's <body>, as the e2e tier expects it to be highlighted. */
const ARTICLE_EXPECTED: [string, string][] = [
  ['multipolar-world', 'multipolar world'],
  ['multipolar-world', 'multipolar world'],
  ['zero-sum', 'zero-sum approach'],
  ['cold-war-mentality', 'Cold War mentality'],
  ['not-against-third-countries', 'not directed against third countries'],
  ['true-multilateralism', 'true multilateralism'],
  ['axis-of-autocracies', 'axis of autocracies'],
  ['cold-war-mentality', 'Cold War thinking'],
  ['zero-sum', 'zero-sum'],
];

function loadArticle(): void {
  const parsed = new DOMParser().parseFromString(ARTICLE, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
}

/** What a fresh scan of the current document finds, straight from the pure finder. */
function pureMatches(root: Node = document.body): [string, string][] {
  return freshScan(root).map((m) => [m.id, m.text]);
}

const rigs: ScannerRig[] = [];
function rig(renderer?: Renderer, extra: Parameters<typeof createScannerRig>[2] = {}) {
  const fake = createFakeHighlightRenderer();
  const r = createScannerRig(document, renderer ?? fake.renderer, extra);
  rigs.push(r);
  return { ...r, fake };
}

/** Starts a scanner and runs the initial scan to completion. */
async function started(renderer?: Renderer, extra: Parameters<typeof createScannerRig>[2] = {}) {
  const r = rig(renderer, extra);
  r.scanner.start();
  await r.settle();
  return r;
}

beforeEach(() => {
  setBody('');
});
afterEach(() => {
  for (const r of rigs.splice(0)) r.scanner.dispose();
  setBody('');
});

describe('page scanner: initial scan', () => {
  it('finds the expected families on the fixture article, in document order, and nothing in excluded text', async () => {
    loadArticle();
    const r = await started();
    expect(pairs(r.scanner.matches())).toEqual(ARTICLE_EXPECTED);
    expect(pairs(r.scanner.matches())).toEqual(pureMatches());
    expect(r.onChange.calls).toBeGreaterThan(0);
  });

  it('runs in time-boxed slices through the scheduler host (nothing before the idle callback runs)', async () => {
    // 400 paragraphs of ~90 characters: the scanner yields every ~4k characters, so this needs
    // several slices.
    setBody(Array.from({ length: 400 }, (_, i) => `<p>Paragraph ${i} on hegemonism, with enough ordinary words around it to make a realistic line.</p>`).join(''));
    const r = rig();
    r.scanner.start();
    expect(r.scanner.matches()).toEqual([]);
    expect(r.host.pending.length).toBe(1);
    // The clock advances one unit per reading and the budget is 8 units, so one slice scans
    // only a few batches: the 400 paragraphs take several idle callbacks.
    r.host.pending.shift()!();
    const afterOne = r.scanner.matches().length;
    expect(afterOne).toBeGreaterThan(0);
    expect(afterOne).toBeLessThan(400);
    // The rest needs at least one more idle callback: the first slice alone did not finish.
    const ran = r.host.drain();
    expect(ran).toBeGreaterThanOrEqual(1);
    expect(r.scanner.matches().length).toBe(400);
  });

  it('scheduler.flush() runs the whole scan at once', () => {
    loadArticle();
    const r = rig();
    r.scanner.start();
    r.scheduler.flush();
    expect(pairs(r.scanner.matches())).toEqual(ARTICLE_EXPECTED);
  });

  it('fills one Highlight per category with StaticRanges whose text is each match', async () => {
    loadArticle();
    const r = await started();
    const painted = paintedRanges(r.fake.byCategory);
    const matches = r.scanner.matches();
    expect(painted.map((p) => [p.category, p.text])).toEqual(matches.map((m) => [m.category, m.text]));
    for (const m of matches) {
      expect(lexicon.terms[m.term]!.category).toBe(m.category);
      expect(r.fake.byCategory.get(m.category)!.has(m.handle as AbstractRange)).toBe(true);
    }
    // The matches' spans produce the same text (reveal and hover rely on them).
    for (const m of matches) expect(rangeText(m.span as unknown as AbstractRange)).toBe(m.text);
  });

  it('the highlight renderer never touches the DOM: textContent and the serialised HTML are byte-identical', async () => {
    loadArticle();
    const text = document.body.textContent;
    const html = htmlOf(document.body);
    const r = await started();
    expect(r.scanner.matches().length).toBe(ARTICLE_EXPECTED.length);
    r.renderer.show(new Set(categoryIds), 'background');
    r.renderer.setActive(r.scanner.matches()[0]!.span);
    expect(document.body.textContent).toBe(text);
    expect(htmlOf(document.body)).toBe(html);
    r.scanner.dispose();
    expect(htmlOf(document.body)).toBe(html);
  });

  it('matches carry their block\'s text and offsets, and the report cuts the sentence around them', async () => {
    setBody('<p>First sentence here. The joint statement warned against a <em>new</em> Cold War in trade. Last one.</p>');
    const r = await started();
    const [m] = r.scanner.matches();
    expect(m!.context).toBe('First sentence here. The joint statement warned against a new Cold War in trade. Last one.');
    expect(m!.context.slice(m!.start, m!.end)).toBe('new Cold War');
    const [o] = buildReport(lexicon, r.scanner.matches(), { url: 'https://example.org/', host: 'example.org', active: true, words: 0 }).occurrences;
    expect(o!.sentence).toBe('The joint statement warned against a new Cold War in trade.');
    expect(o!.sentence.slice(o!.start, o!.end)).toBe('new Cold War');
  });

  it('words() counts the words scanned (a match counts as one)', async () => {
    setBody('<p>one two three</p><p>four <em>five</em> six seven</p><textarea>not counted at all</textarea><p>a Cold War mentality</p>');
    const r = await started();
    // 3 + 4 + ("a" + one match) = 9
    expect(r.scanner.words()).toBe(9);
  });

  it('words() follows the page: added and removed text change it after the batch', async () => {
    setBody('<p>one two three</p><div id="list"></div>');
    const r = await started();
    expect(r.scanner.words()).toBe(3);
    const p = document.createElement('p');
    p.textContent = 'four five and a Cold War mentality';
    document.getElementById('list')!.append(p);
    await r.settle();
    expect(r.scanner.words()).toBe(8);
    p.remove();
    await r.settle();
    expect(r.scanner.words()).toBe(3);
  });

  it.each([
    ['inside an inline element', '<p><em>US-led</em><em id="at"> </em><em>alliance system</em></p>', 'append'],
    ['between whitespace-only text and a comment, with inline content further out', '<p id="at"><b>US-led</b> <!-- ad --> <b>alliance system</b></p>', 'before'],
  ])('a block inserted %s splits the phrase around it (found by the property test)', async (_what, html, where) => {
    setBody(html);
    const r = await started();
    const phrase = r.scanner.matches().map((m) => m.text.replace(/\s+/g, ' '));
    expect(phrase).toEqual(['US-led alliance system']);
    const block = document.createElement('p');
    block.textContent = ' ';
    const at = document.getElementById('at')!;
    if (where === 'append') at.append(block);
    else [...at.childNodes].find((n) => n.nodeType === 8)!.before(block);
    await r.settle();
    expect(r.scanner.matches()).toEqual([]);
    block.remove();
    await r.settle();
    expect(r.scanner.matches().map((m) => m.text.replace(/\s+/g, ' '))).toEqual(phrase);
  });

  it('count() equals matches().length through additions, edits, removals, stop and reset', async () => {
    setBody('<p id="a">a Cold War mentality and a new Cold War</p><div id="list"></div>');
    const r = await started();
    const same = () => expect(r.scanner.count()).toBe(r.scanner.matches().length);
    expect(r.scanner.count()).toBe(2);
    same();
    for (let i = 0; i < 3; i++) {
      const p = document.createElement('p');
      p.textContent = `item ${i}: hegemonism`;
      document.querySelector('#list')!.append(p);
    }
    await r.settle();
    expect(r.scanner.count()).toBe(5);
    same();
    document.querySelector('#a')!.textContent = 'only a new Cold War now';
    await r.settle();
    expect(r.scanner.count()).toBe(4);
    same();
    document.querySelector('#list')!.remove();
    await r.settle();
    expect(r.scanner.count()).toBe(1);
    same();
    r.scanner.stop();
    expect(r.scanner.count()).toBe(0);
    r.scanner.start();
    await r.settle();
    expect(r.scanner.count()).toBe(1);
    same();
  });

  it('skips blocks the isVisible predicate rejects', async () => {
    setBody('<p id="a">collective West</p><p id="b" class="invisible">Cold War mentality</p>');
    const r = await started(undefined, { isVisible: (el) => !el.classList.contains('invisible') });
    expect(pairs(r.scanner.matches())).toEqual([['collective-west', 'collective West']]);
  });

  it('matches() are in document order even when a block has text before and after a nested block', async () => {
    setBody('<div>collective West before <p>the Cold War mentality inside</p> a multipolar world after</div>');
    const r = await started();
    expect(pairs(r.scanner.matches())).toEqual([
      ['collective-west', 'collective West'],
      ['cold-war-mentality', 'Cold War mentality'],
      ['multipolar-world', 'multipolar world'],
    ]);
  });
});

describe('page scanner: following changes', () => {
  it('appending a paragraph with a term adds exactly one match and rescans only that paragraph', async () => {
    loadArticle();
    const r = await started();
    const before = r.scanner.matches().length;
    r.resetLog();
    const p = document.createElement('p');
    p.textContent = 'Analysts spoke of a new Cold War.';
    document.querySelector('article')!.append(p);
    await r.settle();
    expect(r.scanner.matches().length).toBe(before + 1);
    expect(pairs(r.scanner.matches()).at(-1)).toEqual(['new-cold-war', 'new Cold War']);
    expect(r.scannedTexts).toEqual(['Analysts spoke of a new Cold War.']);

    // Removing it drops the match and its highlight.
    const handle = r.scanner.matches().at(-1)!.handle as AbstractRange;
    expect(r.fake.byCategory.get('bloc-cold-war')!.has(handle)).toBe(true);
    p.remove();
    await r.settle();
    expect(pairs(r.scanner.matches())).toEqual(ARTICLE_EXPECTED);
    expect(r.fake.byCategory.get('bloc-cold-war')!.has(handle)).toBe(false);
    const total = [...r.fake.byCategory.values()].reduce((n, h) => n + h.size, 0);
    expect(total).toBe(ARTICLE_EXPECTED.length);
  });

  it('editing a text node (characterData) from a term to a non-term removes the match, and back again', async () => {
    setBody('<p id="a">They warned of a new Cold War.</p><p id="b">Nothing to see.</p>');
    const r = await started();
    expect(pairs(r.scanner.matches())).toEqual([['new-cold-war', 'new Cold War']]);
    const text = document.querySelector('#a')!.firstChild as Text;
    text.data = 'They warned of a friendly game.';
    await r.settle();
    expect(r.scanner.matches()).toEqual([]);
    expect(r.fake.byCategory.get('bloc-cold-war')!.size).toBe(0);

    const other = document.querySelector('#b')!.firstChild as Text;
    r.resetLog();
    other.data = 'Something about hegemonism.';
    await r.settle();
    expect(pairs(r.scanner.matches())).toEqual([['hegemony', 'hegemonism']]);
    expect(r.scannedTexts).toEqual(['Something about hegemonism.']);
  });

  it('changing text inside an inline <em> rescans its whole block', async () => {
    setBody('<p>They accused rivals of a Cold <em>Peace</em> mentality.</p><p>collective West</p>');
    const r = await started();
    expect(pairs(r.scanner.matches())).toEqual([['collective-west', 'collective West']]);
    r.resetLog();
    (document.querySelector('em')!.firstChild as Text).data = 'War';
    await r.settle();
    expect(pairs(r.scanner.matches())).toEqual([
      ['cold-war-mentality', 'Cold War mentality'],
      ['collective-west', 'collective West'],
    ]);
    expect(r.scannedTexts).toEqual(['They accused rivals of a Cold War mentality.']);
    const [m] = r.scanner.matches();
    expect(rangeText(m!.handle as AbstractRange)).toBe('Cold War mentality');

    // Replacing the em's children (childList inside an inline element) also rescans the block.
    document.querySelector('em')!.replaceChildren('Warm');
    await r.settle();
    expect(pairs(r.scanner.matches())).toEqual([['collective-west', 'collective West']]);
  });

  it('inserting an inline element with a term into a paragraph rescans that paragraph', async () => {
    setBody('<p id="a">They spoke of </p>');
    const r = await started();
    const a = document.createElement('a');
    a.textContent = 'true multilateralism';
    document.querySelector('#a')!.append(a, ' today.');
    await r.settle();
    expect(pairs(r.scanner.matches())).toEqual([['true-multilateralism', 'true multilateralism']]);
  });

  it('text added in excluded regions (textarea, contenteditable, our UI) is ignored', async () => {
    setBody('<textarea></textarea><div contenteditable="true"><p>x</p></div><div data-framing-lens-ui="card"></div><p>ok</p>');
    const r = await started();
    document.querySelector('textarea')!.append('collective West');
    const p = document.createElement('p');
    p.textContent = 'Cold War mentality';
    document.querySelector('[contenteditable]')!.append(p);
    const ui = document.createElement('p');
    ui.textContent = 'multipolar world';
    document.querySelector('[data-framing-lens-ui]')!.append(ui);
    ((document.querySelector('[contenteditable] p') as HTMLElement).firstChild as Text).data = 'hegemonism';
    await r.settle();
    expect(r.scanner.matches()).toEqual([]);
  });

  it('removing a block from inside a block rescans the outer block (its text now joins)', async () => {
    setBody('<div id="outer">They spoke of a Cold <p id="inner">interruption</p>War mentality.</div>');
    const r = await started();
    expect(r.scanner.matches()).toEqual([]);
    document.querySelector('#inner')!.remove();
    await r.settle();
    expect(pureMatches()).toEqual([['cold-war-mentality', 'Cold War mentality']]);
    expect(pairs(r.scanner.matches())).toEqual(pureMatches());
  });

  it('inserting a block into the middle of a phrase splits it: the old match goes away', async () => {
    setBody('<div id="outer">They spoke of a Cold <em>War</em> mentality.</div>');
    const r = await started();
    expect(pairs(r.scanner.matches())).toEqual([['cold-war-mentality', 'Cold War mentality']]);
    const p = document.createElement('p');
    p.textContent = 'interruption';
    document.querySelector('#outer')!.insertBefore(p, document.querySelector('em'));
    await r.settle();
    expect(pureMatches()).toEqual([]);
    expect(pairs(r.scanner.matches())).toEqual(pureMatches());
  });

  it('adding 1,000 paragraphs one by one yields 1,000 matches, scanning one run per paragraph', async () => {
    setBody('<main><p>intro without terms</p></main>');
    const r = await started();
    const main = document.querySelector('main')!;
    r.resetLog();
    for (let i = 0; i < 1000; i++) {
      const p = document.createElement('p');
      p.textContent = `Item ${i}: critics in Beijing and Moscow called it power politics.`;
      main.append(p);
      await nextTask();
      r.host.drain();
    }
    await r.settle();
    expect(r.scanner.matches().length).toBe(1000);
    expect(new Set(r.scanner.matches().map((m) => m.term))).toEqual(new Set([termIndex('power-politics')]));
    expect(r.runsScanned()).toBe(1000);
    expect(r.fake.byCategory.get('hegemony')!.size).toBe(1000);
    // Document order follows insertion order.
    expect(r.scanner.matches()[999]!.span.startContainer.data).toContain('Item 999:');
  });

  it('1,000 paragraphs appended in one batch (not above the threshold) are each scanned once', async () => {
    setBody('<main></main>');
    const r = await started();
    r.resetLog();
    const main = document.querySelector('main')!;
    for (let i = 0; i < 1000; i++) {
      const p = document.createElement('p');
      p.textContent = `Item ${i}: a new Cold War.`;
      main.append(p);
    }
    await r.settle();
    expect(r.scanner.matches().length).toBe(1000);
    expect(r.runsScanned()).toBe(1000);
  });

  it('more records than rescanThreshold trigger a full rescan with the same result', async () => {
    loadArticle();
    const r = await started(undefined, { rescanThreshold: 10 });
    const article = document.querySelector('article')!;
    for (let i = 0; i < 11; i++) {
      const p = document.createElement('p');
      p.textContent = `Note ${i} on Western double standards towards China.`;
      article.append(p);
    }
    r.resetLog();
    await r.settle();
    const expected = pureMatches();
    expect(expected.length).toBe(ARTICLE_EXPECTED.length + 11);
    expect(pairs(r.scanner.matches())).toEqual(expected);
    // A full rescan reads every run of the page, not only the 11 new ones.
    expect(r.runsScanned()).toBe(collectRuns(document.body).length);
    const total = [...r.fake.byCategory.values()].reduce((n, h) => n + h.size, 0);
    expect(total).toBe(expected.length);
  });

  it('exactly rescanThreshold records are handled incrementally', async () => {
    loadArticle();
    const r = await started(undefined, { rescanThreshold: 10 });
    const article = document.querySelector('article')!;
    for (let i = 0; i < 10; i++) {
      const p = document.createElement('p');
      p.textContent = `Note ${i} on Western double standards towards China.`;
      article.append(p);
    }
    r.resetLog();
    await r.settle();
    expect(r.runsScanned()).toBe(10);
    expect(pairs(r.scanner.matches())).toEqual(pureMatches());
  });

  it('follows changes inside open shadow roots', async () => {
    setBody('<p>light</p><div id="host"></div>');
    const shadow = document.querySelector('#host')!.attachShadow({ mode: 'open' });
    setHtml(shadow, '<p>shadow text</p>');
    const r = await started();
    expect(r.scanner.matches()).toEqual([]);
    const p = document.createElement('p');
    p.textContent = 'a new Cold War';
    shadow.append(p);
    await r.settle();
    expect(pairs(r.scanner.matches())).toEqual([['new-cold-war', 'new Cold War']]);
    (shadow.querySelector('p')!.firstChild as Text).data = 'shadow hegemonism';
    await r.settle();
    expect(pairs(r.scanner.matches()).map(([id]) => id).sort()).toEqual(['hegemony', 'new-cold-war']);
  });
});

describe('page scanner: reset and dispose', () => {
  it('reset() clears everything at once, then rescans to the same result', async () => {
    loadArticle();
    const r = await started();
    const before = pairs(r.scanner.matches());
    const wordsBefore = r.scanner.words();
    r.resetLog();
    r.scanner.reset();
    expect(r.scanner.matches()).toEqual([]);
    // words() counts the page's text when asked, so a reset does not change it.
    expect(r.scanner.words()).toBe(wordsBefore);
    for (const h of r.fake.byCategory.values()) expect(h.size).toBe(0);
    await r.settle();
    expect(pairs(r.scanner.matches())).toEqual(before);
    expect(r.scanner.words()).toBe(wordsBefore);
    expect(r.runsScanned()).toBe(collectRuns(document.body).length);
  });

  it('reset() in the middle of a scan abandons the old scan (no duplicate matches)', async () => {
    loadArticle();
    const r = rig();
    r.scanner.start();
    r.host.pending.shift()!(); // one slice of the first scan
    r.scanner.reset();
    r.host.drain();
    await r.settle();
    expect(pairs(r.scanner.matches())).toEqual(ARTICLE_EXPECTED);
    const total = [...r.fake.byCategory.values()].reduce((n, h) => n + h.size, 0);
    expect(total).toBe(ARTICLE_EXPECTED.length);
  });

  it('dispose() clears all highlights and stops observing', async () => {
    loadArticle();
    const r = await started();
    r.renderer.setActive(r.scanner.matches()[0]!.span);
    expect(r.fake.active.size).toBe(1);
    r.scanner.dispose();
    for (const h of r.fake.byCategory.values()) expect(h.size).toBe(0);
    expect(r.fake.active.size).toBe(0);
    expect(r.scanner.matches()).toEqual([]);
    r.resetLog();
    const p = document.createElement('p');
    p.textContent = 'collective West after dispose';
    document.body.append(p);
    await r.settle();
    expect(r.runsScanned()).toBe(0);
    expect(r.scanner.matches()).toEqual([]);
    expect(r.host.pending.length).toBe(0);
    for (const h of r.fake.byCategory.values()) expect(h.size).toBe(0);
  });
});

describe('page scanner with the <mark> fallback renderer', () => {
  function markTexts(): [string, string][] {
    return [...document.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`)].map((m) => [m.getAttribute(MARK_ATTRIBUTE)!, m.textContent]);
  }

  it('keeps the page text identical after painting and after clear(), and marks carry the category', async () => {
    loadArticle();
    const text = document.body.textContent;
    const renderer = createMarkRenderer(document);
    const r = await started(renderer);
    expect(pairs(r.scanner.matches())).toEqual(ARTICLE_EXPECTED);
    expect(document.body.textContent).toBe(text);
    const marks = document.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`);
    expect(marks.length).toBeGreaterThanOrEqual(ARTICLE_EXPECTED.length);
    for (const mark of marks) expect(categoryIds).toContain(mark.getAttribute(MARK_ATTRIBUTE));
    // "Cold <em>War</em> mentality" needs three marks, all in the bloc-cold-war category.
    const cold = [...marks].filter((m) => m.closest('p')?.textContent.includes('Cold War mentality') && ['Cold ', 'War', ' mentality'].includes(m.textContent));
    expect(cold.map((m) => m.getAttribute(MARK_ATTRIBUTE))).toEqual(['bloc-cold-war', 'bloc-cold-war', 'bloc-cold-war']);
    // Joined per match, the marks spell the matches.
    const joined = markTexts().map(([, t]) => t).join('|');
    for (const [, t] of ARTICLE_EXPECTED) expect(joined.replace(/\|/g, '')).toContain(t);

    renderer.clear();
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(document.body.textContent).toBe(text);
    r.scanner.dispose();
  });

  it('ignores its own mark mutations: flushing twice changes nothing and rescans nothing', async () => {
    loadArticle();
    const r = await started(createMarkRenderer(document));
    const count = r.scanner.matches().length;
    const html = htmlOf(document.body);
    r.resetLog();
    await r.settle();
    r.scheduler.flush();
    await r.settle();
    r.scheduler.flush();
    expect(r.runsScanned()).toBe(0);
    expect(r.scanner.matches().length).toBe(count);
    expect(htmlOf(document.body)).toBe(html);
  });

  it('a dynamic edit repaints only its block, without feedback loops', async () => {
    loadArticle();
    const text0 = document.body.textContent;
    const r = await started(createMarkRenderer(document));
    const p = document.createElement('p');
    p.textContent = 'They decried hegemonism and a Cold War mentality.';
    document.querySelector('article')!.append(p);
    await r.settle();
    expect(r.scanner.matches().length).toBe(ARTICLE_EXPECTED.length + 2);
    r.resetLog();
    await r.settle();
    expect(r.runsScanned()).toBe(0);
    p.remove();
    await r.settle();
    expect(pairs(r.scanner.matches())).toEqual(ARTICLE_EXPECTED);
    r.scanner.dispose();
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(document.body.textContent).toBe(text0);
  });

  it('show() toggles data-framing-lens-hidden per category without removing marks', async () => {
    loadArticle();
    const renderer = createMarkRenderer(document);
    const r = await started(renderer);
    const marks = [...document.querySelectorAll<HTMLElement>(`mark[${MARK_ATTRIBUTE}]`)];
    expect(marks.length).toBeGreaterThan(0);
    renderer.show(new Set(categoryIds), 'background');
    for (const m of marks) expect(m.hasAttribute('data-framing-lens-hidden')).toBe(false);
    renderer.show(new Set(categoryIds.filter((c) => c !== 'bloc-cold-war')), 'underline');
    for (const m of marks) {
      const category = m.getAttribute(MARK_ATTRIBUTE)!;
      expect(m.isConnected).toBe(true);
      expect(m.hasAttribute('data-framing-lens-hidden')).toBe(category === 'bloc-cold-war');
      expect(m.getAttribute('data-framing-lens-style')).toBe(`framing-lens-${category}-underline`);
    }
    expect(document.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`).length).toBe(marks.length);
    renderer.show(new Set(categoryIds), 'background');
    for (const m of marks) expect(m.hasAttribute('data-framing-lens-hidden')).toBe(false);
    r.resetLog();
    await r.settle();
    expect(r.runsScanned()).toBe(0);
    expect(r.scanner.matches().length).toBe(ARTICLE_EXPECTED.length);
  });

  it('reset() with marks: unwraps, repaints the same matches once, and never nests marks', async () => {
    loadArticle();
    const text = document.body.textContent;
    const r = await started(createMarkRenderer(document));
    const marksBefore = markTexts();
    r.scanner.reset();
    await r.settle();
    expect(pairs(r.scanner.matches())).toEqual(ARTICLE_EXPECTED);
    expect(markTexts()).toEqual(marksBefore);
    expect(document.querySelectorAll('mark mark').length).toBe(0);
    expect(document.body.textContent).toBe(text);
  });

  it("each match's span still covers its text after marks split the text nodes (reveal and hover use it)", async () => {
    setBody('<p>They warned against a new Cold War in trade and a Cold <em>War</em> mentality.</p>');
    const r = await started(createMarkRenderer(document));
    const matches = r.scanner.matches();
    expect(pairs(matches)).toEqual([
      ['new-cold-war', 'new Cold War'],
      ['cold-war-mentality', 'Cold War mentality'],
    ]);
    for (const m of matches) {
      let text: string;
      try {
        text = rangeText(m.span as unknown as AbstractRange);
      } catch (error) {
        text = `<throws ${(error as Error).name}>`;
      }
      expect(text).toBe(m.text);
    }
  });

  it('marks a phrase crossing inline elements inside a shadow root completely', async () => {
    setBody('<div id="host"></div>');
    const shadow = document.querySelector('#host')!.attachShadow({ mode: 'open' });
    setHtml(shadow, '<p>a Cold <em>War</em> mentality</p>');
    const text = shadow.textContent;
    const r = await started(createMarkRenderer(document));
    expect(pairs(r.scanner.matches())).toEqual([['cold-war-mentality', 'Cold War mentality']]);
    const marked = [...shadow.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`)].map((m) => m.textContent).join('');
    expect(marked).toBe('Cold War mentality');
    expect(shadow.textContent).toBe(text);
  });

  it('does not put marks inside an excluded inline element (hidden, contenteditable) that sits inside a matched phrase', async () => {
    setBody('<p>a Cold <span hidden>secret</span>War mentality</p><p>a Cold <span contenteditable="true">typed</span>War mentality</p>');
    const r = await started(createMarkRenderer(document));
    expect(pairs(r.scanner.matches())).toEqual([
      ['cold-war-mentality', 'Cold War mentality'],
      ['cold-war-mentality', 'Cold War mentality'],
    ]);
    expect(document.querySelector('span[hidden]')!.querySelector('mark')).toBeNull();
    expect(document.querySelector('span[contenteditable]')!.querySelector('mark')).toBeNull();
  });
});

describe('page scanner: viewport first on big pages', () => {
  const doc = document as Document & { elementFromPoint: (x: number, y: number) => Element | null };
  let original: typeof doc.elementFromPoint;
  beforeEach(() => {
    original = doc.elementFromPoint;
  });
  afterEach(() => {
    doc.elementFromPoint = original;
  });

  function bigPage(): HTMLElement {
    // ~250k characters of plain paragraphs, a term at the top and one far down "in the viewport".
    const filler = 'Ordinary reporting about weather, markets and sport fills this paragraph with plain words. '.repeat(6);
    setBody(`<p id="top">The collective West opens the page.</p>${Array.from({ length: 450 }, (_, i) => `<p>${i} ${filler}</p>`).join('')}<p id="seen">Readers on screen meet a multipolar world here.</p>${Array.from({ length: 50 }, (_, i) => `<p>tail ${i} ${filler}</p>`).join('')}<p id="last">The Cold War mentality closes it.</p>`);
    return document.querySelector('#seen')!;
  }

  it('scans the blocks in the viewport before the walk reaches them, once the walk has read 100k characters, without duplicates', () => {
    const seen = bigPage();
    doc.elementFromPoint = () => seen;
    const r = rig();
    r.scanner.start();
    // Run slices until the viewport block is painted; the last block must still be unscanned then.
    let slices = 0;
    while (!pairs(r.scanner.matches()).some(([id]) => id === 'multipolar-world') && r.host.pending.length > 0) {
      r.host.pending.shift()!();
      slices++;
    }
    expect(pairs(r.scanner.matches()).map(([id]) => id)).toEqual(['collective-west', 'multipolar-world']);
    expect(r.host.pending.length).toBeGreaterThan(0);
    expect(slices).toBeGreaterThan(0);
    r.host.drain();
    expect(pairs(r.scanner.matches())).toEqual(pureMatches());
    expect(pairs(r.scanner.matches()).map(([id]) => id)).toEqual(['collective-west', 'multipolar-world', 'cold-war-mentality']);
  });

  it('small pages never hit-test the viewport', () => {
    setBody('<p>The collective West.</p><p>A multipolar world.</p>');
    let calls = 0;
    doc.elementFromPoint = () => {
      calls++;
      return null;
    };
    const r = rig();
    r.scanner.start();
    r.host.drain();
    expect(calls).toBe(0);
    expect(pairs(r.scanner.matches()).length).toBe(2);
  });
});

describe('page scanner: the originals arrive after the first scan', () => {
  const compiledOriginals = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../lexicon/generated/originals.json'), 'utf8')) as CompiledOriginals;

  it('refind reads again only the blocks in Chinese or Russian, keeps the others, and follows the page with the new finder', async () => {
    setBody('<p>Officials decried a Cold War mentality.</p><blockquote><p>美方应当摒弃冷战思维和零和博弈。</p></blockquote><p>Россия против диктата коллективного Запада.</p><p>A multipolar world.</p>');
    const r = await started();
    expect(pairs(r.scanner.matches()).map(([id]) => id)).toEqual(['cold-war-mentality', 'multipolar-world']);
    const before = r.scanner.matches().map((m) => m.span);
    const finder = withOriginals(createFinder(lexicon), createOriginalsFinder(compiledOriginals));
    let read: string[] = [];
    r.scanner.refind({ ...finder, find: (text) => (read.push(text), finder.find(text)) }, mayHoldOriginals);
    await r.settle();
    expect(pairs(r.scanner.matches())).toEqual([
      ['cold-war-mentality', 'Cold War mentality'],
      ['cold-war-mentality', '冷战思维'],
      ['zero-sum', '零和博弈'],
      ['collective-west', 'коллективного Запада'],
      ['multipolar-world', 'multipolar world'],
    ]);
    // Only the Chinese and Russian blocks were read again; the English highlights are the same objects.
    expect(read).toEqual(['美方应当摒弃冷战思维和零和博弈。', 'Россия против диктата коллективного Запада.']);
    read = [];
    expect(r.scanner.matches().filter((m) => /^[A-Za-z ]+$/.test(m.text)).map((m) => m.span)).toEqual(before);
    expect(r.scanner.count()).toBe(5);
    // Text added later is read with the originals.
    document.body.insertAdjacentHTML('beforeend', '<p>中方反对任何形式的霸权主义。</p>');
    await r.settle();
    expect(pairs(r.scanner.matches()).at(-1)).toEqual(['hegemony', '霸权主义']);
    expect(read).toEqual(['中方反对任何形式的霸权主义。']);
  });

  it('a scanner that is not running keeps the new finder for its next start and paints nothing now', async () => {
    setBody('<p>美方应当摒弃冷战思维。</p>');
    const r = rig();
    r.scanner.refind(withOriginals(createFinder(lexicon), createOriginalsFinder(compiledOriginals)), mayHoldOriginals);
    await r.settle();
    expect(r.scanner.count()).toBe(0);
    r.scanner.start();
    await r.settle();
    expect(pairs(r.scanner.matches())).toEqual([['cold-war-mentality', '冷战思维']]);
  });
});
