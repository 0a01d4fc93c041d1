/**
 * Sentence boundaries, shared by the lexicon build (corpus examples) and the page (the sentence
 * around a highlight, the window in which context cues count).
 *
 * What: a sentence ends at ".", "!", "?" or "…" (any run of them), followed by closing quotes or
 * brackets, then whitespace and a character that can start a sentence (not a lower-case letter), or
 * the end of the text; and at "。", "！" or "？" (Chinese, Japanese) with its closing marks, space or
 * not. A line break always ends a sentence. A dot does not end a sentence after a title or a common
 * abbreviation ("Mr.", "Dr.", "No. 9", "Jan. 5"), inside an initialism ("U.S.", "U.N.", "a.m.") or
 * after an initial ("J. Smith").
 *
 * Why this way: compromise's splitter (used before) and a naive ". " rule both cut "Mr. Wang said
 * the U.S. officials keep a Cold War mentality" down to its last words, and the voice of the
 * sentence then reads as the author's. A rule list is small enough to ship in the content script,
 * and the same rules on both sides keep build-time examples and page sentences alike.
 *
 * Cost: O(length) for {@link sentenceSpans}; {@link sentenceAround} reads only from the previous
 * boundary to the next one.
 */

/** A half-open span of UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** Words that a dot follows without ending the sentence (compared in lower case). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'maj', 'sen', 'rep', 'gov', 'amb',
  'pres', 'jr', 'sr', 'rev', 'hon', 'messrs', 'mme', 'mlle', 'vs', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ', 'approx', 'cf', 'fig',
  'vol', 'pp', 'para', 'art', 'ed', 'eds', 'est', 'mt', 'ft', 'e.g', 'i.e', 'viz', 'al',
]);
/** Abbreviations that hold their sentence together only before a number ("No. 9", "Jan. 5", "Art. 51"). */
const BEFORE_NUMBER = new Set(['no', 'nos', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'p', 'ch', 'sec', 'res']);

/** The full stop, exclamation and question marks of Chinese and Japanese text: they end a sentence with no space after them. */
const isWideTerminator = (c: string) => c === '\u3002' || c === '\uff01' || c === '\uff1f';
const isTerminator = (c: string) => c === '.' || c === '!' || c === '?' || c === '\u2026' || isWideTerminator(c);
const isCloser = (c: string) =>
  c === '"' || c === "'" || c === '\u201d' || c === '\u2019' || c === ')' || c === ']' || c === '\u00bb' || c === '\u203a' || c === '\u300d' || c === '\u300f' || c === '\uff09' || c === '\u300b';
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\u00a0' || c === '\u202f' || (c >= '\u2000' && c <= '\u200a');
/** A letter of any script; ASCII without a regular expression (most calls, and a Unicode test per character is slow on a cold page). */
const isLetter = (c: string) => {
  const code = c.charCodeAt(0);
  if (code < 128) return (code | 32) >= 97 && (code | 32) <= 122;
  return /\p{L}/u.test(c);
};
const isLower = (c: string) => isLetter(c) && c === c.toLowerCase() && c !== c.toUpperCase();
const isBreak = (c: string) => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';

/** The word (letters and inner dots) that ends right before `at`, in lower case. */
function wordBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && (isLetter(text[i - 1]!) || (text[i - 1] === '.' && i - 2 >= 0 && isLetter(text[i - 2]!)))) i--;
  return text.slice(i, at).toLowerCase();
}

/** True when the dot at `dot` belongs to an abbreviation, an initialism or an initial, given the next visible character. */
function isAbbreviationDot(text: string, dot: number, next: string): boolean {
  const word = wordBefore(text, dot);
  if (word === '') return false;
  if (ABBREVIATIONS.has(word)) return true;
  if (BEFORE_NUMBER.has(word) && /\d/.test(next)) return true;
  // Initialisms ("u.s", "u.n", "a.m") and single initials ("J"): one letter per dot.
  if (/^(\p{L}\.)*\p{L}$/u.test(word) && (word.length > 1 || text[dot - 1] !== text[dot - 1]!.toLowerCase())) return true;
  return false;
}

/**
 * If a sentence ends with the terminator at `i`, the offset right after its closing marks;
 * otherwise -1. `i` must hold a terminator.
 */
export function sentenceEndAt(text: string, i: number): number {
  // A terminator inside a run ("?!", "...") ends the sentence only at the run's last mark.
  if (i + 1 < text.length && isTerminator(text[i + 1]!)) return -1;
  let j = i + 1;
  while (j < text.length && isCloser(text[j]!)) j++;
  if (j >= text.length || isBreak(text[j]!) || isWideTerminator(text[i]!)) return j;
  if (!isSpace(text[j]!)) return -1;
  let k = j;
  while (k < text.length && isSpace(text[k]!)) k++;
  if (k >= text.length || isBreak(text[k]!)) return j;
  const next = text[k]!;
  if (isLower(next)) return -1;
  if (text[i] === '.' && isAbbreviationDot(text, i, next)) return -1;
  return j;
}

/** What `/\s/` matches, by code unit, without a regular expression per character. */
function isWhite(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Trims whitespace off both ends of a span. */
function trimmed(text: string, start: number, end: number): Span {
  while (start < end && isWhite(text.charCodeAt(start))) start++;
  while (end > start && isWhite(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** The sentences of `text`, trimmed, in order; blank stretches yield none. */
export function sentenceSpans(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    const span = trimmed(text, start, end);
    if (span.end > span.start) out.push(span);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (isBreak(c)) {
      push(i);
      start = i + 1;
    } else if (isTerminator(c)) {
      const end = sentenceEndAt(text, i);
      if (end >= 0) {
        push(end);
        start = end;
        i = end - 1;
      }
    }
  }
  push(text.length);
  return out;
}

/**
 * The sentence of `text` that holds `[start, end)`, trimmed: from the last sentence end before
 * `start` to the first one at or after `end` (a phrase with a dot inside, "U.S.-led", stays whole).
 * Reads at most `reach` code units each way; a longer sentence is cut there.
 */
export function sentenceAround(text: string, start: number, end: number, reach = 2000): Span {
  let from = start;
  const floor = Math.max(0, start - reach);
  for (; from > floor; from--) {
    const c = text[from - 1]!;
    if (isBreak(c)) break;
    if (isTerminator(c)) {
      const after = sentenceEndAt(text, from - 1);
      if (after >= 0 && after <= start) {
        from = after;
        break;
      }
    }
  }
  let to = end;
  const ceiling = Math.min(text.length, end + reach);
  for (; to < ceiling; to++) {
    const c = text[to]!;
    if (isBreak(c)) break;
    if (isTerminator(c)) {
      const after = sentenceEndAt(text, to);
      if (after >= 0) {
        to = after;
        break;
      }
    }
  }
  return trimmed(text, from, to);
}
