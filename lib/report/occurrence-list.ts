import type { Voice } from '../lexicon/schema.ts';
import type { FrameOccurrence } from './summary.ts';
import { VOICES } from './voices.ts';

/** What the side panel's list shows: categories (none chosen = all the reader has not hidden) and one voice or all. */
export interface ListFilter {
  /** Categories picked in the panel; empty means every visible category. */
  categories: readonly string[];
  voice: Voice | 'all';
}

/** One row of the list: the occurrence and its voice (null while the voice reader loads). */
export interface ListRow {
  occurrence: FrameOccurrence;
  voice: Voice | null;
  /** Its position among the occurrences of its term (for next/previous in the term view). */
  ofTerm: number;
}

/** A filter choice with how many rows it would show (the other filter applied). */
export interface FilterOption<T extends string> {
  value: T;
  count: number;
}

export interface OccurrenceList {
  rows: ListRow[];
  /** Visible categories present on the page, in lexicon order, with counts under the voice filter. */
  categories: FilterOption<string>[];
  /** Voices with counts under the category filter (empty until the voices are known). */
  voices: FilterOption<Voice>[];
  /** Occurrences of visible categories, before the panel's filters. */
  total: number;
}

/**
 * Every occurrence of the page in document order (frame by frame, as the report merges them),
 * leaving out categories hidden in the settings, then narrowed by the panel's filters. `voices[i]`
 * is the voice of `occurrences[i]` (absent while they are being read). O(occurrences).
 */
export function listOccurrences(
  occurrences: readonly FrameOccurrence[],
  voices: readonly Voice[] | null,
  filter: ListFilter,
  options: { hidden: ReadonlySet<string>; categoryOrder: readonly string[] },
): OccurrenceList {
  const picked = new Set(filter.categories);
  const seenOfTerm = new Map<string, number>();
  const byCategory = new Map<string, number>();
  const byVoice = new Map<Voice, number>();
  const rows: ListRow[] = [];
  let total = 0;
  occurrences.forEach((occurrence, i) => {
    const ofTerm = seenOfTerm.get(occurrence.term) ?? 0;
    seenOfTerm.set(occurrence.term, ofTerm + 1);
    if (options.hidden.has(occurrence.category)) return;
    total++;
    const voice = voices?.[i] ?? null;
    const categoryOk = picked.size === 0 || picked.has(occurrence.category);
    const voiceOk = filter.voice === 'all' || voice === filter.voice;
    if (voiceOk) byCategory.set(occurrence.category, (byCategory.get(occurrence.category) ?? 0) + 1);
    if (categoryOk && voice) byVoice.set(voice, (byVoice.get(voice) ?? 0) + 1);
    if (categoryOk && voiceOk) rows.push({ occurrence, voice, ofTerm });
  });
  const present = new Set(occurrences.filter((o) => !options.hidden.has(o.category)).map((o) => o.category));
  return {
    rows,
    categories: options.categoryOrder.filter((c) => present.has(c)).map((value) => ({ value, count: byCategory.get(value) ?? 0 })),
    voices: voices ? VOICES.map((value) => ({ value, count: byVoice.get(value) ?? 0 })) : [],
    total,
  };
}
