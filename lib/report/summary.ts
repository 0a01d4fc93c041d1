import type { FullLexicon, GlossaryLexicon } from '../lexicon/schema.ts';
import type { PageReport, ReportOccurrence } from './page-report.ts';

/** An occurrence with the frame it was found in. */
export interface FrameOccurrence extends ReportOccurrence {
  frameId: number;
}

/** The reports of a tab's frames merged into one view: a page report whose occurrences know their frame. */
export type TabReport = Omit<PageReport, 'occurrences'> & { occurrences: FrameOccurrence[] };

/** Merges frame reports; the top frame (first) gives the URL, host and active state. */
export function mergeReports(frames: readonly { frameId: number; report: PageReport }[]): TabReport | null {
  const top = frames[0];
  if (!top) return null;
  const counts: Record<string, number> = {};
  const occurrences: FrameOccurrence[] = [];
  let words = 0;
  let total = 0;
  for (const { frameId, report } of frames) {
    words += report.words;
    total += report.total;
    for (const [id, n] of Object.entries(report.counts)) counts[id] = (counts[id] ?? 0) + n;
    for (const o of report.occurrences) occurrences.push({ ...o, frameId });
  }
  return { url: top.report.url, ...(top.report.title ? { title: top.report.title } : {}), host: top.report.host, active: top.report.active, words, total, counts, occurrences };
}

/** One bar of the category chart. */
export interface CategoryBar {
  id: string;
  label: string;
  colour: string;
  count: number;
  /** Terms per 1,000 words. */
  density: number;
  /** Each corpus's terms per 1,000 words in this category, by corpus id, for reference. */
  reference: Record<string, number>;
}

/** A corpus's density, for the comparison line. */
export interface CorpusDensity {
  id: string;
  label: string;
  density: number;
}

/** Figures for the summary: totals, density per 1,000 words and bars by category, page and corpora. Hidden categories are left out. */
export interface Summary {
  total: number;
  categories: number;
  density: number;
  corpora: CorpusDensity[];
  bars: CategoryBar[];
}

const per1000 = (n: number, words: number) => (words > 0 ? Math.round((n / words) * 10000) / 10 : 0);

/** Computes the page summary against the corpora, leaving out the categories the reader hid. */
export function summarise(lexicon: GlossaryLexicon, report: TabReport, hidden: ReadonlySet<string> = new Set()): Summary {
  const categoryOf = new Map(lexicon.terms.map((t) => [t.id, t.category]));
  const byCategory = new Map<string, number>();
  for (const [id, n] of Object.entries(report.counts)) {
    const c = categoryOf.get(id);
    if (c && !hidden.has(c)) byCategory.set(c, (byCategory.get(c) ?? 0) + n);
  }
  const visible = lexicon.categories.filter((c) => !hidden.has(c.id));
  const bars = visible.map((c) => ({
    id: c.id,
    label: c.label,
    colour: c.colour,
    count: byCategory.get(c.id) ?? 0,
    density: per1000(byCategory.get(c.id) ?? 0, report.words),
    reference: Object.fromEntries(lexicon.corpora.map((k) => [k.id, per1000(lexicon.corpusStats[k.id]?.byCategory[c.id] ?? 0, lexicon.corpusStats[k.id]?.words ?? 0)])),
  }));
  const total = bars.reduce((n, b) => n + b.count, 0);
  return {
    total,
    categories: bars.filter((b) => b.count > 0).length,
    density: per1000(total, report.words),
    corpora: lexicon.corpora.map((k) => {
      const stats = lexicon.corpusStats[k.id];
      const occurrences = visible.reduce((n, c) => n + (stats?.byCategory[c.id] ?? 0), 0);
      return { id: k.id, label: k.label, density: per1000(occurrences, stats?.words ?? 0) };
    }),
    bars,
  };
}

/** Families found on the page, grouped by category in lexicon order, most frequent first. */
export function groupFound(lexicon: GlossaryLexicon, counts: Record<string, number>): { category: string; terms: { id: string; label: string; count: number }[] }[] {
  return lexicon.categories
    .map((c) => ({
      category: c.id,
      terms: lexicon.terms
        .filter((t) => t.category === c.id && (counts[t.id] ?? 0) > 0)
        .map((t) => ({ id: t.id, label: t.label, count: counts[t.id]! }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    }))
    .filter((g) => g.terms.length > 0);
}

/** The text of a family a search reads beyond its name, patterns and gloss: its explanation, once loaded. */
function explanation(t: GlossaryLexicon['terms'][number] | FullLexicon['terms'][number]): string {
  if (!('meaning' in t)) return '';
  return [t.meaning, t.presupposes, t.origin, t.users, t.neutral, ...t.questions, ...t.sources.map((s) => `${s.by} ${s.title}`)].join(' ');
}

/**
 * Case- and accent-insensitive search: label prefix first, then label or pattern, then gloss,
 * then (in the full lexicon) the explanation and its sources. Returns family ids, best first,
 * lexicon order within a rank.
 */
export function searchTerms(lexicon: GlossaryLexicon | FullLexicon, query: string): string[] {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const q = fold(query.trim());
  if (!q) return lexicon.terms.map((t) => t.id);
  const scored: [string, number][] = [];
  for (const t of lexicon.terms) {
    const label = fold(t.label);
    // An original form or its romanisation ("冷战思维", "lengzhan siwei", "многополярный") counts as a name.
    const original = t.originals.some((o) => [o.form, o.romanised, o.traditional ?? ''].some((s) => s && fold(s).includes(q)));
    const score = label.startsWith(q) ? 4 : label.includes(q) || original || t.patterns.some((p) => fold(p).includes(q)) ? 3 : fold(t.gloss).includes(q) ? 2 : fold(explanation(t)).includes(q) ? 1 : 0;
    if (score > 0) scored.push([t.id, score]);
  }
  return scored.sort((a, b) => b[1] - a[1]).map(([id]) => id);
}
