/**
 * The word-frequency table as text, one "word<TAB>per-million" line per word: how the options page
 * receives SUBTLEX-US (`virtual:word-frequencies`), and read back here into the same Map the build
 * uses. Pure: no Node, no browser.
 */
export function parseFrequencyTable(text: string): Map<string, number> {
  const table = new Map<string, number>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) table.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return table;
}

/** Frequencies are kept to three significant digits: enough for ranking, and the same numbers in Node and in the shipped table. */
export function roundFrequency(perMillion: number): number {
  return Number(perMillion.toPrecision(3));
}
