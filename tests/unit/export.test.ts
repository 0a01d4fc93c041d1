import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FullLexicon } from '../../lib/lexicon/schema.ts';
import { EXPORT_VERSION, exportFileName, markdownText, toCsv, toJson, toMarkdown, type ExportInput } from '../../lib/report/export.ts';

const full = JSON.parse(readFileSync(fileURLToPath(new URL('../../lexicon/generated/lexicon.json', import.meta.url)), 'utf8')) as FullLexicon;

// A page that tries to break every format: markup, Markdown, a formula, quotes, commas and a newline.
const EVIL_SENTENCE = 'He said "=HYPERLINK(x)" and <img src=x onerror=alert(1)>, then *shouted* [click](http://x) | # that the Cold War mentality, sadly,\nremains.';
const input: ExportInput = {
  title: 'Talks in Beijing: a "new era"?',
  url: 'https://news.example.org/2026/talks?id=1',
  readAt: '2026-12-01T21:00:00.000Z',
  words: 1200,
  counts: { 'cold-war-mentality': 2, hegemony: 1 },
  occurrences: [
    { position: 3, term: 'cold-war-mentality', category: 'bloc-cold-war', text: 'Cold War mentality', sentence: EVIL_SENTENCE, start: EVIL_SENTENCE.indexOf('Cold War'), end: EVIL_SENTENCE.indexOf('Cold War') + 18, voice: 'attributed', why: { pattern: 'Cold War mentality' } },
    { position: 9, term: 'hegemony', category: 'hegemony', text: 'hegemony', sentence: 'Beijing warned against hegemony.', start: 23, end: 31, voice: 'author', why: { pattern: 'hegemony', cue: 'Beijing', where: 'sentence' } },
  ],
};

describe('JSON export', () => {
  const data = JSON.parse(toJson(full, input));
  it('is typed and versioned, with the page, the summary, the occurrences and the families found', () => {
    expect(data.format).toBe('framing-lens-report');
    expect(data.version).toBe(EXPORT_VERSION);
    expect(data.page).toEqual({ title: input.title, url: input.url, readAt: input.readAt, words: 1200 });
    expect(data.summary.total).toBe(3);
    expect(data.summary.categories.map((c: { id: string; count: number }) => [c.id, c.count])).toEqual([['bloc-cold-war', 2], ['hegemony', 1]]);
    expect(data.occurrences[1]).toMatchObject({ position: 9, term: 'hegemony', label: 'Hegemony', voice: 'author', reason: 'Matches “hegemony”; international context: “Beijing” in the same sentence.' });
    expect(data.terms.map((t: { id: string }) => t.id).sort()).toEqual(['cold-war-mentality', 'hegemony']);
    const cold = data.terms.find((t: { id: string }) => t.id === 'cold-war-mentality');
    for (const field of ['meaning', 'presupposes', 'origin', 'sources', 'users', 'neutral', 'questions', 'originals']) expect(cold).toHaveProperty(field);
    expect(cold).not.toHaveProperty('curator');
  });
});

describe('CSV export', () => {
  const csv = toCsv(full, input);
  it('has a header and one row per occurrence, RFC 4180 quoted (commas, quotes, newlines)', () => {
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('position,term,label,category,voice,text,sentence,reason');
    expect(csv).toContain(`"${EVIL_SENTENCE.replace(/"/g, '""')}"`);
    expect(lines.at(-1)).toBe('');
    expect(csv).toContain('9,hegemony,Hegemony,Hegemony and unilateralism,author,hegemony,Beijing warned against hegemony.,');
  });
  it('defuses a cell a spreadsheet would run as a formula', () => {
    const formula: ExportInput = { ...input, occurrences: [{ ...input.occurrences[1]!, text: '=cmd|calc', sentence: '@SUM(A1)' }] };
    const row = toCsv(full, formula).split('\r\n')[1]!;
    expect(row).toContain(",'=cmd|calc,'@SUM(A1),");
  });
});

describe('Markdown handout', () => {
  const md = toMarkdown(full, input);
  it('names the page, the date, the summary, each occurrence with its voice and reason, and explains each family with its sources', () => {
    expect(md.startsWith('# Framing Lens report: Talks in Beijing: a "new era"?\n')).toBe(true);
    expect(md).toContain('Page: <https://news.example.org/2026/talks?id=1>');
    expect(md).toContain('Read: 2026-12-01 · 1,200 words · 3 framing terms (2.5 per 1,000 words)');
    expect(md).toContain('| Rivalry, blocs and Cold War framing | 2 | 1.7 |');
    expect(md).toContain('- **Cold War mentality** (2)');
    expect(md).toContain('*attributed to someone*');
    expect(md).toContain('Beijing warned against **hegemony**.');
    expect(md).toContain('### Cold War mentality');
    expect(md).toContain('**Where it comes from.**');
    expect(md).toContain('**Sources.**');
    expect(md).toContain('It does not say the sentence is false');
  });
  it('page text renders as written: no markup, link, emphasis, table cell or heading from the page', () => {
    const line = md.split('\n').find((l) => l.includes('HYPERLINK'))!;
    expect(line).toContain('\\<img src=x onerror=alert\\(1\\)\\>');
    expect(line).toContain('\\*shouted\\*');
    expect(line).toContain('\\[click\\]\\(http://x\\)');
    expect(line).toContain('\\| \\# that the **Cold War mentality**, sadly, remains.');
    // The only "<img" left is escaped (a Markdown renderer prints it as text).
    expect(md).not.toMatch(/(^|[^\\])<img/);
  });
  it('says so when the occurrences were capped', () => {
    expect(toMarkdown(full, { ...input, counts: { ...input.counts, hegemony: 40 } })).toContain('The first 2 of 42 occurrences are listed; the counts are complete.');
  });
  it('escapes a line that would start a list or a heading', () => {
    expect(markdownText('1. first')).toBe('1\\. first');
    expect(markdownText('- item')).toBe('\\- item');
    expect(markdownText('# title')).toBe('\\# title');
  });
});

describe('export file names', () => {
  it('come from the title, tidied, with the date', () => {
    expect(exportFileName('Talks in Beijing: a "new era"?', input.readAt, 'md')).toBe('framing-lens-talks-in-beijing-a-new-era-2026-12-01.md');
    expect(exportFileName('Россия и Китай', input.readAt, 'csv')).toBe('framing-lens-россия-и-китаи-2026-12-01.csv');
    expect(exportFileName('???', input.readAt, 'json')).toBe('framing-lens-page-2026-12-01.json');
  });
});

describe('the Markdown handout renders cleanly (marked, a CommonMark renderer)', () => {
  it('has its headings, its summary table and its lists, and nothing from the page becomes markup', async () => {
    const { marked } = await import('marked');
    const html = await marked.parse(toMarkdown(full, input));
    expect(html).toMatch(/^<h1>Framing Lens report: Talks in Beijing: a &quot;new era&quot;\?<\/h1>/);
    expect(html.match(/<h2>/g)).toHaveLength(3);
    expect(html).toContain('<table>');
    expect(html).toContain('<td>Rivalry, blocs and Cold War framing</td>');
    expect(html).toContain('<strong>Cold War mentality</strong>');
    // The page's markup stays text: no image, no link to x, no emphasis of "shouted", no heading from "#".
    expect(html).not.toMatch(/<img/);
    expect(html).not.toContain('href="http://x"');
    expect(html).not.toContain('<em>shouted</em>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('*shouted*');
  });
});

describe('the reader’s own terms in an export', () => {
  const own = { id: 'user-responsible-stakeholder', label: 'responsible stakeholder', category: 'world-order', gloss: 'Asks whether a rising power will uphold the order; the speaker sets the test.', note: 'Zoellick, New York, 21 September 2005.', phrases: ['responsible stakeholder'] };
  const sentence = 'Washington asked whether Beijing would become a responsible stakeholder.';
  const withOwn: ExportInput = {
    ...input,
    counts: { ...input.counts, [own.id]: 1 },
    ownTerms: [own, { ...own, id: 'user-unused', label: 'not on this page' }],
    occurrences: [...input.occurrences, { position: 12, term: own.id, category: 'world-order', text: 'responsible stakeholder', sentence, start: 48, end: 71, voice: 'author', why: { pattern: 'responsible stakeholder' } }],
  };

  it('are named as own terms in every format, counted in their category, with gloss and note and no sources', () => {
    const md = toMarkdown(full, withOwn);
    expect(md).toContain('- **responsible stakeholder \\(own term\\)** (1)');
    expect(md).toContain('## The reader’s own terms');
    expect(md).toContain('Zoellick, New York, 21 September 2005.');
    expect(md).not.toContain('not on this page');
    expect(md).toContain('| World order and polarity | 1 |');
    const csv = toCsv(full, withOwn);
    expect(csv).toContain('12,user-responsible-stakeholder,responsible stakeholder (own term),World order and polarity,author');
    const json = JSON.parse(toJson(full, withOwn));
    expect(json.ownTerms).toEqual([{ id: own.id, label: own.label, category: own.category, gloss: own.gloss, note: own.note, phrases: own.phrases }]);
    expect(json.occurrences.at(-1).label).toBe('responsible stakeholder (own term)');
  });
});
