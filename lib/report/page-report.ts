import type { CompiledLexicon } from '../lexicon/compiled.ts';
import type { FoundWhy, Why } from '../match/explain.ts';
import { cutSentence } from '../text/cut-sentence.ts';

/** True for a small non-negative integer: message fields are checked before use. */
export function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1e7;
}

/** At most this many occurrences travel to the popup; counts are always complete. */
export const MAX_REPORTED_OCCURRENCES = 1000;

/** One occurrence as the popup sees it. */
export interface ReportOccurrence {
  /** Position in the page's document order; `reveal` takes it. */
  index: number;
  term: string;
  category: string;
  text: string;
  sentence: string;
  /** The term's offsets in `sentence`. */
  start: number;
  end: number;
  /** What made it fire. */
  why: Why;
}

/** One occurrence as a frame sends it: its pattern named by index (see {@link FoundWhy}). */
export type SentOccurrence = Omit<ReportOccurrence, 'why'> & { why: FoundWhy };

/** What a frame found, as the popup reads it (see {@link SentReport} for what travels). */
export interface PageReport {
  url: string;
  /** The document's title, for an exported report. */
  title?: string;
  host: string;
  /** False when the reader switched the extension off here (site or master switch). */
  active: boolean;
  words: number;
  total: number;
  /** Count per family id, families with no match left out. */
  counts: Record<string, number>;
  occurrences: ReportOccurrence[];
}

/** What a frame found, as sent to the popup: plain data, validated and read on receipt (`parseReport`). */
export type SentReport = Omit<PageReport, 'occurrences'> & { occurrences: SentOccurrence[] };

/** What the report needs of a match found on the page. */
export interface ReportableMatch {
  /** Index of the family in the compiled lexicon. */
  term: number;
  category: string;
  /** The matched text, as the page shows it. */
  text: string;
  /**
   * The text it was found in (its block's run) and its offsets there. The report cuts the sentence
   * around it (`cutSentence`, for the popup's voice analysis) only for the occurrences it sends:
   * cut for every find while the page was read, it cost 4–7 % of the finder's own time over the
   * corpus articles (Node, 704 finds, warm).
   */
  context: string;
  start: number;
  end: number;
  /** What made it fire. */
  why: FoundWhy;
}

/**
 * Builds the report of a frame from its matches, in document order: counts of all, and the first
 * `limit` occurrences (0: counts only, what the popup's first view needs). O(matches).
 */
export function buildReport(lexicon: CompiledLexicon, matches: readonly ReportableMatch[], page: { url: string; title?: string; host: string; active: boolean; words: number }, limit = MAX_REPORTED_OCCURRENCES): SentReport {
  const counts: Record<string, number> = {};
  const occurrences: SentOccurrence[] = [];
  const most = Math.min(limit, MAX_REPORTED_OCCURRENCES);
  matches.forEach((m, index) => {
    const id = lexicon.terms[m.term]!.id;
    counts[id] = (counts[id] ?? 0) + 1;
    if (occurrences.length < most) {
      const cut = cutSentence(m.context, m.start, m.end);
      occurrences.push({ index, term: id, category: m.category, text: m.text, sentence: cut.sentence, start: cut.start, end: cut.end, why: m.why });
    }
  });
  return { ...page, total: matches.length, counts, occurrences };
}

/** Counts per category of a report. */
export function countByCategory(lexicon: { categories: readonly { id: string }[]; terms: readonly { id: string; category: string }[] }, counts: Record<string, number>): Record<string, number> {
  const category = new Map(lexicon.terms.map((t) => [t.id, t.category]));
  const out: Record<string, number> = Object.fromEntries(lexicon.categories.map((c) => [c.id, 0]));
  for (const [id, n] of Object.entries(counts)) {
    const c = category.get(id);
    if (c !== undefined) out[c] = (out[c] ?? 0) + n;
  }
  return out;
}

/** True for a browser tab id: a non-negative safe integer (Chrome's ids grow past ten million in long sessions). */
export function isTabId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
