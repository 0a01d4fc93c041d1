const MAX = 320;

/**
 * The sentence of `text` around `[start, end)`: from after the previous sentence end (". ", "! ",
 * "? ") to the next one, trimmed, at most about 320 characters (cut at word boundaries around the
 * match). Returns the sentence and the match's offsets in it.
 */
export function cutSentence(text: string, start: number, end: number): { sentence: string; start: number; end: number } {
  let from = start;
  while (from > 0 && !(/[.!?]/.test(text[from - 2] ?? '') && /\s/.test(text[from - 1]!)) && start - from < MAX) from--;
  let to = end;
  while (to < text.length && !(/[.!?]/.test(text[to]!) && (to + 1 >= text.length || /[\s"”’)]/.test(text[to + 1]!))) && to - end < MAX) to++;
  if (to < text.length) to++;
  while (from < start && /\s/.test(text[from]!)) from++;
  while (to > end && /\s/.test(text[to - 1]!)) to--;
  return { sentence: text.slice(from, to), start: start - from, end: end - from };
}
