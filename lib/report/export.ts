import type { FullLexicon, Term, Voice } from '../lexicon/schema.ts';
import { whyLine } from '../match/explain.ts';
import type { ReportOccurrence } from './page-report.ts';

import { VOICE_WORDS } from './voices.ts';

export { VOICE_WORDS };

/** One occurrence as exported: where it is, what it is, the sentence, its voice and why it fired. */
export interface ExportOccurrence extends Omit<ReportOccurrence, 'index'> {
  /** Position in the page's document order (1-based). */
  position: number;
  voice: Voice;
}

/** What an export is made of: the page, when it was read, its word count and its occurrences. */
export interface ExportInput {
  title: string;
  url: string;
  /** ISO date and time the reader exported it. */
  readAt: string;
  words: number;
  /** Counts per family id (complete even when the occurrences are capped). */
  counts: Record<string, number>;
  occurrences: readonly ExportOccurrence[];
  /** The reader's own terms found on the page (added in the settings): no explanation or sources, their gloss and note. */
  ownTerms?: readonly OwnTermExport[];
}

/** One of the reader's own terms, as an export names it. */
export interface OwnTermExport {
  id: string;
  label: string;
  category: string;
  gloss: string;
  note?: string;
  phrases: readonly string[];
}

/** Label and category of every term an export can name: the lexicon's families and the reader's own. */
function termIndex(lexicon: FullLexicon, input: ExportInput): Map<string, { label: string; category: string }> {
  const index = new Map<string, { label: string; category: string }>(lexicon.terms.map((t) => [t.id, { label: t.label, category: t.category }]));
  for (const t of input.ownTerms ?? []) index.set(t.id, { label: `${t.label} (own term)`, category: t.category });
  return index;
}

const foundOwn = (input: ExportInput) => (input.ownTerms ?? []).filter((t) => (input.counts[t.id] ?? 0) > 0);

/** The version of the JSON export's shape. */
export const EXPORT_VERSION = 1;

const per1000 = (n: number, words: number) => (words > 0 ? Math.round((n / words) * 10000) / 10 : 0);

function summaryRows(lexicon: FullLexicon, input: ExportInput): { id: string; label: string; count: number; per1000: number }[] {
  const byCategory = new Map<string, number>();
  const terms = termIndex(lexicon, input);
  for (const [id, n] of Object.entries(input.counts)) {
    const c = terms.get(id)?.category;
    if (c) byCategory.set(c, (byCategory.get(c) ?? 0) + n);
  }
  return lexicon.categories.filter((c) => byCategory.has(c.id)).map((c) => ({ id: c.id, label: c.label, count: byCategory.get(c.id)!, per1000: per1000(byCategory.get(c.id)!, input.words) }));
}

const foundTerms = (lexicon: FullLexicon, input: ExportInput): Term[] => lexicon.terms.filter((t) => (input.counts[t.id] ?? 0) > 0);

/** The report as typed, versioned JSON: the page, the summary, every occurrence and every family found with its explanation. */
export function toJson(lexicon: FullLexicon, input: ExportInput): string {
  const terms = termIndex(lexicon, input);
  return `${JSON.stringify(
    {
      format: 'framing-lens-report',
      version: EXPORT_VERSION,
      page: { title: input.title, url: input.url, readAt: input.readAt, words: input.words },
      summary: { total: Object.values(input.counts).reduce((a, b) => a + b, 0), categories: summaryRows(lexicon, input) },
      occurrences: input.occurrences.map((o) => ({ ...o, label: terms.get(o.term)?.label ?? o.term, reason: whyLine(o.why) })),
      terms: foundTerms(lexicon, input).map(({ id, label, category, reading, gloss, meaning, presupposes, origin, sources, untraced, users, neutral, questions, originals }) => ({
        id, label, category, reading, gloss, meaning, presupposes, origin, sources, ...(untraced ? { untraced } : {}), users, neutral, questions, originals,
      })),
      ownTerms: foundOwn(input).map(({ id, label, category, gloss, note, phrases }) => ({ id, label, category, gloss, ...(note ? { note } : {}), phrases })),
    },
    null,
    1,
  )}\n`;
}

/** One CSV field, quoted as RFC 4180 says when it must be; formula-looking text is defused for spreadsheets. */
function csvField(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per occurrence: position, term, label, category, voice, the phrase, the sentence, why it fired. */
export function toCsv(lexicon: FullLexicon, input: ExportInput): string {
  const terms = termIndex(lexicon, input);
  const category = new Map(lexicon.categories.map((c) => [c.id, c.label]));
  const rows = [['position', 'term', 'label', 'category', 'voice', 'text', 'sentence', 'reason']];
  for (const o of input.occurrences) rows.push([String(o.position), o.term, terms.get(o.term)?.label ?? o.term, category.get(o.category) ?? o.category, o.voice, o.text, o.sentence, whyLine(o.why)]);
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Text from a page or the lexicon, safe in Markdown: no markup, links, headings or tables it did not mean. */
export function markdownText(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_{}[\]()<>#+!|~])/g, '\\$1')
    .replace(/^(\d+)\./, '$1\\.')
    .replace(/^-/, '\\-');
}

/**
 * A handout in Markdown: the page, the summary by category, each family found with its
 * occurrences (the sentence with the phrase in bold, its voice and why it fired), then the
 * explanation of every family found with its sources. Every text from the page or the lexicon is
 * escaped: the handout renders as written, whatever the page held.
 */
export function toMarkdown(lexicon: FullLexicon, input: ExportInput): string {
  const out: string[] = [];
  const total = Object.values(input.counts).reduce((a, b) => a + b, 0);
  out.push(`# Framing Lens report: ${markdownText(input.title || input.url)}`, '');
  out.push(`Page: <${input.url.replace(/[<>\s]/g, encodeURIComponent)}>  `, `Read: ${input.readAt.slice(0, 10)} · ${input.words.toLocaleString('en')} words · ${total} framing ${total === 1 ? 'term' : 'terms'} (${per1000(total, input.words)} per 1,000 words)`, '');
  out.push('A highlight marks framing: a phrase that carries a point of view. It does not say the sentence is false or the writer is wrong.', '');
  out.push('## Summary', '', '| Category | Terms | Per 1,000 words |', '| --- | ---: | ---: |');
  for (const row of summaryRows(lexicon, input)) out.push(`| ${markdownText(row.label)} | ${row.count} | ${row.per1000} |`);
  out.push('');
  const found = foundTerms(lexicon, input);
  const own = foundOwn(input);
  out.push('## On this page', '');
  for (const category of lexicon.categories) {
    const terms: { id: string; label: string }[] = [
      ...found.filter((t) => t.category === category.id),
      ...own.filter((t) => t.category === category.id).map((t) => ({ id: t.id, label: `${t.label} (own term)` })),
    ];
    if (terms.length === 0) continue;
    out.push(`### ${markdownText(category.label)}`, '');
    for (const term of terms) {
      out.push(`- **${markdownText(term.label)}** (${input.counts[term.id]})`);
      for (const o of input.occurrences.filter((x) => x.term === term.id)) {
        const sentence = `${markdownText(o.sentence.slice(0, o.start))}**${markdownText(o.sentence.slice(o.start, o.end))}**${markdownText(o.sentence.slice(o.end))}`;
        out.push(`  - ${sentence}  `, `    *${VOICE_WORDS[o.voice]}* · ${markdownText(whyLine(o.why))}`);
      }
    }
    out.push('');
  }
  if (input.occurrences.length < total) out.push(`*The first ${input.occurrences.length} of ${total} occurrences are listed; the counts are complete.*`, '');
  out.push('## The terms explained', '');
  for (const term of found) {
    out.push(`### ${markdownText(term.label)}`, '', `*${markdownText(term.gloss)}*`, '');
    if (term.originals.length > 0) out.push(`**Original:** ${term.originals.map((o) => `${markdownText(o.form)} (${markdownText(o.romanised)})`).join(' · ')}`, '');
    out.push(`**What it means.** ${markdownText(term.meaning)}`, '', `**What it presupposes.** ${markdownText(term.presupposes)}`, '', `**Where it comes from.** ${markdownText(term.origin)}`, '');
    if (term.sources.length > 0) {
      out.push('**Sources.**', '');
      for (const s of term.sources) out.push(`- ${markdownText(s.by)}, *${markdownText(s.title)}*, ${s.date}${s.url ? ` <${s.url}>` : ''}`);
      out.push('');
    }
    out.push(`**Who uses it.** ${markdownText(term.users)}`, '', `**A neutral wording.** ${markdownText(term.neutral)}`, '', '**Questions to ask.**', '');
    for (const q of term.questions) out.push(`- ${markdownText(q)}`);
    out.push('');
  }
  if (own.length > 0) {
    out.push('## The reader’s own terms', '', 'Added by the reader in Framing Lens’s settings; not part of its lexicon, with no sources.', '');
    for (const term of own) {
      out.push(`### ${markdownText(term.label)}`, '', `*${markdownText(term.gloss)}*`, '');
      if (term.note) out.push(markdownText(term.note), '');
      out.push(`**Phrases.** ${term.phrases.map((p) => `“${markdownText(p)}”`).join(', ')}`, '');
    }
  }
  out.push('---', '', `Made with Framing Lens on ${input.readAt.slice(0, 10)}. Nothing of this page left the reader’s browser.`, '');
  return out.join('\n');
}

/** The file name of an export: the page's title, tidied, with the date and extension. */
export function exportFileName(title: string, readAt: string, extension: 'md' | 'csv' | 'json'): string {
  const base = title.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 60) || 'page';
  return `framing-lens-${base}-${readAt.slice(0, 10)}.${extension}`;
}
