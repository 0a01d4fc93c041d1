import { hashKey, tokenise } from '../text/tokenise.ts';

/**
 * The serialised token trie: each node maps a folded token key to a child node; `t` marks the
 * end of a variant with the index of its term family. Built at lexicon-build time, shipped as JSON.
 */
export interface TrieNode {
  /** Index of the term family a variant ending here names. */
  t?: number;
  /** Children by folded token key. */
  c?: Record<string, TrieNode>;
  /** Root only: the hashes of the first-level keys (see `hashKey`), so a page does not compute them at start-up. */
  h?: number[];
}

/** A variant that could not be added: another family claims it, or (`claimedBy` -1) it has no words or punctuation the matcher cannot span. */
export interface TrieConflict {
  variant: string;
  term: number;
  claimedBy: number;
}

/** Marks a trie key that follows a comma in its pattern ("small yard, high fence"). */
export const COMMA = ',';

/**
 * The folded token keys of a phrase, as the matcher will see it in text; a word after a comma is
 * keyed `,word`. Returns null when the phrase has other punctuation between words, which the
 * matcher never spans.
 */
export function phraseKeys(phrase: string): string[] | null {
  const tokens = tokenise(phrase);
  if (tokens.slice(1).some((t) => !t.softBefore && !t.commaBefore)) return null;
  return tokens.map((t, i) => (i > 0 && t.commaBefore ? COMMA + t.key : t.key));
}

/**
 * Builds a trie from `[variant, termIndex]` pairs. Returns conflicts instead of throwing so the
 * lexicon build can name every clash at once. Keys are inserted in sorted order, so the JSON is stable.
 */
export function buildTrie(entries: ReadonlyArray<readonly [string, number]>): { trie: TrieNode; conflicts: TrieConflict[] } {
  const trie: TrieNode = {};
  const conflicts: TrieConflict[] = [];
  const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  for (const [variant, term] of sorted) {
    const keys = phraseKeys(variant);
    if (!keys || keys.length === 0) {
      conflicts.push({ variant, term, claimedBy: -1 });
      continue;
    }
    let node = trie;
    for (const key of keys) {
      node.c ??= {};
      node = node.c[key] ??= {};
    }
    if (node.t !== undefined && node.t !== term) conflicts.push({ variant, term, claimedBy: node.t });
    else node.t = term;
  }
  const sortedTrie = sortTrie(trie);
  if (sortedTrie.c) sortedTrie.h = Object.keys(sortedTrie.c).map(hashKey);
  return { trie: sortedTrie, conflicts };
}

function sortTrie(node: TrieNode): TrieNode {
  const out: TrieNode = {};
  if (node.t !== undefined) out.t = node.t;
  if (node.c) {
    out.c = {};
    for (const key of Object.keys(node.c).sort()) out.c[key] = sortTrie(node.c[key]!);
  }
  return out;
}
