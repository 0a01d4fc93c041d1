const MAX = 320;

/**
 * The sentence of `text` around `[start, end)`: from after the previous sentence end (". ", "! ",
 * "? ") to the next one, trimmed. A sentence longer than about 320 characters is cut to a window
 * around the match at word boundaries. Returns the sentence and the match's offsets in it.
 */
export function cutSentence(text: string, start: number, end: number): { sentence: string; start: number; end: number } {
  const room = Math.max(0, MAX - (end - start));
  let from = start;
  while (from > 0 && !(/[.!?]/.test(text[from - 2] ?? '') && /\s/.test(text[from - 1]!)) && start - from < room / 2) from--;
  let to = end;
  while (to < text.length && !(/[.!?]/.test(text[to]!) && (to + 1 >= text.length || /[\s"”’)]/.test(text[to + 1]!))) && to - end < room - (start - from)) to++;
  if (to < text.length && /[.!?]/.test(text[to]!)) to++;
  // Cut windows at word boundaries, never inside a word.
  if (from > 0 && !/\s/.test(text[from - 1]!)) while (from < start && !/\s/.test(text[from - 1] ?? ' ')) from++;
  if (to < text.length && /[\p{L}\p{N}]/u.test(text[to]!)) while (to > end && /[\p{L}\p{N}]/u.test(text[to - 1]!)) to--;
  while (from < start && /\s/.test(text[from]!)) from++;
  while (to > end && /\s/.test(text[to - 1]!)) to--;
  return { sentence: text.slice(from, to), start: start - from, end: end - from };
}
