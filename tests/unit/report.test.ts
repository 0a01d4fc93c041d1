import { describe, expect, it } from 'vitest';
import type { CompiledLexicon, FullLexicon, GlossaryLexicon, Term } from '../../lib/lexicon/schema.ts';
import { buildReport, countByCategory, MAX_REPORTED_OCCURRENCES, type PageReport, type ReportableMatch } from '../../lib/report/page-report.ts';
import { cutSentence } from '../../lib/text/cut-sentence.ts';
import { groupFound, mergeReports, searchTerms, summarise } from '../../lib/report/summary.ts';
import { badgeText, createBadgeCounter } from '../../lib/report/badge-counter.ts';

// A small lexicon: two categories, four families.
const categories = [
  { id: 'bloc', label: 'Blocs', description: 'Camps and blocs.', colour: '#B45F00', underline: 'dashed' as const, line: 'under' as const },
  { id: 'order', label: 'World order', description: 'Poles and orders.', colour: '#0072B2', underline: 'solid' as const, line: 'under' as const },
];
function term(id: string, label: string, category: string, extra: Partial<Term> = {}): Term {
  return {
    id, label, category, reading: 'framing', gloss: `${label} gloss.`, patterns: [label.toLowerCase()], contextual: [], meaning: `${label} meaning.`, presupposes: 'p', origin: 'o',
    sources: [], untraced: 'not traced', users: 'u', neutral: 'n', questions: ['a?', 'b?'], related: [], originals: [], variants: [label.toLowerCase()], occurrences: {}, examples: [], ...extra,
  };
}
const terms = [
  term('cold-war-mentality', 'Cold War mentality', 'bloc'),
  term('zero-sum', 'Zero-sum', 'bloc', { gloss: 'One side’s gain is the other’s loss.' }),
  term('multipolar-world', 'Multipolar world', 'order', { patterns: ['multipolar world', 'multi-polar system'], meaning: 'Several poles of power; the Élysée uses it too.' }),
  term('hegemony', 'Hegemony', 'order', {
    meaning: 'Domination by one power, often called a zero-sum posture.',
    originals: [{ lang: 'zh', form: '霸权主义', romanised: 'bàquán zhǔyì', traditional: '霸權主義', source: { by: 'Ministry of Foreign Affairs of the PRC', title: 'Regular press conference', date: '2021-03-08' } }],
  }),
];
const corpora = [
  { id: 'commentary', label: 'Commentary corpus', description: 'Five articles.' },
  { id: 'official', label: 'Official statements corpus', description: 'Twenty-one texts.' },
];
const corpusStats = { commentary: { words: 10_000, occurrences: 30, byCategory: { bloc: 20, order: 10 } }, official: { words: 20_000, occurrences: 10, byCategory: { bloc: 2, order: 8 } } };
const full: FullLexicon = { categories, corpora, documents: [], terms, corpusStats };
/** What the popup has before the explanations load: the glossary (no meaning or origin). */
const glossary: GlossaryLexicon = { categories, corpora, documents: [], corpusStats, terms: terms.map(({ id, label, category, gloss, patterns, contextual, reading, originals }) => ({ id, label, category, gloss, patterns, contextual, reading, originals: originals.map(({ lang, form, romanised, traditional }) => ({ lang, form, romanised, traditional })) })) };
const compiled: CompiledLexicon = {
  categories: categories.map(({ id, label, colour, underline, line }) => ({ id, label, colour, underline, line })),
  terms: terms.map(({ id, category }) => ({ id, category })),
  trie: { f: '', p: '' },
  entries: [],
  context: { trie: { f: '', p: '' }, kinds: [], guards: [], topics: [], points: 2, page: { points: 24, per1000: 12 } },
};
const page = { url: 'https://example.com/a', host: 'example.com', active: true, words: 500 };
const match = (termIndex: number, text = 'x'): ReportableMatch => ({ term: termIndex, category: terms[termIndex]!.category, text, context: `A ${text}.`, start: 2, end: 2 + text.length, why: { pattern: 0 } });

describe('buildReport', () => {
  it('counts per family id, leaves out families without a match, and lists occurrences in document order', () => {
    const report = buildReport(compiled, [match(0, 'Cold War mentality'), match(1, 'zero-sum'), match(0, 'Cold War mindset')], page);
    expect(report).toMatchObject({ ...page, total: 3, counts: { 'cold-war-mentality': 2, 'zero-sum': 1 } });
    expect(Object.keys(report.counts)).not.toContain('hegemony');
    expect(report.occurrences.map((o) => [o.index, o.term, o.category, o.text])).toEqual([
      [0, 'cold-war-mentality', 'bloc', 'Cold War mentality'],
      [1, 'zero-sum', 'bloc', 'zero-sum'],
      [2, 'cold-war-mentality', 'bloc', 'Cold War mindset'],
    ]);
    const first = report.occurrences[0]!;
    expect(first.sentence.slice(first.start, first.end)).toBe('Cold War mentality');
  });

  it('no matches: an empty report that still carries the page', () => {
    expect(buildReport(compiled, [], { ...page, active: false })).toEqual({ ...page, active: false, total: 0, counts: {}, occurrences: [] });
  });

  it(`caps the occurrences at ${MAX_REPORTED_OCCURRENCES} but keeps the counts complete`, () => {
    const many = Array.from({ length: MAX_REPORTED_OCCURRENCES + 25 }, (_, i) => match(i % 2));
    const report = buildReport(compiled, many, page);
    expect(report.occurrences).toHaveLength(MAX_REPORTED_OCCURRENCES);
    expect(report.total).toBe(MAX_REPORTED_OCCURRENCES + 25);
    expect(report.counts['cold-war-mentality']! + report.counts['zero-sum']!).toBe(MAX_REPORTED_OCCURRENCES + 25);
  });

  it('sends the counts alone when asked for no occurrences (the popup\'s first view), and never more than the cap', () => {
    const matches = [match(0, 'Cold War mentality'), match(1, 'zero-sum'), match(0, 'Cold War mindset')];
    const counts = buildReport(compiled, matches, page, 0);
    expect(counts).toEqual({ ...buildReport(compiled, matches, page), occurrences: [] });
    expect(counts.counts).toEqual({ 'cold-war-mentality': 2, 'zero-sum': 1 });
    expect(counts.total).toBe(3);
    expect(buildReport(compiled, matches, page, 2).occurrences.map((o) => o.text)).toEqual(['Cold War mentality', 'zero-sum']);
    const many = Array.from({ length: MAX_REPORTED_OCCURRENCES + 5 }, (_, i) => match(i % 2));
    expect(buildReport(compiled, many, page, Infinity).occurrences).toHaveLength(MAX_REPORTED_OCCURRENCES);
  });
});

describe('countByCategory', () => {
  it.each<[Record<string, number>, Record<string, number>]>([
    [{}, { bloc: 0, order: 0 }],
    [{ 'cold-war-mentality': 2, 'zero-sum': 3 }, { bloc: 5, order: 0 }],
    [{ 'cold-war-mentality': 1, hegemony: 4, 'multipolar-world': 1 }, { bloc: 1, order: 5 }],
    // an id the lexicon does not know (an older page report) is ignored
    [{ 'no-such-family': 7, hegemony: 1 }, { bloc: 0, order: 1 }],
  ])('%j → %j', (counts, expected) => {
    expect(countByCategory(compiled, counts)).toEqual(expected);
  });
});

describe('cutSentence', () => {
  const TERM = 'Cold War mentality';
  const cut = (text: string) => {
    const at = text.indexOf(TERM);
    return cutSentence(text, at, at + TERM.length);
  };
  it.each([
    ['First one. The Cold War mentality persists! Next one? Yes.', 'The Cold War mentality persists!'],
    ['The Cold War mentality persists', 'The Cold War mentality persists'],
    ['Cold War mentality.', 'Cold War mentality.'],
    ['Is it a Cold War mentality?! Yes.', 'Is it a Cold War mentality?!'],
    ['  Leading spaces. Then Cold War mentality here.  ', 'Then Cold War mentality here.'],
    ['Version 2.0 of the Cold War mentality is here.', 'Version 2.0 of the Cold War mentality is here.'],
    ['Why? Because the Cold War mentality persists. Really.', 'Because the Cold War mentality persists.'],
    ['One.\nThe Cold War mentality.\nTwo.', 'The Cold War mentality.'],
  ])('%j → %j, with the term at its offsets', (text, sentence) => {
    const r = cut(text);
    expect(r.sentence).toBe(sentence);
    expect(r.sentence.slice(r.start, r.end)).toBe(TERM);
  });

  it('a very long sentence is cut to about 320 characters around the match', () => {
    const text = `${'word '.repeat(100)}${TERM} ${'word '.repeat(100)}.`;
    const r = cut(text);
    expect(r.sentence.slice(r.start, r.end)).toBe(TERM);
    expect(r.sentence.length).toBeLessThanOrEqual(340);
  });

  it('a long sentence is cut at word boundaries', () => {
    const text = `${'abcdefghij '.repeat(40)}${TERM} ${'abcdefghij '.repeat(40)}.`;
    const r = cut(text);
    expect(r.sentence.slice(r.start, r.end)).toBe(TERM);
    const from = text.indexOf(r.sentence);
    expect(from).toBeGreaterThanOrEqual(0);
    expect(from === 0 || /\s/.test(text[from - 1]!)).toBe(true);
    const to = from + r.sentence.length;
    expect(to === text.length || /[\s.!?]/.test(text[to]!)).toBe(true);
  });
});

describe('mergeReports', () => {
  const report = (patch: Partial<PageReport>): PageReport => ({ ...page, total: 0, counts: {}, occurrences: [], ...patch });
  const occ = (index: number, t: string) => ({ index, term: t, category: 'bloc', text: t, sentence: t, start: 0, end: t.length, why: { pattern: t } });

  it('no frames: null', () => {
    expect(mergeReports([])).toBeNull();
  });

  it('adds words, totals and counts; the top frame gives url, host and active; occurrences carry their frame', () => {
    const merged = mergeReports([
      { frameId: 0, report: report({ words: 400, total: 2, counts: { 'zero-sum': 2 }, occurrences: [occ(0, 'zero-sum'), occ(1, 'zero-sum')] }) },
      { frameId: 7, report: report({ url: 'https://ads.example/x', host: 'ads.example', active: false, words: 100, total: 1, counts: { 'zero-sum': 1 }, occurrences: [occ(0, 'zero-sum')] }) },
    ])!;
    expect(merged).toMatchObject({ url: page.url, host: 'example.com', active: true, words: 500, total: 3, counts: { 'zero-sum': 3 } });
    expect(merged.occurrences.map((o) => [o.frameId, o.index])).toEqual([[0, 0], [0, 1], [7, 0]]);
  });
});

describe('summarise', () => {
  const tab = (words: number, counts: Record<string, number>) => ({ url: page.url, host: page.host, active: true, words, counts, total: Object.values(counts).reduce((a, b) => a + b, 0), occurrences: [] });

  it('densities are terms per 1,000 words, one decimal, against each corpus', () => {
    const s = summarise(glossary, tab(1500, { 'cold-war-mentality': 2, 'zero-sum': 1, hegemony: 1 }));
    expect(s.total).toBe(4);
    expect(s.categories).toBe(2);
    expect(s.density).toBe(2.7);
    expect(s.corpora).toEqual([
      { id: 'commentary', label: 'Commentary corpus', density: 3 },
      { id: 'official', label: 'Official statements corpus', density: 0.5 },
    ]);
    expect(s.bars).toEqual([
      { id: 'bloc', label: 'Blocs', colour: '#B45F00', count: 3, density: 2, reference: { commentary: 2, official: 0.1 } },
      { id: 'order', label: 'World order', colour: '#0072B2', count: 1, density: 0.7, reference: { commentary: 1, official: 0.4 } },
    ]);
  });

  it('a hidden category is left out of the totals, the densities and the bars', () => {
    const s = summarise(glossary, tab(1500, { 'cold-war-mentality': 2, 'zero-sum': 1, hegemony: 1 }), new Set(['bloc']));
    expect(s.total).toBe(1);
    expect(s.categories).toBe(1);
    expect(s.density).toBe(0.7);
    expect(s.bars.map((b) => b.id)).toEqual(['order']);
    expect(s.corpora.map((c) => c.density)).toEqual([1, 0.4]);
  });

  it('a page without words has density 0, not NaN or Infinity', () => {
    const s = summarise(glossary, tab(0, {}));
    expect(s.density).toBe(0);
    expect(s.categories).toBe(0);
    expect(s.bars.map((b) => b.density)).toEqual([0, 0]);
  });
});

describe('groupFound', () => {
  it('groups found families by category in lexicon order, most frequent first, then by label', () => {
    expect(groupFound(glossary, { hegemony: 1, 'multipolar-world': 1, 'zero-sum': 1, 'cold-war-mentality': 4, 'no-such': 9 })).toEqual([
      { category: 'bloc', terms: [{ id: 'cold-war-mentality', label: 'Cold War mentality', count: 4 }, { id: 'zero-sum', label: 'Zero-sum', count: 1 }] },
      { category: 'order', terms: [{ id: 'hegemony', label: 'Hegemony', count: 1 }, { id: 'multipolar-world', label: 'Multipolar world', count: 1 }] },
    ]);
  });

  it('leaves out categories without finds and families with a zero count', () => {
    expect(groupFound(glossary, { hegemony: 2, 'zero-sum': 0 })).toEqual([{ category: 'order', terms: [{ id: 'hegemony', label: 'Hegemony', count: 2 }] }]);
    expect(groupFound(glossary, {})).toEqual([]);
  });
});

describe('searchTerms', () => {
  // The popup searches the glossary until the explanations have loaded, then the full lexicon:
  // both paths are tested, with the data each really has.
  it.each<[string, string[]]>([
    ['', ['cold-war-mentality', 'zero-sum', 'multipolar-world', 'hegemony']],
    ['   ', ['cold-war-mentality', 'zero-sum', 'multipolar-world', 'hegemony']],
    // label prefix first, then label/pattern substring, then gloss
    ['zero', ['zero-sum']],
    ['COLD', ['cold-war-mentality']],
    ['mentality', ['cold-war-mentality']],
    ['multi-polar', ['multipolar-world']],
    ['polar', ['multipolar-world']],
    ['hégémony', ['hegemony']],
    ['gain', ['zero-sum']],
    // the glossary has no explanations: a word only in a meaning is not found yet
    ['elysee', []],
    ['nothing like this', []],
  ])('the glossary: %j → %j', (query, ids) => {
    expect(searchTerms(glossary, query)).toEqual(ids);
  });

  it.each<[string, string[]]>([
    // with the explanations loaded, meanings count too, after names and glosses
    ['zero', ['zero-sum', 'hegemony']],
    ['elysee', ['multipolar-world']],
    ['Élysée', ['multipolar-world']],
    ['domination', ['hegemony']],
  ])('the full lexicon: %j → %j', (query, ids) => {
    expect(searchTerms(full, query)).toEqual(ids);
  });
});

describe('badgeText', () => {
  it.each<[number, boolean, string]>([
    [0, true, ''],
    [1, true, '1'],
    [999, true, '999'],
    [1000, true, '999+'],
    [52_000, true, '999+'],
    [7, false, ''],
  ])('%i terms with the badge %s → %j', (total, on, text) => {
    expect(badgeText(total, on)).toBe(text);
  });
});

describe('createBadgeCounter', () => {
  it('sums the frames of a tab', () => {
    const badge = createBadgeCounter();
    badge.set(1, 0, 3);
    badge.set(1, 5, 2);
    badge.set(2, 0, 7);
    expect(badge.total(1)).toBe(5);
    expect(badge.total(2)).toBe(7);
    expect(badge.total(99)).toBe(0);
  });

  it('a frame reporting again replaces its count; zero removes the frame', () => {
    const badge = createBadgeCounter();
    badge.set(1, 0, 3);
    badge.set(1, 0, 4);
    badge.set(1, 3, 1);
    expect(badge.total(1)).toBe(5);
    badge.set(1, 3, 0);
    expect(badge.total(1)).toBe(4);
    expect(badge.frames(1)).toEqual([0]);
  });

  it('frames lists frames with terms, top frame first, then by id', () => {
    const badge = createBadgeCounter();
    badge.set(1, 12, 1);
    badge.set(1, 3, 1);
    badge.set(1, 0, 1);
    badge.set(1, 7, 0);
    expect(badge.frames(1)).toEqual([0, 3, 12]);
    expect(badge.frames(42)).toEqual([]);
  });

  it('tabs and forget', () => {
    const badge = createBadgeCounter();
    badge.set(1, 0, 1);
    badge.set(2, 0, 1);
    expect(badge.tabs().sort()).toEqual([1, 2]);
    badge.forget(1);
    expect(badge.tabs()).toEqual([2]);
    expect(badge.total(1)).toBe(0);
    badge.forget(1);
    expect(badge.tabs()).toEqual([2]);
  });
});

describe('isTabId: tab ids in messages', () => {
  it('takes any non-negative safe integer, Chrome ids past ten million included', async () => {
    const { isTabId, isIndex } = await import('../../lib/report/page-report.ts');
    expect(isTabId(0)).toBe(true);
    expect(isTabId(1_813_009_893)).toBe(true);
    // The bug this replaces: a big tab id is not a small index.
    expect(isIndex(1_813_009_893)).toBe(false);
    for (const bad of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2, '12', null, undefined, {}]) expect(isTabId(bad)).toBe(false);
  });
});

describe('searchTerms finds a family by its original and its romanisation', () => {
  it.each([
    ['霸权主义', 'simplified characters'],
    ['霸權', 'traditional characters'],
    ['bàquán', 'pinyin with tone marks'],
    ['baquan zhuyi', 'pinyin without tone marks'],
  ])('%j (%s) finds Hegemony in the glossary', (query) => {
    expect(searchTerms(glossary, query)).toEqual(['hegemony']);
  });
});
