import type { CompiledLexicon, CompiledTerm } from '../lexicon/compiled.ts';
import { buildTrie } from './compile-trie.ts';
import { ownCategoryList, type OwnCategory } from '../user-terms/own-categories.ts';
import type { UserTerm } from '../user-terms/user-terms.ts';
import type { Finder, Finding } from './create-finder.ts';
import { createMatcher } from './create-matcher.ts';

/**
 * The lexicon and finder with the reader's own terms added after the lexicon's families (their
 * indices follow the lexicon's). Own terms fire wherever they appear, like framing families; where
 * one overlaps a lexicon find (fired or waiting for the page), the lexicon's family wins. The trie
 * of own terms is built here from their stored variants: a few hundred phrases at most, well under
 * a millisecond. The reader's own categories follow the lexicon's. With no own terms, the lexicon
 * and finder are returned as they are.
 */
export function withUserTerms(lexicon: CompiledLexicon, finder: Finder, terms: readonly UserTerm[], own: readonly OwnCategory[] = []): { lexicon: CompiledLexicon; finder: Finder } {
  if (terms.length === 0) return { lexicon, finder };
  const categories = [...lexicon.categories, ...ownCategoryList(own).map(({ id, label, colour, underline, line }) => ({ id, label, colour, underline, line }))];
  const base = lexicon.terms.length;
  const added: CompiledTerm[] = terms.map((t) => ({ id: t.id, category: t.category, patterns: t.phrases }));
  /** Pairs of (term index, pattern index), by trie value. */
  const entries: [number, number][] = [];
  const seen = new Set<string>();
  const pairs: [string, number][] = [];
  terms.forEach((t, i) =>
    t.variants.forEach((forms, p) => {
      for (const v of forms) {
        if (seen.has(v)) continue;
        seen.add(v);
        pairs.push([v, entries.length]);
        entries.push([base + i, p]);
      }
    }),
  );
  const matcher = createMatcher(buildTrie(pairs).trie);
  const overlaps = (a: { start: number; end: number }, list: readonly Finding[]) => list.some((b) => a.start < b.end && b.start < a.end);
  return {
    lexicon: { ...lexicon, categories, terms: [...lexicon.terms, ...added] },
    finder: {
      ...finder,
      find(text) {
        const result = finder.find(text);
        const own = matcher.findMatches(text);
        if (own.length === 0) return result;
        const mine: Finding[] = [];
        for (const m of own) {
          if (overlaps(m, result.found) || overlaps(m, result.pending)) continue;
          const [term, pattern] = entries[m.entry]!;
          mine.push({ start: m.start, end: m.end, term, pattern });
        }
        if (mine.length === 0) return result;
        return { found: [...result.found, ...mine].sort((a, b) => a.start - b.start), pending: result.pending };
      },
    },
  };
}
