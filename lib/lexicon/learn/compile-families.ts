import type { TrieRoot } from '../../match/trie.ts';
import { tokenise } from '../../text/tokenise.ts';
import { ENTRY_CONTEXTUAL, ENTRY_LOWER_CASE, ENTRY_STANDARD, ENTRY_STOP, LexiconError, type TermSource } from '../schema.ts';
import { writtenInLowerCase } from '../../match/create-finder.ts';
import { buildTrie } from '../../match/compile-trie.ts';
import { generateVariants } from './variants.ts';

/** A family as the build handles it: its source, its category and the file it came from. */
export type SourceFamily = TermSource & { category: string; file: string };

/** What {@link compileFamilies} produces. */
export interface CompiledFamilies {
  trie: TrieRoot;
  /** Triples: term index, pattern index, flags (see `CompiledLexicon.entries`). */
  entries: number[];
  /** Every variant of each family, sorted. */
  variants: string[][];
  /** Each family's patterns as the lexicon writes them: `patterns`, then `contextual`. */
  patterns: string[][];
}

/**
 * Generates the variants of every pattern of every family and compiles them into one trie whose
 * values index entries (family, pattern, flags). A `contextual` family's patterns, and any family's
 * `contextual` patterns, carry the contextual flag; a `standard` family's carry the standard flag.
 * A variant two patterns of one family produce keeps the first (a framing reading before a
 * contextual one). Throws a {@link LexiconError} naming file, term and field for a pattern without
 * words and for every variant two families claim.
 */
export function compileFamilies(families: readonly SourceFamily[]): CompiledFamilies {
  const entries: number[] = [];
  const pairs: [string, number][] = [];
  const variants: string[][] = [];
  const patterns: string[][] = [];
  families.forEach((family, term) => {
    const written = [...family.patterns, ...family.contextual];
    patterns.push(written);
    const mine = new Map<string, number>();
    written.forEach((pattern, index) => {
      const contextual = index >= family.patterns.length || family.reading === 'contextual';
      const field = index >= family.patterns.length ? 'contextual' : 'patterns';
      if (tokenise(pattern.replace(/[[\]|*]/g, ' ')).length === 0) throw new LexiconError(`${family.file}: term "${family.id}": field "${field}": "${pattern}" has no words`);
      let forms: string[];
      try {
        forms = generateVariants(pattern, family.exclude);
      } catch (error) {
        throw new LexiconError(`${family.file}: term "${family.id}": field "${field}": ${(error as Error).message}`);
      }
      const entry = entries.length / 3;
      entries.push(term, index, (contextual ? ENTRY_CONTEXTUAL : 0) | (family.reading === 'standard' ? ENTRY_STANDARD : 0) | (writtenInLowerCase(pattern) ? ENTRY_LOWER_CASE : 0));
      for (const form of forms) if (!mine.has(form)) mine.set(form, entry);
    });
    // Exclusions that are not forms of a pattern are longer phrases holding one ("bully pulpit"):
    // they go in the trie as stop entries, so the longest match takes them and nothing is shown.
    const shown = new Set(mine.keys());
    const stops = family.exclude.flatMap((e) => generateVariants(e)).filter((form) => !shown.has(form));
    if (stops.length > 0) {
      const entry = entries.length / 3;
      entries.push(term, 0, ENTRY_STOP);
      for (const form of stops) pairs.push([form, entry]);
    }
    variants.push([...mine.keys()].sort());
    for (const [form, entry] of mine) pairs.push([form, entry]);
  });
  const { trie, conflicts: all } = buildTrie(pairs);
  const termOf = (entry: number) => entries[3 * entry]!;
  // Two spellings that fold alike ("US-led", "US led") from two patterns of one family: the first stays.
  const conflicts = all.filter((c) => c.claimedBy < 0 || termOf(c.term) !== termOf(c.claimedBy));
  if (conflicts.length > 0) {
    const byPair = new Map<string, string[]>();
    for (const c of conflicts) {
      const key = `${termOf(c.term)}:${c.claimedBy < 0 ? -1 : termOf(c.claimedBy)}`;
      byPair.set(key, [...(byPair.get(key) ?? []), c.variant]);
    }
    throw new LexiconError(
      [...byPair.entries()]
        .map(([key, list]) => {
          const [term, claimedBy] = key.split(':').map(Number) as [number, number];
          const family = families[term]!;
          const other = families[claimedBy];
          const what = other ? `is also claimed by term "${other.id}" (${other.file})` : 'has no words, or punctuation other than one comma between words (the matcher never spans it)';
          return `${family.file}: term "${family.id}": field "patterns": variant "${list[0]}"${list.length > 1 ? ` (and ${list.length - 1} more)` : ''} ${what}`;
        })
        .join('\n'),
    );
  }
  return { trie, entries, variants, patterns };
}
