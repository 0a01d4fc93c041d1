/** SUBTLEX-US as the build reads it (see `wordFrequencies` in wxt.config.ts): "word<TAB>per-million" lines, read with `parseFrequencyTable`. */
declare module 'virtual:word-frequencies' {
  const table: string;
  export default table;
}
