import type { Finder, Finding } from './create-finder.ts';
import { HAN, HAN_CHARACTERS, mayHoldOriginals, mayHoldRussian, type OriginalsFinder } from './originals.ts';

const overlaps = (a: { start: number; end: number }, list: readonly Finding[]) => list.some((b) => a.start < b.end && b.start < a.end);

/**
 * Words of a text where each Chinese character counts as one (Chinese has no spaces to count by;
 * the lexicon's tokeniser reads a run of characters as one word): densities per 1,000 words on a
 * Chinese page are then per 1,000 characters.
 */
function countWordsWithHan(finder: Finder, text: string): number {
  if (!HAN.test(text)) return finder.countWords(text);
  const han = text.match(HAN_CHARACTERS)!.length;
  return han + finder.countWords(text.replace(HAN_CHARACTERS, ' '));
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

/** True when a document's language is one the originals are in (`zh…`, `ru…`). */
export const isOriginalsLanguage = (lang: string) => /^(zh|ru)\b/i.test(lang.trim());

/**
 * Which text makes a page ask for the originals: on a page that declares Japanese or Korean (whose
 * Han characters are not Chinese, even in a heading without kana) only Cyrillic; elsewhere Chinese
 * or Cyrillic.
 */
export const originalsTrigger = (lang: string): ((text: string) => boolean) => (/^(ja|ko)\b/i.test(lang.trim()) ? mayHoldRussian : mayHoldOriginals);

/**
 * The finder as it is, calling `onFirst` the first time it reads a text the originals may match
 * by `test` (the content script then asks for the originals, which no English or Japanese page
 * needs). Costs a text one native test until then.
 */
export function whenScriptsAppear(finder: Finder, onFirst: () => void, test: (text: string) => boolean = mayHoldOriginals): Finder {
  let seen = false;
  return {
    ...finder,
    find(text) {
      if (!seen && test(text)) {
        seen = true;
        onFirst();
      }
      return finder.find(text);
    },
  };
}
