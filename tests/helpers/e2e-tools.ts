import type { BrowserContext, Frame, Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionBrowser } from './launch-extension.ts';

/** A highlight range as a frame's own world sees it, with the element that holds its start. */
export interface FrameHighlight {
  name: string;
  text: string;
  /** `id` of the nearest ancestor element with an id (across a shadow boundary: the host's), or ''. */
  within: string;
}

/** Every `framing-lens-*` range of a page or frame (the active one included), in registry order. */
export async function readAllHighlights(target: Page | Frame): Promise<FrameHighlight[]> {
  return target.evaluate(() => {
    const out: { name: string; text: string; within: string }[] = [];
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    for (const [name, highlight] of registry) {
      if (!name.startsWith('framing-lens-')) continue;
      for (const r of highlight) {
        // Within one text node, no Range is needed (a hostile page may break Range in its world).
        let text: string;
        if (r.startContainer === r.endContainer && r.startContainer.nodeType === 3) text = (r.startContainer as Text).data.slice(r.startOffset, r.endOffset);
        else {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          text = range.toString();
        }
        let within = '';
        for (let n: Node | null = r.startContainer; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
          if (n.nodeType === 1 && (n as Element).id) {
            within = (n as Element).id;
            break;
          }
        }
        out.push({ name, text: text.replace(/\s+/g, ' '), within });
      }
    }
    return out;
  });
}

/** The names registered in `CSS.highlights` that start with `framing-lens-`. */
export async function highlightNames(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].filter((n) => n.startsWith('framing-lens-')).sort());
}

/** The number of ranges in every framing highlight but the active one. */
export async function countHighlights(target: Page | Frame): Promise<number> {
  return target.evaluate(() => {
    let total = 0;
    for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights) {
      if (name.startsWith('framing-lens-') && name !== 'framing-lens-active') total += h.size;
    }
    return total;
  });
}

/** Waits until a page or frame has exactly `count` framing ranges (the active one aside). */
export { waitForHighlightCount as waitForCount } from './page-highlights.ts';

/** The extension's service worker. */
export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/**
 * Sends a protocol message to a tab's top frame from the service worker, in the envelope
 * `@webext-core/messaging` uses (`{ id, type, data, timestamp }`); resolves to its `{ res }` or `{ err }`.
 */
export async function sendToTab(worker: Worker, tabId: number, type: string, data: unknown): Promise<{ res?: unknown; err?: unknown } | undefined> {
  return worker.evaluate(
    ([id, t, d]) =>
      new Promise((resolve) => {
        (globalThis as unknown as { chrome: { tabs: { sendMessage(tab: number, m: unknown, o: unknown, cb: (r: unknown) => void): void } } }).chrome.tabs.sendMessage(
          id as number,
          { id: 1, type: t, data: d, timestamp: Date.now() },
          { frameId: 0 },
          (r) => resolve(r as { res?: unknown; err?: unknown }),
        );
      }),
    [tabId, type, data] as const,
  );
}

/** The viewport rectangle of the first occurrence of `text` in the page's light DOM, or null. */
export async function rectOfText(page: Page, text: string): Promise<{ x: number; y: number; width: number; height: number } | null> {
  return page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(needle);
      if (at < 0) continue;
      let r: DOMRect;
      try {
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + needle.length);
        r = range.getBoundingClientRect();
      } catch {
        // A page that broke Range in its own world: go through the selection instead.
        const selection = getSelection()!;
        selection.setBaseAndExtent(n, at, n, at + needle.length);
        r = selection.getRangeAt(0).getBoundingClientRect();
        selection.removeAllRanges();
      }
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return null;
  }, text);
}

/** Console errors, page errors and Framing Lens messages logged by pages whose URL contains `urlPart`. */
export function extensionTrouble(browser: ExtensionBrowser, urlPart: string): { errors: string[]; warnings: string[] } {
  const mine = browser.logs.filter((l) => l.page.includes(urlPart));
  const errors = mine.filter((l) => (l.type === 'error' || l.type === 'pageerror') && (/chrome-extension:\/\//.test(l.text) || /Framing Lens/i.test(l.text))).map((l) => l.text);
  const warnings = mine.filter((l) => l.type === 'warning' && l.text.includes('[Framing Lens]')).map((l) => l.text);
  return { errors, warnings };
}

/**
 * Counts pixels of a PNG that are within `tolerance` of `rgb` (per channel), decoding it on a
 * canvas in a throwaway page of `context` (no image library needed).
 */
export async function countPixelsNear(context: BrowserContext, png: Buffer, rgb: [number, number, number], tolerance = 18): Promise<number> {
  const probe = await context.newPage();
  try {
    await probe.setContent('<canvas id="c"></canvas>');
    return await probe.evaluate(
      async ([src, [r, g, b], tol]) => {
        const img = new Image();
        img.src = src as string;
        await img.decode();
        const canvas = document.getElementById('c') as HTMLCanvasElement;
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const data = ctx.getImageData(0, 0, img.width, img.height).data;
        let n = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (Math.abs(data[i]! - (r as number)) <= (tol as number) && Math.abs(data[i + 1]! - (g as number)) <= (tol as number) && Math.abs(data[i + 2]! - (b as number)) <= (tol as number)) n++;
        }
        return n;
      },
      [`data:image/png;base64,${png.toString('base64')}`, rgb, tolerance] as const,
    );
  } finally {
    await probe.close();
  }
}

/** rgba(86, 180, 233, 0.38) (world order) over white, as painted. */
export const WORLD_ORDER_ON_WHITE: [number, number, number] = [Math.round(255 - 0.38 * (255 - 86)), Math.round(255 - 0.38 * (255 - 180)), Math.round(255 - 0.38 * (255 - 233))];

/** True when the hover card is shown on `page`. */
export const cardShown = (page: Page) => page.evaluate(() => (document.querySelector('[data-framing-lens-ui]') as HTMLElement | null)?.style.display === 'block');

/** The text the card shows, read through the DevTools protocol (the card lives in a closed shadow root no page script can open). */
export async function cardText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  type DomNode = { nodeType: number; nodeValue: string; attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[] };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: DomNode };
  await cdp.detach();
  const texts = (n: DomNode): string[] => [...(n.nodeType === 3 ? [n.nodeValue] : []), ...[...(n.shadowRoots ?? []), ...(n.children ?? [])].flatMap(texts)];
  const find = (n: DomNode): DomNode | undefined => (n.attributes?.includes('data-framing-lens-ui') ? n : [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(find).find(Boolean));
  const host = find(root);
  return host ? texts(host).join(' | ') : '';
}

/** Moves the pointer onto the middle of `text` on the page and waits for the card. */
export async function hover(page: Page, text: string): Promise<void> {
  const r = (await rectOfText(page, text))!;
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
  await expect.poll(() => cardShown(page)).toBe(true);
}
