import type { Frame, Page } from 'playwright-core';

/** A highlight as the page's own world sees it in `CSS.highlights`. */
export interface SeenHighlight {
  name: string;
  text: string;
}

/** Every range in every `framing-lens-*` highlight of the page's main frame, in document order. */
export async function readHighlights(page: Page): Promise<SeenHighlight[]> {
  return page.evaluate(() => {
    const out: { name: string; text: string; node: Node; offset: number }[] = [];
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    for (const [name, highlight] of registry) {
      if (!name.startsWith('framing-lens-') || name === 'framing-lens-active') continue;
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push({ name, text: range.toString(), node: r.startContainer, offset: r.startOffset });
      }
    }
    out.sort((a, b) => (a.node === b.node ? a.offset - b.offset : a.node.compareDocumentPosition(b.node) & 4 ? -1 : 1));
    return out.map(({ name, text }) => ({ name, text }));
  });
}

/** Waits until the page (or frame) has exactly `count` framing highlights, the active one aside (the scan is asynchronous). */
export async function waitForHighlightCount(page: Page | Frame, count: number, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (n) => {
      let total = 0;
      for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights) {
        if (name.startsWith('framing-lens-') && name !== 'framing-lens-active') total += h.size;
      }
      return total === n;
    },
    count,
    { timeout, polling: 50 },
  );
}
