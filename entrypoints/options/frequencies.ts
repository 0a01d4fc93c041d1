/** SUBTLEX-US frequencies, as the lexicon build reads them; loaded once, on first need (about 1 MB). */
let table: Promise<Map<string, number>> | null = null;
export const loadFrequencies = () =>
  (table ??= Promise.all([import('virtual:word-frequencies'), import('../../lib/lexicon/learn/frequency-table.ts')]).then(([text, { parseFrequencyTable }]) => parseFrequencyTable(text.default)));
