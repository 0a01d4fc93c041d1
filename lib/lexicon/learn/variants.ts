import { generateVariantsWith } from './generate-variants.ts';
import { wordFrequencies } from './word-frequencies.ts';

/** The variants of a pattern, as the lexicon build makes them (Node: SUBTLEX-US read from its package). */
export function generateVariants(pattern: string, exclude: readonly string[] = []): string[] {
  return generateVariantsWith((word) => wordFrequencies().has(word), pattern, exclude);
}
