import { RunCursor } from './collect-runs.ts';

/** How long a frame without text waits after a change before it looks again. */
const RECHECK_MS = 100;

/** True when `doc` holds readable text: a run the scanner would read (scripts, styles, hidden and editable regions left out). */
export function hasReadableText(doc: Document): boolean {
  const root = doc.body ?? doc.documentElement;
  return root !== null && new RunCursor(root).next() !== null;
}

/**
 * Resolves once `doc` holds readable text: at once for almost every page; for a frame without any
 * (an ad slot, an empty `about:blank`, a frame of scripts), when a change to its DOM brings some,
 * looked for at most every {@link RECHECK_MS} ms. Never resolves once `signal` aborts (its observer
 * is gone then). The content script waits for it before it parses the lexicon and builds anything:
 * measured on a page with twenty empty frames, each frame's start-up cost 20–25 ms of script.
 */
export function whenReadableText(doc: Document, signal: AbortSignal): Promise<void> {
  if (hasReadableText(doc)) return Promise.resolve();
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const observer = new MutationObserver(() => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        if (signal.aborted || !hasReadableText(doc)) return;
        stop();
        resolve();
      }, RECHECK_MS);
    });
    const stop = () => {
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
    };
    signal.addEventListener('abort', stop, { once: true });
    observer.observe(doc, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden', 'contenteditable'] });
  });
}
