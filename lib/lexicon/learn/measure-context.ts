import type { Finder } from '../../match/create-finder.ts';
import type { Cue as CueSource } from './compile-context.ts';
import { phraseKeys } from '../../match/compile-trie.ts';
import type { Occurrence } from './find-occurrences.ts';

/** Where an occurrence finds its context, if its family were read as contextual. */
export type Window = 'sentence' | 'nearby' | 'page' | 'none';

/** What {@link measureContext} finds for one corpus. */
export interface ContextMeasure {
  corpus: string;
  occurrences: number;
  /** Occurrences by the first window whose cues reach the model's points. */
  byWindow: Record<Window, number>;
  /** Which cue group supplied the strongest cue, for occurrences placed by a sentence or its neighbours. */
  byGroup: Record<string, number>;
}

/**
 * Measures, for every prose occurrence of every family in the corpora (whatever its reading),
 * where the context model would find it in international-affairs context: its sentence, its
 * neighbours, only the document as a whole, or nowhere, and which cue groups did it. This is the
 * measurement behind the windows and points of `context.yaml` (see `generated/context-report.md`).
 */
export function measureContext(
  occurrences: readonly Occurrence[],
  docs: ReadonlyMap<string, { corpus: string; text: string; international: boolean }>,
  finder: Finder,
  cues: readonly CueSource[],
): ContextMeasure[] {
  const keyOf = (phrase: string) => (phraseKeys(phrase) ?? []).join(' ').replace(/'s$/, '');
  const groupOf = new Map(cues.map((c) => [keyOf(c.phrase), c.group]));
  const out = new Map<string, ContextMeasure>();
  for (const o of occurrences) {
    if (!o.sentence?.prose) continue;
    const doc = docs.get(o.doc)!;
    const measure = out.get(doc.corpus) ?? { corpus: doc.corpus, occurrences: 0, byWindow: { sentence: 0, nearby: 0, page: 0, none: 0 }, byGroup: {} };
    out.set(doc.corpus, measure);
    measure.occurrences++;
    const lineStart = doc.text.lastIndexOf('\n', o.start - 1) + 1;
    const lineEnd = doc.text.indexOf('\n', o.end);
    const line = doc.text.slice(lineStart, lineEnd < 0 ? doc.text.length : lineEnd);
    const cue = finder.contextAt(line, o.start - lineStart, o.end - lineStart);
    const window: Window = cue ? (cue.where === 'nearby' ? 'nearby' : 'sentence') : doc.international ? 'page' : 'none';
    measure.byWindow[window]++;
    if (cue && cue.where !== 'page') {
      const group = groupOf.get(keyOf(line.slice(cue.start, cue.end))) ?? 'unknown';
      measure.byGroup[group] = (measure.byGroup[group] ?? 0) + 1;
    }
  }
  return [...out.values()];
}
