import { ALONE, COMMA, GAP, firstKeyFilter, pairHash, type TrieNode, type TrieRoot } from './trie.ts';
import { hashKey, tokenise } from '../text/tokenise.ts';

/**
 * Compiling variants into the token trie the matcher walks: the lexicon's at build time (the content script
 * ships the result), the reader's own terms in the content script. See `lib/match/create-matcher.ts` for how the trie is walked.
 */

/** A variant that could not be added: another family claims it, or (`claimedBy` -1) it has no words or punctuation the matcher cannot span. */
export interface TrieConflict {
  variant: string;
  term: number;
  claimedBy: number;
}


/**
 * The folded token keys of a phrase, as the matcher will see it in text; a word after a comma is
 * keyed `,word`, a gap of free words (" * ") is the key {@link GAP}. Returns null when the phrase
 * has other punctuation between words, which the matcher never spans, or begins or ends with a gap.
 */
export function phraseKeys(phrase: string): string[] | null {
  if (/^\*(\s|$)|\s\*$/.test(phrase.trim())) return null;
  const parts = phrase.split(/\s\*\s/);
  const keys: string[] = [];
  for (const [p, part] of parts.entries()) {
    const tokens = tokenise(part);
    if (tokens.length === 0 || tokens.slice(1).some((t) => !t.softBefore && !t.commaBefore)) return null;
    if (p > 0) keys.push(GAP);
    keys.push(...tokens.map((t, i) => (i > 0 && t.commaBefore ? COMMA + t.key : t.key)));
  }
  return keys;
}

/**
 * Builds a trie from `[variant, termIndex]` pairs. Returns conflicts instead of throwing so the
 * lexicon build can name every clash at once. Keys are inserted in sorted order, so the JSON is stable.
 */
export function buildTrie(entries: ReadonlyArray<readonly [string, number]>): { trie: TrieRoot; conflicts: TrieConflict[] } {
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
  const root = sortTrie(trie);
  const keys = Object.keys(root.c ?? {});
  return { trie: { ...root, f: firstKeyFilter(keys.map(hashKey)), p: pairFilter(root) }, conflicts };
}

/** A copy of `node` with every node's keys in sorted order, so the shipped JSON does not depend on the order variants were added. */
function sortTrie(node: TrieNode): TrieNode {
  const out: TrieNode = {};
  if (node.t !== undefined) out.t = node.t;
  if (node.c) {
    out.c = {};
    for (const key of Object.keys(node.c).sort()) out.c[key] = sortTrie(node.c[key]!);
  }
  return out;
}

/**
 * The pair filter of a trie, in the format of {@link firstKeyFilter}: for each first-level key, the
 * {@link pairHash} of its hash with the hash of each key that may follow it. A key that may match
 * without a following word (a one-word variant, a gap of free words after it, a word after a comma)
 * has the pair with {@link ALONE} instead. The matcher tests a candidate's pair with the word after it
 * before it builds any key string: most first words ("the", "to", "in", "our") begin a few phrases
 * only, and "the weather" is no candidate.
 */
export function pairFilter(root: TrieNode): string {
  const hashes: number[] = [];
  for (const [key, node] of Object.entries(root.c ?? {})) {
    const first = hashKey(key);
    const next = Object.keys(node.c ?? {});
    if (node.t !== undefined || next.some((k) => k === GAP || k.startsWith(COMMA))) hashes.push(pairHash(first, ALONE));
    for (const k of next) if (k !== GAP && !k.startsWith(COMMA)) hashes.push(pairHash(first, hashKey(k)));
  }
  return firstKeyFilter(hashes);
}
