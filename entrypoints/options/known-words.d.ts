/** The variant generator's word list (see `knownWords` in wxt.config.ts): lower-case words of four letters or more, one per line. */
declare module 'virtual:known-words' {
  const words: string;
  export default words;
}
