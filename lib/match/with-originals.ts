import type { Finder, Finding } from './create-finder.ts';
import type { OriginalsFinder } from './originals.ts';

const overlaps = (a: { start: number; end: number }, list: readonly Finding[]) => list.some((b) => a.start < b.end && b.start < a.end);

/**
 * The finder with the Chinese and Russian originals added: in each text, the lexicon's finds first,
 * then the originals that overlap none of them (an English phrase quoted in a Chinese article stays
 * the English family's). The lexicon's finds count as cues for contextual originals.
 */
export function withOriginals(finder: Finder, originals: OriginalsFinder): Finder {
  return {
    ...finder,
    find(text) {
      const result = finder.find(text);
      const found = originals.find(text, result.found);
      if (found.length === 0) return result;
      const mine = found.filter((m) => !overlaps(m, result.found) && !overlaps(m, result.pending));
      if (mine.length === 0) return result;
      return { found: result.found.length ? [...result.found, ...mine].sort((a, b) => a.start - b.start) : mine, pending: result.pending };
    },
  };
}
