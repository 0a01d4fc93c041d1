import * as z from 'zod/mini';
import { readWhy } from '../match/explain.ts';
import { isIndex, type PageReport, type ReportOccurrence } from './page-report.ts';

const index = z.number().check(z.refine(isIndex, 'must be a small non-negative integer'));
const shortText = z.string().check(z.maxLength(2000));

/** The schema of one occurrence in a frame's report: its pattern named by index (`FoundWhy`). */
export const occurrenceSchema = z.object({
  index,
  term: z.string().check(z.regex(/^[a-z0-9-]{1,80}$/)),
  category: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
  text: shortText,
  sentence: shortText,
  start: index,
  end: index,
  why: z.object({
    pattern: index,
    cue: z.optional(shortText),
    where: z.optional(z.enum(['sentence', 'nearby', 'after', 'page'])),
    original: z.optional(z.object({ lang: z.enum(['zh', 'ru']), form: shortText, romanised: shortText })),
  }),
});

/** The schema of a frame's report, as the popup and the side panel receive it. */
export const pageReportSchema = z.object({
  url: shortText,
  title: z.optional(shortText),
  host: shortText,
  active: z.boolean(),
  words: index,
  total: index,
  counts: z.record(z.string(), z.unknown()),
  occurrences: z.array(z.unknown()),
});

/**
 * Validates a report from a content script (another process, so untrusted) and reads each
 * occurrence's pattern from `written` (a family's patterns as the lexicon writes them, by family
 * id: the popup's glossary). A report whose top-level fields are wrong is refused (null); counts
 * that are not small non-negative integers, occurrences of the wrong shape and occurrences whose
 * pattern index names none of their family's patterns are dropped, the rest kept in order;
 * unknown fields go.
 */
export function parseReport(value: unknown, written: (term: string) => readonly string[] | undefined): PageReport | null {
  const top = pageReportSchema.safeParse(value);
  if (!top.success) return null;
  const counts: Record<string, number> = {};
  for (const [k, v] of Object.entries(top.data.counts)) if (isIndex(v)) counts[k] = v;
  const occurrences: ReportOccurrence[] = [];
  for (const o of top.data.occurrences) {
    const parsed = occurrenceSchema.safeParse(o);
    if (!parsed.success) continue;
    const patterns = written(parsed.data.term);
    const found = parsed.data.why;
    if (!found.original && (!patterns || found.pattern >= patterns.length)) continue;
    occurrences.push({ ...parsed.data, why: readWhy(found, patterns ?? [], '') });
  }
  return { ...top.data, counts, occurrences };
}

/** The lookup {@link parseReport} needs, from a glossary's families: `patterns`, then `contextual`, as the lexicon compiles them. */
export function writtenPatterns(terms: readonly { id: string; patterns: readonly string[]; contextual: readonly string[] }[]): (term: string) => readonly string[] | undefined {
  const byId = new Map(terms.map((t) => [t.id, [...t.patterns, ...t.contextual]]));
  return (id) => byId.get(id);
}
