import { hashKey, TokenScanner } from '../text/tokenise.ts';
import { COMMA, prefilterSource, type TrieNode } from './trie.ts';

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
  /** The words of `text`, a match counting as one (for densities; tokenises the whole text). */
  countWords(text: string): number;
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
 * Algorithm: candidates first, then the trie. A regular expression of the first tokens' keys
 * (shipped in the trie, see `prefilterSource`) finds the places where a term can start; V8 runs
 * it as native code, and most text has no candidate at all. At each candidate the tokeniser
 * checks that a token starts there, and the trie is walked over the following tokens as long as
 * the gaps are soft, remembering the last complete variant (longest match); the search resumes
 * after a match (leftmost, non-overlapping). Text the expression cannot see through (it matches
 * those code units too, see `OPAQUE`), and tries without an expression, are tokenised in full,
 * each token's hash checked against a bit set of first-token hashes. Either way the cost is
 * O(length of text) plus O(depth) per candidate, independent of the number of families, and
 * both ways find the same matches (a property test holds them equal; `prefilter: false` forces
 * the full scan).
 */
export function createMatcher(trie: TrieNode, options: { prefilter?: boolean } = {}): Matcher {
  // First-token filter of the full scan: a 65,536-bit set of first-key hashes (0.6% false positives
  // with ~370 keys, each settled by one key lookup). The hashes ship in the trie (`h`). Built on
  // first use: with the prefilter, most pages never need it.
  let firstBits: Int32Array | null = null;
  const filter = () => {
    const bits = new Int32Array(FILTER_WORDS);
    for (const h of trie.h ?? Object.keys(trie.c ?? {}).map(hashKey)) bits[(h >>> 5) & (FILTER_WORDS - 1)]! |= 1 << (h & 31);
    return bits;
  };
  const source = options.prefilter === false ? null : (trie.r ?? prefilterSource(Object.keys(trie.c ?? {})));
  const prefilter = source === null ? null : new RegExp(source, 'gi');
  const scanner = new TokenScanner();
  const ahead = new TokenScanner();
  /** The term of the match {@link longest} found last. */
  let term = -1;
  /** Tokens read by the last {@link scan}. */
  let tokens = 0;

  /** The end of the longest variant that starts at the scanner's token (`term` names it), or -1. */
  function longest(text: string): number {
    let node = child(trie, scanner.key());
    if (!node) return -1;
    let end = node.t !== undefined ? scanner.end : -1;
    term = node.t ?? -1;
    if (node.c) {
      ahead.reset(text, scanner.end);
      while (node.c && ahead.next() && (ahead.softBefore || ahead.commaBefore)) {
        const key = ahead.key();
        node = child(node, ahead.commaBefore ? COMMA + key : key);
        if (!node) break;
        if (node.t !== undefined) {
          end = ahead.end;
          term = node.t;
        }
      }
    }
    return end;
  }

  /** Every match, tokenising the whole text (and counting its tokens). */
  function scan(text: string): readonly Match[] {
    let out: Match[] | null = null;
    const bits = (firstBits ??= filter());
    tokens = 0;
    scanner.reset(text);
    while (scanner.next()) {
      tokens++;
      const h = scanner.hash;
      if ((bits[(h >>> 5) & (FILTER_WORDS - 1)]! & (1 << (h & 31))) === 0) continue;
      const start = scanner.start;
      const end = longest(text);
      if (end >= 0) {
        (out ??= []).push({ start, end, term });
        scanner.reset(text, end);
      }
    }
    return out ?? NO_MATCHES;
  }

  function findMatches(text: string): readonly Match[] {
    if (prefilter === null) return scan(text);
    let out: Match[] | null = null;
    prefilter.lastIndex = 0;
    for (let hit = prefilter.exec(text); hit !== null; hit = prefilter.exec(text)) {
      const start = hit.index;
      // Group 1 is a code unit the expression cannot see through: scan the whole text instead.
      if (hit[1] !== undefined) return scan(text);
      const end = scanner.seek(text, start) ? longest(text) : -1;
      if (end >= 0) (out ??= []).push({ start, end, term });
      prefilter.lastIndex = end >= 0 ? end : start + 1;
    }
    return out ?? NO_MATCHES;
  }

  return {
    findMatches,
    countWords(text) {
      scan(text);
      return tokens;
    },
  };
}
