import { sentenceAround } from './sentences.ts';

const MAX = 320;

/**
 * The sentence of `text` around `[start, end)` (see `sentenceAround`: abbreviations, initialisms
 * and closing quotes do not end it), trimmed. A sentence longer than about 320 characters is cut to
 * a window around the match at word boundaries. Returns the sentence and the match's offsets in it.
 */
export function cutSentence(text: string, start: number, end: number): { sentence: string; start: number; end: number } {
  const span = sentenceAround(text, start, end, MAX * 2);
  let from = span.start;
  let to = span.end;
  if (to - from > MAX) {
    const room = Math.max(0, MAX - (end - start));
    from = Math.max(from, start - Math.floor(room / 2));
    to = Math.min(to, end + (room - (start - from)));
    // Cut windows at word boundaries, never inside a word.
    if (from > span.start && !/\s/.test(text[from - 1]!)) while (from < start && !/\s/.test(text[from - 1] ?? ' ')) from++;
    if (to < span.end && /[\p{L}\p{N}]/u.test(text[to]!)) while (to > end && /[\p{L}\p{N}]/u.test(text[to - 1]!)) to--;
    while (from < start && /\s/.test(text[from]!)) from++;
    while (to > end && /\s/.test(text[to - 1]!)) to--;
  }
  return { sentence: text.slice(from, to), start: start - from, end: end - from };
}
