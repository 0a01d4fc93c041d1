import { COMMA, GAP, type TrieNode, type TrieRoot } from './trie.ts';
import { hashKey, tokenise } from '../text/tokenise.ts';

/**
 * Compiling variants into the token trie the matcher walks: the lexicon's at build time (the content script
 * ships the result), the reader's own terms in the content script. See `lib/match/create-matcher.ts` for how the trie and its prefilter are used.
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
  return { trie: { ...root, h: keys.map(hashKey), r: prefilterSource(keys) }, conflicts };
}

/**
 * Code units the prefilter cannot see through, so a text with one is tokenised in full: invisible
 * characters inside words (soft hyphens, zero-width), Latin ligatures and the Kelvin sign, which
 * the tokeniser folds to ASCII letters.
 */
export const OPAQUE = '[\\u00ad\\u200b-\\u200d\\u2060\\ufeff\\ufb00-\\ufb06\\u212a]';

/**
 * The source of a case-insensitive regular expression that matches every {@link OPAQUE} code
 * unit as its group 1 (the matcher then scans the whole text) and, in text without one, at least
 * at every place where a token with one of `keys` starts: each key spelled in ASCII with straight
 * or curly apostrophes, not preceded or followed by an ASCII letter or digit, plus any dotted
 * abbreviation ("U.S."), whose key drops the dots. It may match more (a key before an accented
 * letter, a key inside "war's"); the matcher checks every hit. Keys share prefixes in the
 * expression (a trie of characters), which V8 compiles in about 0.5 ms and runs natively. Null
 * when a key has a character other than ASCII letters, digits and the apostrophe (whose case
 * folding the expression could not mirror exactly), or there is no key.
 */
export function prefilterSource(keys: readonly string[]): string | null {
  if (keys.length === 0 || keys.some((k) => !/^[a-z0-9']+$/.test(k))) return null;
  return `(${OPAQUE})|(?<![A-Za-z0-9])(?:${factor(keys)}(?![A-Za-z0-9])|[A-Za-z]\\.[A-Za-z])`;
}

/** An alternation of `keys` with shared prefixes factored out: ["war", "wars", "west"] → "(?:war(?:s)?|west)". */
function factor(keys: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  let empty = false;
  for (const key of keys) {
    if (key === '') empty = true;
    else if (byFirst.has(key[0]!)) byFirst.get(key[0]!)!.push(key.slice(1));
    else byFirst.set(key[0]!, [key.slice(1)]);
  }
  const branches = [...byFirst].map(([c, rest]) => (c === "'" ? "['\u2019]" : c) + factor(rest));
  if (branches.length === 0) return '';
  if (branches.length === 1 && !empty) return branches[0]!;
  return `(?:${branches.join('|')})${empty ? '?' : ''}`;
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
