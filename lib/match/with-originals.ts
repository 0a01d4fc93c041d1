import type { Finder, Finding } from './create-finder.ts';
import type { OriginalsFinder } from './originals.ts';

const overlaps = (a: { start: number; end: number }, list: readonly Finding[]) => list.some((b) => a.start < b.end && b.start < a.end);

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const HAN_CHARS = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;

/**
 * Words of a text where each Chinese character counts as one (Chinese has no spaces to count by;
 * the lexicon's tokeniser reads a run of characters as one word): densities per 1,000 words on a
 * Chinese page are then per 1,000 characters.
 */
function countWordsWithHan(finder: Finder, text: string): number {
  if (!HAN.test(text)) return finder.countWords(text);
  const han = text.match(HAN_CHARS)!.length;
  return han + finder.countWords(text.replace(HAN_CHARS, ' '));
}

/**
 * The finder with the Chinese and Russian originals added: in each text, the lexicon's finds first,
 * then the originals that overlap none of them (an English phrase quoted in a Chinese article stays
 * the English family's). The lexicon's finds count as cues for contextual originals. In Chinese
 * text each character counts as a word.
 */
export function withOriginals(finder: Finder, originals: OriginalsFinder): Finder {
  return {
    ...finder,
    countWords: (text) => countWordsWithHan(finder, text),
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
