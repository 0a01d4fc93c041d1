import * as z from 'zod/mini';
import { isIndex, type PageReport, type ReportOccurrence } from './page-report.ts';

const index = z.number().check(z.refine(isIndex, 'must be a small non-negative integer'));
const shortText = z.string().check(z.maxLength(2000));

/** The schema of one occurrence in a frame's report. */
export const occurrenceSchema = z.object({
  index,
  term: z.string().check(z.regex(/^[a-z0-9-]{1,80}$/)),
  category: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
  text: shortText,
  sentence: shortText,
  start: index,
  end: index,
  why: z.object({
    pattern: shortText,
    cue: z.optional(shortText),
    where: z.optional(z.enum(['sentence', 'nearby', 'after', 'page'])),
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
 * Validates a report from a content script (another process, so untrusted): a report whose
 * top-level fields are wrong is refused (null); counts that are not small non-negative integers
 * and occurrences of the wrong shape are dropped, the rest kept in order; unknown fields go.
 */
export function parseReport(value: unknown): PageReport | null {
  const top = pageReportSchema.safeParse(value);
  if (!top.success) return null;
  const counts: Record<string, number> = {};
  for (const [k, v] of Object.entries(top.data.counts)) if (isIndex(v)) counts[k] = v;
  const occurrences: ReportOccurrence[] = [];
  for (const o of top.data.occurrences) {
    const parsed = occurrenceSchema.safeParse(o);
    if (parsed.success) occurrences.push(parsed.data as ReportOccurrence);
  }
  return { ...top.data, counts, occurrences };
}
