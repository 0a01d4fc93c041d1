import { describe, expect, it } from 'vitest';
import type { Voice } from '../../lib/lexicon/schema.ts';
import { listOccurrences, type ListFilter } from '../../lib/report/occurrence-list.ts';
import type { FrameOccurrence } from '../../lib/report/summary.ts';

// The side panel's list, from tables: document order kept, hidden categories left out, filters by
// category and voice, counts that say what each choice would show, and positions per term for
// next/previous.
const ORDER = ['world-order', 'bloc-cold-war', 'partnership', 'loaded-language'];

function hit(index: number, term: string, category: string, frameId = 0): FrameOccurrence {
  return { index, frameId, term, category, text: term, sentence: `A sentence with ${term}.`, start: 16, end: 16 + term.length, why: { pattern: term } };
}

/** A page: the top frame's five occurrences, then an embedded frame's two (as mergeReports orders them). */
const PAGE: FrameOccurrence[] = [
  hit(0, 'cold-war-mentality', 'bloc-cold-war'),
  hit(1, 'collective-west', 'loaded-language'),
  hit(2, 'multipolar-world', 'world-order'),
  hit(3, 'collective-west', 'loaded-language'),
  hit(4, 'no-limits-partnership', 'partnership'),
  hit(0, 'multipolar-world', 'world-order', 7),
  hit(1, 'collective-west', 'loaded-language', 7),
];
const VOICES: Voice[] = ['quotation', 'attributed', 'author', 'distancing', 'attributed', 'author', 'quotation'];
const NONE = new Set<string>();
const all: ListFilter = { categories: [], voice: 'all' };
const list = (filter: ListFilter, voices: Voice[] | null = VOICES, hidden: ReadonlySet<string> = NONE) => listOccurrences(PAGE, voices, filter, { hidden, categoryOrder: ORDER });
const rows = (filter: ListFilter, voices: Voice[] | null = VOICES, hidden: ReadonlySet<string> = NONE) => list(filter, voices, hidden).rows.map((r) => `${r.occurrence.frameId}:${r.occurrence.index}`);

describe('the side panel list', () => {
  it('keeps document order, frame by frame, with each row\'s voice and its position among its term\'s occurrences', () => {
    const l = list(all);
    expect(l.rows.map((r) => `${r.occurrence.frameId}:${r.occurrence.index}`)).toEqual(['0:0', '0:1', '0:2', '0:3', '0:4', '7:0', '7:1']);
    expect(l.rows.map((r) => r.voice)).toEqual(VOICES);
    // collective-west: 1st, 2nd and 3rd of its term (the third in the embedded frame).
    expect(l.rows.filter((r) => r.occurrence.term === 'collective-west').map((r) => r.ofTerm)).toEqual([0, 1, 2]);
    expect(l.total).toBe(7);
  });

  it.each([
    ['one category', { categories: ['loaded-language'], voice: 'all' }, ['0:1', '0:3', '7:1']],
    ['two categories', { categories: ['world-order', 'loaded-language'], voice: 'all' }, ['0:1', '0:2', '0:3', '7:0', '7:1']],
    ['one voice', { categories: [], voice: 'attributed' }, ['0:1', '0:4']],
    ['a category and a voice', { categories: ['loaded-language'], voice: 'distancing' }, ['0:3']],
    ['a voice no row of the category has', { categories: ['partnership'], voice: 'quotation' }, []],
  ] as const)('filters by %s', (_name, filter, expected) => {
    expect(rows({ categories: [...filter.categories], voice: filter.voice })).toEqual(expected);
  });

  it('leaves out categories hidden in the settings, from rows, totals and choices, whatever the panel ticked', () => {
    const hidden = new Set(['loaded-language']);
    const l = list({ categories: ['loaded-language', 'partnership'], voice: 'all' }, VOICES, hidden);
    expect(l.rows.map((r) => r.occurrence.term)).toEqual(['no-limits-partnership']);
    expect(l.total).toBe(4);
    expect(l.categories.map((c) => c.value)).toEqual(['world-order', 'bloc-cold-war', 'partnership']);
  });

  it('counts each category under the voice filter and each voice under the category filter, in lexicon order', () => {
    const l = list({ categories: ['loaded-language'], voice: 'attributed' });
    expect(l.categories).toEqual([
      { value: 'world-order', count: 0 },
      { value: 'bloc-cold-war', count: 0 },
      { value: 'partnership', count: 1 },
      { value: 'loaded-language', count: 1 },
    ]);
    expect(l.voices).toEqual([
      { value: 'author', count: 0 },
      { value: 'quotation', count: 1 },
      { value: 'attributed', count: 1 },
      { value: 'distancing', count: 1 },
    ]);
  });

  it('while the voices are being read: every row, no voice choices, and a voice filter shows nothing rather than guessing', () => {
    const l = list(all, null);
    expect(l.rows).toHaveLength(7);
    expect(l.rows.every((r) => r.voice === null)).toBe(true);
    expect(l.voices).toEqual([]);
    expect(rows({ categories: [], voice: 'author' }, null)).toEqual([]);
  });

  it('an empty page gives an empty list with no choices', () => {
    expect(listOccurrences([], [], all, { hidden: NONE, categoryOrder: ORDER })).toEqual({ rows: [], categories: [], voices: [{ value: 'author', count: 0 }, { value: 'quotation', count: 0 }, { value: 'attributed', count: 0 }, { value: 'distancing', count: 0 }], total: 0 });
  });
});
