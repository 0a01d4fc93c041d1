import { describe, expect, it } from 'vitest';
import type { FoundWhy } from '../../lib/match/explain.ts';
import { isIndex } from '../../lib/report/page-report.ts';
import { parseReport as parseWith, writtenPatterns } from '../../lib/report/parse-report.ts';
import type { PageReport, SentReport } from '../../lib/report/page-report.ts';

/** The popup's glossary, as far as these reports need it: each family's patterns, then its contextual ones. */
const written = writtenPatterns([
  { id: 'zero-sum', patterns: ['zero-sum [game|approach|mentality]'], contextual: [] },
  { id: 'hegemony', patterns: ['hegemony', 'hegemonism'], contextual: ['hegemon'] },
  { id: 'cold-war-mentality', patterns: ['Cold War mentality'], contextual: [] },
]);
const parseReport = (value: unknown) => parseWith(value, written);

const occurrence = (over: Record<string, unknown> = {}) => ({
  index: 0,
  term: 'zero-sum',
  category: 'bloc-cold-war',
  text: 'zero-sum approach',
  sentence: 'They warned against a zero-sum approach.',
  start: 22,
  end: 39,
  why: { pattern: 0, cue: 'China', where: 'sentence' } as FoundWhy,
  ...over,
});

const valid = (): SentReport => ({
  url: 'https://example.com/news',
  host: 'example.com',
  active: true,
  words: 120,
  total: 2,
  counts: { 'zero-sum': 1, hegemony: 1 },
  occurrences: [occurrence(), occurrence({ index: 1, term: 'hegemony', category: 'hegemony', text: 'hegemon', sentence: 'It acts as a hegemon.', start: 13, end: 20, why: { pattern: 2, where: 'page' } })],
});

/** {@link valid} as the popup reads it: each pattern index replaced by the pattern it names. */
const read = (): PageReport => {
  const r = valid();
  return { ...r, occurrences: [{ ...r.occurrences[0]!, why: { pattern: 'zero-sum [game|approach|mentality]', cue: 'China', where: 'sentence' } }, { ...r.occurrences[1]!, why: { pattern: 'hegemon', where: 'page' } }] };
};

describe('parseReport', () => {
  it('accepts a valid report, reading each pattern index from the glossary', () => {
    const report = valid();
    expect(parseReport(report)).toEqual(read());
    expect(parseReport(JSON.parse(JSON.stringify(report)))).toEqual(read());
  });

  it('an original keeps its form and romanisation, whatever its index', () => {
    const original = occurrence({ term: 'cold-war-mentality', text: '冷战思维', sentence: '摒弃冷战思维。', start: 2, end: 6, why: { pattern: 0, original: { lang: 'zh', form: '冷战思维', romanised: 'lěngzhàn sīwéi' }, where: 'page' } });
    const parsed = parseReport({ ...valid(), occurrences: [original] });
    expect(parsed!.occurrences[0]!.why).toEqual({ pattern: '冷战思维', original: { lang: 'zh', romanised: 'lěngzhàn sīwéi' }, where: 'page' });
  });

  it('drops an occurrence whose index names none of its family\'s patterns, or whose family the glossary lacks', () => {
    const parsed = parseReport({
      ...valid(),
      occurrences: [occurrence({ why: { pattern: 1 } }), occurrence({ term: 'hegemony', why: { pattern: 3 } }), occurrence({ term: 'debt-trap-diplomacy' }), occurrence({ index: 4, term: 'hegemony', why: { pattern: 1 } })],
    });
    expect(parsed!.occurrences.map((o) => [o.index, o.why.pattern])).toEqual([[4, 'hegemonism']]);
  });

  it('accepts an empty report (inactive, nothing found)', () => {
    const report: SentReport = { url: 'about:blank', host: '', active: false, words: 0, total: 0, counts: {}, occurrences: [] };
    expect(parseReport(report)).toEqual(report);
  });

  it('drops unknown top-level fields', () => {
    const parsed = parseReport({ ...valid(), extra: '<script>' });
    expect(parsed).not.toBeNull();
    expect(parsed).not.toHaveProperty('extra');
  });

  for (const [name, value] of [
    ['null', null],
    ['undefined', undefined],
    ['a string', 'report'],
    ['a number', 42],
    ['an array', []],
    ['an empty object', {}],
  ] as [string, unknown][]) {
    it(`rejects ${name}`, () => {
      expect(parseReport(value)).toBeNull();
    });
  }

  for (const field of ['url', 'host', 'active', 'words', 'total', 'counts', 'occurrences'] as const) {
    it(`rejects a report without "${field}"`, () => {
      const r: Record<string, unknown> = { ...valid() };
      delete r[field];
      expect(parseReport(r)).toBeNull();
    });
  }

  for (const [field, bad] of [
    ['url', 42],
    ['host', null],
    ['active', 'yes'],
    ['active', 1],
    ['words', -1],
    ['words', 1.5],
    ['words', '120'],
    ['words', Number.NaN],
    ['words', Number.POSITIVE_INFINITY],
    ['words', 1e7],
    ['total', -3],
    ['counts', null],
    ['counts', 'many'],
    ['occurrences', 'none'],
    ['occurrences', { 0: occurrence() }],
  ] as [keyof SentReport, unknown][]) {
    it(`rejects ${field} = ${JSON.stringify(bad) ?? String(bad)}`, () => {
      expect(parseReport({ ...valid(), [field]: bad })).toBeNull();
    });
  }

  it('filters out counts that are not small non-negative integers', () => {
    const parsed = parseReport({ ...valid(), counts: { good: 3, zero: 0, negative: -1, fraction: 0.5, text: '2', nan: Number.NaN, huge: 1e9 } });
    expect(parsed!.counts).toEqual({ good: 3, zero: 0 });
  });

  it('filters out occurrences with wrong types, keeping the good ones in order', () => {
    const good0 = occurrence();
    const good1 = occurrence({ index: 5 });
    const parsed = parseReport({
      ...valid(),
      occurrences: [
        null,
        'zero-sum',
        42,
        good0,
        occurrence({ index: -1 }),
        occurrence({ index: '1' }),
        occurrence({ term: 7 }),
        occurrence({ category: null }),
        occurrence({ text: undefined }),
        occurrence({ sentence: ['x'] }),
        occurrence({ start: -2 }),
        occurrence({ end: 2.5 }),
        { ...occurrence(), sentence: undefined },
        occurrence({ why: undefined }),
        occurrence({ why: { pattern: 'zero-sum approach' } }),
        occurrence({ why: { pattern: -1 } }),
        occurrence({ why: { pattern: 0, where: 'elsewhere' } }),
        occurrence({ why: { pattern: 0, original: { lang: 'fr', form: 'jeu à somme nulle', romanised: '' } } }),
        good1,
      ],
    });
    expect(parsed).not.toBeNull();
    expect(parsed!.occurrences).toEqual([good0, good1].map((o) => ({ ...o, why: read().occurrences[0]!.why })));
  });
});

describe('isIndex', () => {
  it('accepts small non-negative integers only', () => {
    for (const ok of [0, 1, 42, 9_999_999]) expect(isIndex(ok), String(ok)).toBe(true);
    for (const bad of [-1, 0.5, 1e7, Number.NaN, Number.POSITIVE_INFINITY, '1', null, undefined, {}, [1]]) expect(isIndex(bad), String(bad)).toBe(false);
  });
});
