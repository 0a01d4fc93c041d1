import type { GlossaryLexicon } from '../lexicon/schema.ts';
import type { PageReport, ReportOccurrence } from '../page/build-report.ts';

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
  return { url: top.report.url, host: top.report.host, active: top.report.active, words, total, counts, occurrences };
}

/** One bar of the category chart. */
export interface CategoryBar {
  id: string;
  label: string;
  colour: string;
  count: number;
  /** Terms per 1,000 words. */
  density: number;
  /** The corpus's terms per 1,000 words in this category, for reference. */
  corpusDensity: number;
}

/** Figures for the summary: totals, density per 1,000 words and bars by category, page and corpus. */
export interface Summary {
  total: number;
  categories: number;
  density: number;
  corpusDensity: number;
  bars: CategoryBar[];
}

const per1000 = (n: number, words: number) => (words > 0 ? Math.round((n / words) * 10000) / 10 : 0);

/** Computes the page summary against the corpus reference. */
export function summarise(lexicon: GlossaryLexicon, report: TabReport): Summary {
  const categoryOf = new Map(lexicon.terms.map((t) => [t.id, t.category]));
  const byCategory = new Map<string, number>();
  for (const [id, n] of Object.entries(report.counts)) {
    const c = categoryOf.get(id);
    if (c) byCategory.set(c, (byCategory.get(c) ?? 0) + n);
  }
  const stats = lexicon.corpusStats;
  const bars = lexicon.categories.map((c) => ({
    id: c.id,
    label: c.label,
    colour: c.colour,
    count: byCategory.get(c.id) ?? 0,
    density: per1000(byCategory.get(c.id) ?? 0, report.words),
    corpusDensity: per1000(stats.byCategory[c.id] ?? 0, stats.words),
  }));
  return {
    total: report.total,
    categories: bars.filter((b) => b.count > 0).length,
    density: per1000(report.total, report.words),
    corpusDensity: per1000(stats.occurrences, stats.words),
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

/** Case- and accent-insensitive search over label, patterns, gloss (and meaning when given); label hits first. */
export function searchTerms(lexicon: GlossaryLexicon, query: string): string[] {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const q = fold(query.trim());
  if (!q) return lexicon.terms.map((t) => t.id);
  const scored: [string, number][] = [];
  for (const t of lexicon.terms) {
    const label = fold(t.label);
    const meaning = 'meaning' in t && typeof t.meaning === 'string' ? t.meaning : '';
    const score = label.startsWith(q) ? 3 : label.includes(q) ? 2 : t.patterns.some((p) => fold(p).includes(q)) ? 2 : fold(`${t.gloss} ${meaning}`).includes(q) ? 1 : 0;
    if (score > 0) scored.push([t.id, score]);
  }
  return scored.sort((a, b) => b[1] - a[1]).map(([id]) => id);
}
