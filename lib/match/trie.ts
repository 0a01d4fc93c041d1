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

/** The root of a compiled trie: a node plus the filters the matcher needs to find candidates fast. */
export interface TrieRoot extends TrieNode {
  /** The first-token filter: see {@link firstKeyFilter}. */
  f: string;
  /** The pair filter: see `pairFilter` in compile-trie.ts. */
  p: string;
}

/** Code units of a first-token filter: 4,096 of 16 bits, 65,536 bits. */
const FILTER_UNITS = 4096;

/**
 * The first-token filter of a trie: 65,536 bits, 16 to a UTF-16 code unit, bit `hash & 0xffff`
 * set for the hash (see `hashKey`) of each first-level key. Shipped as a string: the matcher reads
 * it with `charCodeAt`, so a frame builds nothing and allocates nothing for it (filling an 8 kB
 * typed array from shipped hashes cost 50–85 µs per page in Chromium, measured warm on a 3 kB
 * page). In JSON it is 3.7 kB gzipped for the lexicon's two tries, where the hashes were 9.9 kB.
 */
export function firstKeyFilter(hashes: readonly number[]): string {
  const units = new Uint16Array(FILTER_UNITS);
  for (const h of hashes) units[(h >>> 4) & (FILTER_UNITS - 1)]! |= 1 << (h & 15);
  let out = '';
  // Chunks keep the argument lists short.
  for (let i = 0; i < FILTER_UNITS; i += 1024) out += String.fromCharCode(...units.subarray(i, i + 1024));
  return out;
}

/** True when the filter `f` has the bit of `hash` (a first-level key may have it; a word without it is no candidate). */
export function mayStart(f: string, hash: number): boolean {
  return (f.charCodeAt((hash >>> 4) & (FILTER_UNITS - 1)) & (1 << (hash & 15))) !== 0;
}

/** The hash of two token hashes in order, for the pair filter (mixed, so the low bits of both count). */
export function pairHash(first: number, second: number): number {
  let h = Math.imul(first ^ (first >>> 16), 0x85ebca6b) + second;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The second hash of a first key that may match without a following word (see `pairFilter` in compile-trie.ts). */
export const ALONE = 0;

/** Marks a trie key that follows a comma in its pattern ("small yard, high fence"). */
export const COMMA = ',';
/** The trie key of a gap of one to three free words ("interference in * internal affairs"). */
export const GAP = '*';
