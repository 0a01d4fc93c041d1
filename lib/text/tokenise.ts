/**
 * Word tokeniser with inline normalisation.
 *
 * What: splits text into word tokens and classifies the gap before each token as soft (spaces,
 * hyphens and dashes, quotes) or hard (any other punctuation). A term may span soft gaps only, so
 * "Cold War-era attitude" and "Cold War era attitude" are one phrase while "cold, war-weary" is not.
 *
 * Why this way: normalisation (case, Unicode dashes, non-breaking and other spaces, curly quotes
 * and apostrophes, ligatures, soft hyphens and zero-width characters) happens per code unit while
 * scanning, so every token keeps its offsets in the original string: the offset map back to the
 * original text is the identity on token boundaries and costs nothing. A token's hash is computed
 * on the fly, so the matcher can reject the vast majority of words without building a string.
 *
 * Cost: one pass, O(n) in UTF-16 code units, no allocation for tokens the caller does not ask
 * the key of. Every code unit's class is read from a table, filled the first time the unit is seen.
 */

/** Character classes; the two word classes come first, so `k <= FOLD` means "a word character". */
const WORD = 1; // a word character that is its own folded form
const FOLD = 2; // a word character that folds to something else (upper case, ligatures)
const SPACE = 3; // whitespace of any kind: soft gap
const DASH = 4; // hyphen and every Unicode dash: soft gap
const QUOTE = 5; // quotation marks: soft gap, an apostrophe when between letters
const IGNORE = 6; // soft hyphen, zero-width characters: invisible, joins words
const DOT = 7; // full stop: joins abbreviations ("U.S."), otherwise hard
const HARD = 8; // everything else

const SPACES = new Set([0x00a0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]);
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d]);
const QUOTES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x201c, 0x201d, 0x201e, 0x201f, 0x00ab, 0x00bb, 0x2039, 0x203a, 0x2032, 0x2033]);
const INVISIBLE = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
/** Latin ligatures and what they stand for. */
const LIGATURES: Record<number, string> = {
  0xfb00: 'ff', 0xfb01: 'fi', 0xfb02: 'fl', 0xfb03: 'ffi', 0xfb04: 'ffl', 0xfb05: 'st', 0xfb06: 'st',
};
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * The class of every UTF-16 code unit, 0 until first seen: one array read per code unit on the
 * hot path (CJK text is all word characters, so a Map lookup there was a lookup per character).
 * Filled lazily because a Unicode regex test per code unit up front would cost milliseconds.
 */
const classes = new Uint8Array(65536);
classes.fill(HARD, 0, 128);
for (let c = 48; c <= 57; c++) classes[c] = WORD;
for (let c = 65; c <= 90; c++) classes[c] = FOLD;
for (let c = 97; c <= 122; c++) classes[c] = WORD;
for (const c of [9, 10, 11, 12, 13, 32]) classes[c] = SPACE;
classes[45] = DASH;
// A slash joins alternatives inside a phrase ("anti-access/area denial", "A2/AD"): a soft gap, like a hyphen.
classes[47] = DASH;
classes[34] = QUOTE;
classes[39] = QUOTE;
classes[96] = QUOTE;
classes[46] = DOT;

const folded = new Map<number, string>();
/** The folded (lower-case, ligature-expanded) form of a word code unit. */
function foldWide(c: number): string {
  let s = folded.get(c);
  if (s === undefined) {
    s = LIGATURES[c] ?? String.fromCharCode(c).toLowerCase();
    folded.set(c, s);
  }
  return s;
}

/** Classifies a code unit seen for the first time. Surrogates count as word characters (letters beyond the BMP). */
function classify(c: number): number {
  let k: number;
  if (c >= 0x2000 && c <= 0x200a) k = SPACE;
  else if (SPACES.has(c)) k = SPACE;
  else if (DASHES.has(c)) k = DASH;
  else if (QUOTES.has(c)) k = QUOTE;
  else if (INVISIBLE.has(c)) k = IGNORE;
  else if (c >= 0xd800 && c <= 0xdfff) k = WORD;
  else if (WORD_CHAR.test(String.fromCharCode(c))) {
    const f = foldWide(c);
    k = f.length === 1 && f.charCodeAt(0) === c ? WORD : FOLD;
  } else k = HARD;
  classes[c] = k;
  return k;
}

/** The class of one UTF-16 code unit. */
function classOf(c: number): number {
  return classes[c] || classify(c);
}

/** True for the word classes. */
function isWord(k: number): boolean {
  return k <= FOLD;
}

/** Hash step shared by {@link hashKey} and the scanner; keys and scans must agree. */
function mix(h: number, c: number): number {
  return (Math.imul(h, 31) + c) | 0;
}

/** The hash of a folded token key, as the scanner computes it for the same token in text. */
export function hashKey(key: string): number {
  let h = 7;
  for (let i = 0; i < key.length; i++) h = mix(h, key.charCodeAt(i));
  return h;
}

/** A token found by {@link TokenScanner.next}; fields are overwritten on each call. */
export interface TokenCursor {
  /** Offset of the first code unit, in the original text. */
  start: number;
  /** Offset after the last code unit, in the original text. */
  end: number;
  /** Hash of the folded key (see {@link hashKey}). */
  hash: number;
  /** For a word with a possessive "'s" ("West's"), the hash of the word without it; else {@link hash}. */
  stemHash: number;
  /** True when the gap before this token (from the previous token) is soft. */
  softBefore: boolean;
  /** True when the gap before this token is soft apart from exactly one comma ("small yard, high fence"). */
  commaBefore: boolean;
}

/**
 * Scans tokens out of one text run. Reuse one scanner for many runs with {@link reset}.
 * Apostrophes and abbreviation dots are part of a token only between word characters.
 */
export class TokenScanner implements TokenCursor {
  start = 0;
  end = 0;
  hash = 7;
  stemHash = 7;
  softBefore = false;
  commaBefore = false;
  private text = '';
  private pos = 0;
  private hasPrevious = false;
  /** True when the token is ASCII letters and digits only, so its key is a lower-cased slice. */
  private plain = true;

  /** Starts scanning `text` at `from`; a token right after `from > 0` counts as following a soft gap only if the gap is soft. */
  reset(text: string, from = 0): this {
    this.text = text;
    this.pos = from;
    this.end = from;
    this.hasPrevious = from > 0;
    return this;
  }

  /** Advances to the next token; false at the end of the text. */
  next(): boolean {
    const text = this.text;
    const n = text.length;
    let i = this.pos;
    let hard = false;
    let commas = 0;
    // Gap: skip to the next word character, noting whether anything hard lies between.
    while (i < n) {
      const c = text.charCodeAt(i);
      const k = classOf(c);
      if (k <= FOLD) break;
      if (k === HARD && c === 44) commas++;
      else if (k === HARD || k === DOT) hard = true;
      i++;
    }
    if (i >= n) {
      this.pos = n;
      return false;
    }
    this.softBefore = !hard && commas === 0 && this.hasPrevious;
    this.commaBefore = !hard && commas === 1 && this.hasPrevious;
    this.hasPrevious = true;
    this.start = i;
    let h = 7;
    let segStart = i;
    let abbrev = false;
    let plain = true;
    /** The hash before the last apostrophe, and where it was. */
    let beforeApostrophe = h;
    let apostrophe = -1;
    while (i < n) {
      const c = text.charCodeAt(i);
      const k = classOf(c);
      if (k === WORD) {
        h = mix(h, c);
        if (c >= 128) plain = false;
        i++;
      } else if (k === FOLD) {
        if (c < 128) h = mix(h, c + 32);
        else {
          plain = false;
          const f = foldWide(c);
          for (let j = 0; j < f.length; j++) h = mix(h, f.charCodeAt(j));
        }
        i++;
      } else if (k === IGNORE) {
        plain = false;
        i++;
      } else if (i + 1 < n && isWord(classOf(text.charCodeAt(i + 1)))) {
        if (k === QUOTE && (c === 39 || c === 0x2019)) {
          // An apostrophe between letters: "Russia's", "Russia’s".
          plain = false;
          beforeApostrophe = h;
          apostrophe = i;
          h = mix(h, 39);
          i++;
        } else if (k === DOT && i - segStart === 1 && (i + 2 >= n || !isWord(classOf(text.charCodeAt(i + 2))))) {
          // A dot between single letters: "U.S", "U.K" (the key drops the dots).
          abbrev = true;
          plain = false;
          i++;
          segStart = i;
        } else break;
      } else break;
    }
    // The closing dot of an abbreviation ("U.S.") belongs to it, so "U.S.-led" stays one phrase.
    if (abbrev && i < n && text.charCodeAt(i) === 46) i++;
    this.end = i;
    this.hash = h;
    this.stemHash = apostrophe === i - 2 && (text.charCodeAt(i - 1) | 32) === 115 ? beforeApostrophe : h;
    this.pos = i;
    this.plain = plain;
    return true;
  }

  /** The folded key of the current token (see {@link tokenKey}); a native lower-casing for plain ASCII words. */
  key(): string {
    return this.plain ? this.text.slice(this.start, this.end).toLowerCase() : tokenKey(this.text, this.start, this.end);
  }
}

/** The folded key of the token at `[start, end)`: lower case, ligatures expanded, no dots or invisibles, apostrophes straight. */
export function tokenKey(text: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const k = classOf(c);
    if (k === WORD) out += String.fromCharCode(c);
    else if (k === FOLD) out += c < 128 ? String.fromCharCode(c + 32) : foldWide(c);
    else if (k === QUOTE) out += "'";
  }
  return out;
}

/** One token of {@link tokenise}. */
export interface Token {
  key: string;
  start: number;
  end: number;
  softBefore: boolean;
  commaBefore: boolean;
}

/** All tokens of `text` with their keys: for compiling patterns and for tests, not hot paths. */
export function tokenise(text: string): Token[] {
  const scanner = new TokenScanner().reset(text);
  const out: Token[] = [];
  while (scanner.next()) {
    out.push({
      key: tokenKey(text, scanner.start, scanner.end),
      start: scanner.start,
      end: scanner.end,
      softBefore: scanner.softBefore,
      commaBefore: scanner.commaBefore,
    });
  }
  return out;
}
