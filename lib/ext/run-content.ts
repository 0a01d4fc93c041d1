import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CompiledLexicon } from '../lexicon/schema.ts';
import { createMatcher } from '../match/create-matcher.ts';
import { buildReport, type PageReport } from '../page/build-report.ts';
import { createHoverCard } from '../page/create-hover-card.ts';
import { createPageScanner, type PageMatch } from '../page/create-page-scanner.ts';
import { browserSchedulerHost, createScheduler } from '../page/create-scheduler.ts';
import { createHighlightRenderer, getHighlightApi } from '../page/renderers/create-highlight-renderer.ts';
import { createMarkRenderer } from '../page/renderers/create-mark-renderer.ts';
import type { Renderer } from '../page/renderers/renderer.ts';
import { isActiveOn, type Settings } from '../settings/settings.ts';
import { isIndex, onMessage, sendMessage } from './protocol.ts';
import { loadSettings, watchSettings } from './settings-item.ts';

const PREFIX = '[Framing Lens]';

/** Logs one warning for a failure and lets the page go on without highlights. */
function degrade(what: string, error: unknown): void {
  console.warn(`${PREFIX} ${what}: ${(error as Error)?.message ?? String(error)}; nothing is highlighted on this page`);
}

/**
 * Wires the page engine to the browser: settings from storage, messages from the popup and the
 * background, SPA navigation, hover and keyboard. Everything it starts stops with `ctx`.
 */
export async function runContent(ctx: ContentScriptContext, lexicon: CompiledLexicon): Promise<void> {
  const win = window;
  const doc = document;
  let settings: Settings = await loadSettings();
  let renderer: Renderer;
  try {
    const api = getHighlightApi(win);
    renderer = api ? createHighlightRenderer(api, lexicon.categories.map((c) => c.id)) : createMarkRenderer(doc);
  } catch (error) {
    degrade('cannot create highlights', error);
    return;
  }
  const matcher = createMatcher(lexicon.trie);
  const host = () => win.location.hostname;
  let running = false;
  let active = -1;
  let lastCount = -1;

  const reportCount = () => {
    const count = running ? scanner.count() : 0;
    if (count === lastCount) return;
    lastCount = count;
    sendMessage('frameCount', { count }).catch(() => {});
  };
  // Coalesce the changes of one task into one count; a message goes out only when it differs.
  // (Not a timer: timers in background tabs are throttled to a second or more.)
  let countQueued = false;
  const onChange = () => {
    if (countQueued) return;
    countQueued = true;
    queueMicrotask(() => {
      countQueued = false;
      if (ctx.isValid) reportCount();
    });
  };

  const scanner = createPageScanner({
    document: doc,
    lexicon,
    matcher,
    renderer,
    scheduler: createScheduler(browserSchedulerHost(win)),
    onChange,
    isVisible: (el) => (typeof el.checkVisibility === 'function' ? el.checkVisibility() : true),
  });

  const apply = () => {
    const on = isActiveOn(settings, host());
    try {
      if (on && !running) {
        running = true;
        scanner.start();
      } else if (!on && running) {
        running = false;
        scanner.stop();
        card.hide();
      }
      const visible = new Set(lexicon.categories.map((c) => c.id).filter((id) => !settings.disabledCategories.includes(id)));
      renderer.show(visible, settings.style);
    } catch (error) {
      degrade('cannot paint', error);
    }
    onChange();
  };

  const visibleMatches = (): PageMatch[] => scanner.matches().filter((m) => !settings.disabledCategories.includes(m.category));

  /** A live Range over a match's span (for its rectangle). */
  const rangeOf = (m: PageMatch): Range => {
    const range = doc.createRange();
    range.setStart(m.span.startContainer, m.span.startOffset);
    range.setEnd(m.span.endContainer, m.span.endOffset);
    return range;
  };

  /** Shows the card for a match, next to it. */
  const showCard = (m: PageMatch) => {
    const term = lexicon.terms[m.term]!;
    const category = lexicon.categories.find((c) => c.id === term.category)!;
    card.show({ termId: term.id, label: term.label, category: category.label, colour: category.colour, gloss: term.gloss }, rangeOf(m).getBoundingClientRect());
  };

  const focus = (index: number): boolean => {
    const m = scanner.matches()[index];
    if (!m) return false;
    active = index;
    renderer.setActive(m.span);
    m.span.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    showCard(m);
    return true;
  };

  const card = createHoverCard(doc, (id) => void sendMessage('openTerm', { id }).catch(() => {}));

  // Hover: find the match under the pointer from the caret position, once per frame at most.
  let hoverQueued = false;
  let lastPointer: MouseEvent | null = null;
  const hitTest = () => {
    hoverQueued = false;
    const e = lastPointer;
    if (!e || !running) return;
    const caret = (doc as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null }).caretPositionFromPoint?.(e.clientX, e.clientY);
    const node = caret?.offsetNode;
    if (!node || node.nodeType !== 3) return;
    const offset = caret.offset;
    // Pointer comparisons first: a match starting or ending in this text node is checked by
    // offsets; only spans that cross several nodes need a Range. No allocation per match.
    const hit = visibleMatches().find((m) => {
      const { startContainer, startOffset, endContainer, endOffset } = m.span;
      if (startContainer === node || endContainer === node) {
        return (startContainer !== node || offset >= startOffset) && (endContainer !== node || offset <= endOffset);
      }
      return startContainer !== endContainer && rangeOf(m).isPointInRange(node, offset);
    });
    if (hit) showCard(hit);
  };
  ctx.addEventListener(doc, 'mousemove', (e) => {
    lastPointer = e as MouseEvent;
    if (!hoverQueued) {
      hoverQueued = true;
      ctx.requestAnimationFrame(hitTest);
    }
  }, { passive: true });

  onMessage('getReport', ({ sender }): PageReport => {
    if (sender.id !== browser.runtime.id) throw new Error('not ours');
    return buildReport(lexicon, running ? scanner.matches() : [], { url: win.location.href, host: host(), active: isActiveOn(settings, host()), words: scanner.words() });
  });
  onMessage('reveal', ({ data, sender }) => sender.id === browser.runtime.id && isIndex(data?.index) && focus(data.index));
  onMessage('step', ({ data, sender }) => {
    if (sender.id !== browser.runtime.id || (data?.delta !== 1 && data?.delta !== -1)) return false;
    const all = scanner.matches();
    const visible = new Set(visibleMatches());
    for (let i = 1; i <= all.length; i++) {
      const index = (((active + data.delta * i) % all.length) + all.length) % all.length;
      if (visible.has(all[index]!)) return focus(index);
    }
    return false;
  });

  ctx.addEventListener(win, 'wxt:locationchange', () => {
    active = -1;
    card.hide();
    if (running) scanner.reset();
  });
  ctx.onInvalidated(() => {
    scanner.dispose();
    card.dispose();
  });
  const unwatch = watchSettings((next) => {
    settings = next;
    apply();
  });
  ctx.onInvalidated(unwatch);
  apply();
}
