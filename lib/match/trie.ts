/**
 * The serialised token trie: each node maps a folded token key to a child node; `t` marks the end
 * of a variant with its value (in the lexicon, an index into its entries). Compiled with the
 * lexicon (`lib/match/compile-trie.ts`; the reader's own terms are compiled with it in the content script), shipped as JSON, walked as it is.
 */
export interface TrieNode {
  /** The value of the variant that ends here. */
  t?: number;
  /** Children by folded token key. */
  c?: Record<string, TrieNode>;
}

/** The root of a compiled trie: a node plus the hashes the matcher needs to find candidates fast. */
export interface TrieRoot extends TrieNode {
  /** The hashes of the first-level keys (see `hashKey`), for the matcher's first-token bit set. */
  h: number[];
}

/** Marks a trie key that follows a comma in its pattern ("small yard, high fence"). */
export const COMMA = ',';
/** The trie key of a gap of one to three free words ("interference in * internal affairs"). */
export const GAP = '*';
