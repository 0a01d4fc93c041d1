/**
 * The token trie: each node maps a folded token key to a child node; `t` marks the end of a
 * variant with its value (in the lexicon, an index into its entries). Compiled with the lexicon
 * (`lib/match/compile-trie.ts`; the reader's own terms are compiled with it in the content script)
 * and shipped packed (see {@link TrieRoot}); the matcher unpacks a first key's subtree the first
 * time a page has that word.
 */
export interface TrieNode {
  /** The value of the variant that ends here. */
  t?: number;
  /** Children by folded token key. */
  c?: Record<string, TrieNode>;
}

/**
 * A compiled trie as shipped: the subtree of each first-level key packed as text, and the filter
 * the matcher needs to find candidates fast.
 *
 * Why packed: as nested JSON objects the lexicon's two tries were 187 kB that `JSON.parse` turned
 * into some 10,000 objects in every frame with text, most of them never read (a page meets a few
 * dozen of the 800 first keys); as strings the parser only copies text (2.1 ms → 0.35 ms for the
 * lexicon's trie in Node), and a subtree is built when its first key is met.
 */
export interface TrieRoot {
  /** The first-token filter: see {@link firstKeyFilter}. */
  f: string;
  /** Per first-level key, its subtree: see {@link unpackSubtree}. */
  k: Record<string, string>;
}

/** Separates the keys of a packed path. */
export const PACKED_KEY = ' ';
/** Separates a packed path from its value. */
export const PACKED_VALUE = '=';
/** Separates the paths of a packed subtree. */
export const PACKED_PATH = '|';

/**
 * The subtree a packed string stands for. The string lists each variant that ends in the subtree
 * as its keys after the first one, then `=` and its value (`of the concept=976`; the first key's
 * own value is `=683`), `|` between variants. Token keys never hold a space, `=` or `|` (they are
 * letters, digits, marks, apostrophes, a leading comma or the gap key `*`).
 */
export function unpackSubtree(packed: string): TrieNode {
  const root: TrieNode = {};
  for (const path of packed.split(PACKED_PATH)) {
    const at = path.lastIndexOf(PACKED_VALUE);
    let node = root;
    if (at > 0) {
      for (const key of path.slice(0, at).split(PACKED_KEY)) {
        node.c ??= {};
        node = node.c[key] ??= {};
      }
    }
    node.t = Number(path.slice(at + 1));
  }
  return root;
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

/** Marks a trie key that follows a comma in its pattern ("small yard, high fence"). */
export const COMMA = ',';
/** The trie key of a gap of one to three free words ("interference in * internal affairs"). */
export const GAP = '*';
