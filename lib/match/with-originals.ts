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

/** Chinese characters or Cyrillic letters: a text the originals may match. */
const ORIGINAL_SCRIPTS = /[\u0400-\u04ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/**
 * The finder as it is, calling `onFirst` the first time it reads a text in Chinese or Cyrillic
 * letters (the content script then asks for the originals, which no English page needs). Costs an
 * English text one native test until then.
 */
export function whenScriptsAppear(finder: Finder, onFirst: () => void): Finder {
  let seen = false;
  return {
    ...finder,
    find(text) {
      if (!seen && ORIGINAL_SCRIPTS.test(text)) {
        seen = true;
        onFirst();
      }
      return finder.find(text);
    },
  };
}
