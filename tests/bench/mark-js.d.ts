declare module 'mark.js' {
  /** The parts of mark.js 8 the benchmark uses. */
  export default class Mark {
    constructor(context: Element | Document);
    markRegExp(re: RegExp, options?: { each?: (el: Element) => void; done?: (count: number) => void }): void;
  }
}
