import { hashKey, TokenScanner } from '../text/tokenise.ts';
import { COMMA, type TrieNode } from './trie.ts';

/** One occurrence of a term family in a text run; offsets are UTF-16 code units into that text. */
export interface Match {
  start: number;
  end: number;
  /** Index of the term family in the compiled lexicon. */
  term: number;
}

/** A compiled matcher; one per lexicon, reused for every text run. */
export interface Matcher {
  /** Every match in `text`, longest-leftmost, in order, non-overlapping (one shared empty array when there is none). */
  findMatches(text: string): readonly Match[];
  /** How many words the last {@link findMatches} call scanned (a match counts as one). */
  readonly lastTokenCount: number;
}

const hasOwn = Object.prototype.hasOwnProperty;
/** Words of the first-token filter (2^16 bits). */
const FILTER_WORDS = 2048;
/** What {@link Matcher.findMatches} returns for the (usual) text without a match: no allocation per run. */
const NO_MATCHES: readonly Match[] = Object.freeze([]);

/** The child of a trie node for a folded key; the JSON objects are used as they are (no copies). */
function child(node: TrieNode, key: string): TrieNode | undefined {
  const c = node.c;
  return c !== undefined && hasOwn.call(c, key) ? c[key] : undefined;
}

/**
 * Compiles the trie into a matcher.
 *
 * Algorithm: one pass of the tokeniser over the text. Each token's hash is checked against a bit
 * set of the hashes of first tokens; only on a hit (rare on real pages) is the key built and the trie
 * walked over the following tokens, as long as the gaps are soft, remembering the last complete
 * variant (longest match). The scan resumes after a match (leftmost, non-overlapping). The cost is
 * O(length of text) plus O(depth) per candidate, independent of the number of families.
 */
export function createMatcher(trie: TrieNode): Matcher {
  // First-token filter: a 65,536-bit set of first-key hashes (0.6% false positives with ~370 keys,
  // each settled by one key lookup). The hashes ship in the trie (`h`), so a page does not hash the
  // keys at start-up (0.5 ms cold in Chromium); the trie JSON is walked as it is, never copied.
  const firstBits = new Int32Array(FILTER_WORDS);
  for (const h of trie.h ?? Object.keys(trie.c ?? {}).map(hashKey)) firstBits[(h >>> 5) & (FILTER_WORDS - 1)]! |= 1 << (h & 31);
  const scanner = new TokenScanner();
  const ahead = new TokenScanner();

  function findMatches(text: string): readonly Match[] {
    let out: Match[] | null = null;
    let tokens = 0;
    scanner.reset(text);
    while (scanner.next()) {
      tokens++;
      const h = scanner.hash;
      if ((firstBits[(h >>> 5) & (FILTER_WORDS - 1)]! & (1 << (h & 31))) === 0) continue;
      let node = child(trie, scanner.key());
      if (!node) continue;
      let bestEnd = node.t !== undefined ? scanner.end : -1;
      let bestTerm = node.t ?? -1;
      if (node.c) {
        ahead.reset(text, scanner.end);
        while (node.c && ahead.next() && (ahead.softBefore || ahead.commaBefore)) {
          const key = ahead.key();
          node = child(node, ahead.commaBefore ? COMMA + key : key);
          if (!node) break;
          if (node.t !== undefined) {
            bestEnd = ahead.end;
            bestTerm = node.t;
          }
        }
      }
      if (bestEnd >= 0) {
        (out ??= []).push({ start: scanner.start, end: bestEnd, term: bestTerm });
        scanner.reset(text, bestEnd);
      }
    }
    matcher.lastTokenCount = tokens;
    return out ?? NO_MATCHES;
  }

  const matcher = { findMatches, lastTokenCount: 0 };
  return matcher;
}
