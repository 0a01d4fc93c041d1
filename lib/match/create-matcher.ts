import { hashKey, tokenKey, TokenScanner } from '../text/tokenise.ts';
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
  /** Every match in `text`, longest-leftmost, in order, non-overlapping. */
  findMatches(text: string): Match[];
  /** How many words the last {@link findMatches} call scanned (a match counts as one). */
  readonly lastTokenCount: number;
}

/** A trie node whose children are converted from JSON on first use: start-up builds one level only. */
class Node {
  readonly term: number;
  private json: Record<string, TrieNode> | undefined;
  private map: Map<string, Node> | null = null;

  constructor(json: TrieNode) {
    this.term = json.t ?? -1;
    this.json = json.c;
  }

  get children(): Map<string, Node> | null {
    if (this.json) {
      this.map = new Map(Object.entries(this.json).map(([k, v]) => [k, new Node(v)]));
      this.json = undefined;
    }
    return this.map;
  }
}

/**
 * Compiles the trie into a matcher.
 *
 * Algorithm: one pass of the tokeniser over the text. Each token's hash is checked against the set
 * of hashes of first tokens; only on a hit (rare on real pages) is the key built and the trie
 * walked over the following tokens, as long as the gaps are soft, remembering the last complete
 * variant (longest match). The scan resumes after a match (leftmost, non-overlapping). The cost is
 * O(length of text) plus O(depth) per candidate, independent of the number of families.
 */
export function createMatcher(trie: TrieNode): Matcher {
  const root = new Node(trie);
  const firstHashes = new Set<number>();
  for (const key of root.children?.keys() ?? []) firstHashes.add(hashKey(key));
  const scanner = new TokenScanner();
  const ahead = new TokenScanner();

  function findMatches(text: string): Match[] {
    const out: Match[] = [];
    let tokens = 0;
    scanner.reset(text);
    while (scanner.next()) {
      tokens++;
      if (!firstHashes.has(scanner.hash)) continue;
      let node = root.children!.get(tokenKey(text, scanner.start, scanner.end));
      if (!node) continue;
      let bestEnd = node.term >= 0 ? scanner.end : -1;
      let bestTerm = node.term;
      if (node.children) {
        ahead.reset(text, scanner.end);
        while (node.children && ahead.next() && (ahead.softBefore || ahead.commaBefore)) {
          const key = tokenKey(text, ahead.start, ahead.end);
          node = node.children.get(ahead.commaBefore ? COMMA + key : key);
          if (!node) break;
          if (node.term >= 0) {
            bestEnd = ahead.end;
            bestTerm = node.term;
          }
        }
      }
      if (bestEnd >= 0) {
        out.push({ start: scanner.start, end: bestEnd, term: bestTerm });
        scanner.reset(text, bestEnd);
      }
    }
    matcher.lastTokenCount = tokens;
    return out;
  }

  const matcher = { findMatches, lastTokenCount: 0 };
  return matcher;
}
