import { TokenScanner } from '../text/tokenise.ts';
import { ALONE, COMMA, GAP, mayStart, pairHash, type TrieNode, type TrieRoot } from './trie.ts';

/** One occurrence of a trie entry in a text run; offsets are UTF-16 code units into that text. */
export interface Match {
  start: number;
  end: number;
  /** The value the trie holds for the variant found (in the lexicon: an index into its entries). */
  entry: number;
}

/** A compiled matcher; one per trie, reused for every text run. */
export interface Matcher {
  /** Every match in `text`, longest-leftmost, in order, non-overlapping (one shared empty array when there is none). */
  findMatches(text: string): readonly Match[];
  /** The words of `text`, a match counting as one (for densities; tokenises the whole text). */
  countWords(text: string): number;
  /** The words of the text the last {@link findMatches} read, counted as {@link countWords} does: one pass for both. */
  wordsRead(): number;
}

const hasOwn = Object.prototype.hasOwnProperty;
/** What {@link Matcher.findMatches} returns for the (usual) text without a match: no allocation per run. */
const NO_MATCHES: readonly Match[] = Object.freeze([]);
/** The most free words a {@link GAP} stands for. */
const MAX_GAP = 3;
/** Tokens looked at after a candidate's first one: the longest phrase plus its gaps. */
const LOOKAHEAD = 24;

/** The child of a trie node for a folded key; the JSON objects are used as they are (no copies). */
function child(node: TrieNode, key: string): TrieNode | undefined {
  const c = node.c;
  return c !== undefined && hasOwn.call(c, key) ? c[key] : undefined;
}

/** True for a key with the possessive "'s" of its last word ("west's"). */
function isPossessive(key: string): boolean {
  const n = key.length;
  return n > 2 && key.charCodeAt(n - 1) === 115 && key.charCodeAt(n - 2) === 39;
}

/**
 * Compiles a trie (built with the lexicon, see `compile-trie.ts`) into a matcher.
 *
 * Algorithm: one pass of the tokeniser over the text, which hashes each word as it reads it (no
 * string per word). A word whose hash (or, for a possessive "West's", its stem's) is not in a
 * 65,536-bit filter of the first-level keys' hashes (`f`, shipped in the trie) is passed over. Many
 * phrases begin with a common word ("the", "to", "in", "our"): a third of the corpus articles' words
 * and a ninth of the saved pages' pass that filter. So a second filter of pairs (`p`: a first key
 * with each key that may follow it) is tested with the next word's hash ({@link mayContinue}), and
 * only what passes both is settled by key lookups. Measured in Node over the corpus articles and
 * the saved pages' text (find and page points, median of 21): 28 % and 19 % less time than with
 * the first filter alone, for 5.6 kB more gzipped lexicon (both tries' pair filters). At a
 * candidate the trie is walked over the following tokens as long as the gaps are soft, keeping the
 * longest complete variant; the search resumes after a match (leftmost, non-overlapping). A gap key
 * (`*`) lets one to three free words through, so the walk is a small depth-first search over at
 * most {@link LOOKAHEAD} tokens; a final word with a possessive "'s" ends a variant before its
 * apostrophe ("the collective West's"). Cost: O(length of text) plus O(depth) per candidate,
 * independent of the number of variants.
 *
 * Why no regular expression finds the candidates (0.1 did): one expression of the lexicon's first
 * words ran natively, but V8 compiles an expression of that size in 20–40 ms in every renderer that
 * meets it (measured in Chromium: 21 ms for the lexicon's, 37 ms for the context cues'), the longest
 * task of a reader's first page on each site, while on warm pages the two ways cost the same within
 * the bench's noise (`npm run bench`, 170 pages). The filter is a string read with `charCodeAt`,
 * and the text is read once either way.
 */
export function createMatcher(trie: TrieRoot): Matcher {
  // The first-token and pair filters, shipped with the trie (see `firstKeyFilter`, `pairFilter`): nothing to build.
  const filter = trie.f;
  const pairs = trie.p;
  const scanner = new TokenScanner();
  const ahead = new TokenScanner();
  // The tokens after a candidate's first one, read on demand: ends, gaps (1 soft, 2 one comma, 0 hard) and keys.
  const ends = new Int32Array(LOOKAHEAD);
  const gaps = new Uint8Array(LOOKAHEAD);
  const keys: string[] = new Array<string>(LOOKAHEAD).fill('');
  let read = 0;
  let exhausted = false;
  /** True when {@link mayContinue} left `ahead` on the candidate's next token (so the walk need not read it again). */
  let peeked = false;
  /** The longest end found by the current walk, and its entry. */
  let bestEnd = -1;
  let bestEntry = -1;

  /** Reads tokens into the buffer up to index `i`; false when there is none there. */
  function have(i: number): boolean {
    while (read <= i && !exhausted) {
      if (read >= LOOKAHEAD || !ahead.next()) {
        exhausted = true;
        break;
      }
      buffer();
    }
    return i < read;
  }

  /** Appends the `ahead` scanner's token to the buffer. */
  function buffer(): void {
    ends[read] = ahead.end;
    gaps[read] = ahead.softBefore ? 1 : ahead.commaBefore ? 2 : 0;
    keys[read] = ahead.key();
    read++;
  }

  /** Records a complete variant ending at `end`. */
  function found(node: TrieNode, end: number): void {
    if (node.t !== undefined && end > bestEnd) {
      bestEnd = end;
      bestEntry = node.t;
    }
  }

  /** Follows `node` with the token `key` that ends at `end`, then walks on from token `next`. */
  function step(node: TrieNode, key: string, end: number, next: number): void {
    const to = child(node, key);
    if (to !== undefined) {
      found(to, end);
      if (to.c !== undefined) walk(to, next);
    } else if (isPossessive(key)) {
      const stem = child(node, key.slice(0, -2));
      if (stem !== undefined) found(stem, end - 2);
    }
  }

  /** Walks the trie from `node` over the buffered tokens from index `i` on. */
  function walk(node: TrieNode, i: number): void {
    if (!have(i) || gaps[i] === 0) return;
    step(node, gaps[i] === 2 ? COMMA + keys[i]! : keys[i]!, ends[i]!, i + 1);
    const gap = child(node, GAP);
    if (gap === undefined || gaps[i] !== 1) return;
    // One to three free words, joined by soft gaps, then the rest of the phrase.
    for (let skip = 1; skip <= MAX_GAP && have(i + skip) && gaps[i + skip - 1] === 1 && gaps[i + skip] === 1; skip++) {
      step(gap, keys[i + skip]!, ends[i + skip]!, i + skip + 1);
    }
  }

  /** The end of the longest variant that starts at the scanner's token (`bestEntry` names it), or -1. */
  function longest(text: string): number {
    bestEnd = -1;
    bestEntry = -1;
    const key = scanner.key();
    const first = child(trie, key);
    if (first === undefined) {
      if (isPossessive(key)) {
        const stem = child(trie, key.slice(0, -2));
        if (stem !== undefined) found(stem, scanner.end - 2);
      }
      return bestEnd;
    }
    found(first, scanner.end);
    if (first.c !== undefined) {
      read = 0;
      exhausted = false;
      if (peeked) buffer();
      else ahead.reset(text, scanner.end);
      walk(first, 0);
    }
    return bestEnd;
  }

  /**
   * False when no variant can start at the scanner's token, decided from hashes before any key
   * string is built: the token is only the first word of longer phrases (no one-word variant, no
   * gap or comma after it in any) and the word after it, across a soft gap, is none of their
   * second words (nor, with a possessive "'s", its stem). Exact: a pair filter has no false
   * negatives, so every match the trie walk would find passes.
   */
  function mayContinue(text: string, h: number, s: number): boolean {
    peeked = false;
    if (mayStart(pairs, pairHash(h, ALONE)) || (s !== h && mayStart(pairs, pairHash(s, ALONE)))) return true;
    ahead.reset(text, scanner.end);
    if (!ahead.next() || !ahead.softBefore) return false;
    const h2 = ahead.hash;
    const s2 = ahead.stemHash;
    peeked = mayStart(pairs, pairHash(h, h2)) || (s2 !== h2 && mayStart(pairs, pairHash(h, s2)));
    return peeked;
  }

  /** Tokens read by the last {@link scan}. */
  let tokens = 0;

  /** Every match, tokenising the whole text (and counting its tokens). */
  function scan(text: string): readonly Match[] {
    let out: Match[] | null = null;
    tokens = 0;
    scanner.reset(text);
    while (scanner.next()) {
      tokens++;
      const h = scanner.hash;
      const s = scanner.stemHash;
      if (!mayStart(filter, h) && (s === h || !mayStart(filter, s))) continue;
      if (!mayContinue(text, h, s)) continue;
      const start = scanner.start;
      const end = longest(text);
      if (end >= 0) {
        (out ??= []).push({ start, end, entry: bestEntry });
        scanner.reset(text, end);
      }
    }
    return out ?? NO_MATCHES;
  }

  return {
    findMatches: scan,
    countWords(text) {
      scan(text);
      return tokens;
    },
    wordsRead: () => tokens,
  };
}
