import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardText, CompiledLexicon } from '../lexicon/compiled.ts';
import { createFinder } from '../match/create-finder.ts';
import { readWhy, whyLine } from '../match/explain.ts';
import { buildReport, isIndex, type SentReport } from '../report/page-report.ts';
import { createHoverCard } from '../page/create-hover-card.ts';
import { createPageScanner, type PageMatch } from '../page/create-page-scanner.ts';
import { browserSchedulerHost, createScheduler } from '../page/create-scheduler.ts';
import { createHighlightRenderer, getHighlightApi } from '../page/renderers/create-highlight-renderer.ts';
import { createMarkRenderer } from '../page/renderers/create-mark-renderer.ts';
import type { Renderer } from '../page/renderers/renderer.ts';
import { stepIndex } from '../page/step-index.ts';
import { isActiveOn, mutedOn, siteKey, withMuted } from '../settings/settings.ts';
import { onMessage, sendMessage } from './protocol.ts';
import { loadSettings, updateSettings, watchSettings } from './settings-item.ts';
import { loadUserTerms, watchUserTerms } from './user-terms-item.ts';
import { withUserTerms } from '../match/with-user-terms.ts';
import { createOriginalsFinder, type OriginalsFinder } from '../match/originals.ts';
import { isOriginalsLanguage, originalsTrigger, whenScriptsAppear, withOriginals } from '../match/with-originals.ts';
import { OWN_CATEGORY_SLOTS } from '../user-terms/own-categories.ts';
import { ELEMENT_NODE, SHOW_TEXT, TEXT_NODE } from '../page/node-types.ts';
import { warn } from './warn.ts';

/** How long the card stays after the pointer leaves the term, so it can move onto the card. */
const HIDE_DELAY_MS = 300;

/** Logs one warning for a failure and lets the page go on without highlights. */
function degrade(what: string, error: unknown): void {
  warn(`${what}: ${(error as Error)?.message ?? String(error)}; nothing is highlighted on this page`);
}

/**
 * Wires the page engine to the browser: settings from storage, messages from the popup and the
 * background, SPA navigation, the hover and focus card, and keyboard stepping. Everything it
 * starts stops with `ctx`.
 */
export async function runContent(ctx: ContentScriptContext, shipped: CompiledLexicon): Promise<void> {
  const win = window;
  const doc = document;
  const categoryIds = new Set(shipped.categories.map((c) => c.id));
  // A page that says it is Chinese or Russian (its language, or its title) gets the originals
  // before its first scan; any other page asks for them only if it turns out to hold either script.
  // The page's declared language: an SVG or XML document's root has no \`lang\` property.
  const lang = doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang') ?? '';
  const trigger = originalsTrigger(lang);
  const early = isOriginalsLanguage(lang) || trigger(doc.title ?? '');
  const [loaded, stored, earlyOriginals] = await Promise.all([loadSettings(), loadUserTerms(categoryIds), early ? sendMessage('originals').catch(() => null) : null]);
  let settings = loaded;
  let userTerms = stored.terms;
  let ownCategories = stored.categories;
  const shippedFinder = createFinder(shipped);
  // The Chinese and Russian originals come from the background the first time this frame reads
  // either script; until then the lexicon's finder watches for them.
  let originals: OriginalsFinder | null = earlyOriginals ? createOriginalsFinder(earlyOriginals) : null;
  let asked = originals !== null;
  const askOriginals = () => {
    if (asked) return;
    asked = true;
    sendMessage('originals')
      .then((data) => {
        if (!ctx.isValid) return;
        originals = createOriginalsFinder(data);
        // Only the blocks in Chinese or Russian are read again; the rest keep their highlights.
        ({ lexicon, finder } = engine());
        scanner.refind(finder, trigger);
      })
      .catch(() => {
        asked = false;
      });
  };
  const engine = () => withUserTerms(shipped, originals ? withOriginals(shippedFinder, originals) : whenScriptsAppear(shippedFinder, askOriginals, trigger), userTerms, ownCategories);
  // The lexicon with the reader's own terms after its families (rebuilt when they change).
  let { lexicon, finder } = engine();
  let renderer: Renderer;
  try {
    const api = getHighlightApi(win);
    // Every slot of the reader's own categories too: a category made later paints without a new renderer.
    const names = [...shipped.categories.map((c) => c.id), ...OWN_CATEGORY_SLOTS.map((s) => s.id)];
    renderer = api ? createHighlightRenderer(api, names, { now: () => win.performance.now(), setTimeout: (cb, ms) => ctx.setTimeout(cb, ms) }) : createMarkRenderer(doc);
  } catch (error) {
    degrade('cannot create highlights', error);
    return;
  }
  const host = () => win.location.hostname;
  let termIndex = new Map(lexicon.terms.map((t, i) => [t.id, i]));
  /** Muted families on this page, by lexicon index. */
  let muted = new Set<number>();
  let mutedKey = '';
  const readMuted = () => {
    const ids = mutedOn(settings, host());
    muted = new Set([...ids].map((id) => termIndex.get(id)).filter((i): i is number => i !== undefined));
    const key = [...ids].sort().join(',');
    const changed = key !== mutedKey;
    mutedKey = key;
    return changed;
  };
  readMuted();
  let running = false;
  let active = -1;
  let lastCount = -1;

  const reportCount = () => {
    // Only what the reader sees counts: hidden categories are left out of the badge.
    const count = running ? lexicon.categories.reduce((n, c) => (settings.disabledCategories.includes(c.id) ? n : n + scanner.count(c.id)), 0) : 0;
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

  const scheduler = createScheduler(browserSchedulerHost(win));
  const newScanner = () =>
    createPageScanner({
      document: doc,
      lexicon,
      finder,
      isMuted: (term) => muted.has(term),
      renderer,
      scheduler,
      onChange,
      isVisible: (el) => (typeof el.checkVisibility === 'function' ? el.checkVisibility() : true),
    });
  let scanner = newScanner();

  const isShown = (m: PageMatch) => !settings.disabledCategories.includes(m.category);

  /** The match the card is being shown for (the pointer may move on while its texts arrive). */
  let cardFor: PageMatch | null = null;
  const card = createHoverCard(doc, {
    open: (id) => void sendMessage('openTerm', { id }).catch(() => {}),
    mute: (id, where) => {
      hideCard();
      void updateSettings((s) => withMuted(s, id, where === 'site' ? siteKey(host()) : null, true));
    },
  });

  /** Shows the categories the reader has not hidden (the lexicon's and their own), in their style. */
  function showVisible(): void {
    renderer.show(new Set(lexicon.categories.map((c) => c.id).filter((id) => !settings.disabledCategories.includes(id))), settings.style);
  }

  function hideCard(): void {
    cardFor = null;
    card.hide();
  }

  const apply = () => {
    const on = isActiveOn(settings, host());
    hideCard();
    try {
      const mutedChanged = readMuted();
      if (on && !running) {
        running = true;
        scanner.start();
      } else if (!on && running) {
        running = false;
        scanner.stop();
      } else if (on && mutedChanged) {
        active = -1;
        scanner.reset();
      }
      showVisible();
      // The "current term" mark belongs to a visible term only.
      const current = scanner.matches()[active];
      if (current && !isShown(current)) {
        active = -1;
        renderer.setActive(null);
      }
    } catch (error) {
      degrade('cannot paint', error);
    }
    lastCount = -1;
    onChange();
  };

  /** A live Range over a match's span (for its rectangle). */
  const rangeOf = (m: PageMatch): Range => {
    const range = doc.createRange();
    range.setStart(m.span.startContainer, m.span.startOffset);
    range.setEnd(m.span.endContainer, m.span.endOffset);
    return range;
  };

  // The card's texts live in the background (no frame carries them); each family's are asked for once.
  const cardTexts = new Map<number, Promise<CardText | null>>();
  const textOf = (term: number): Promise<CardText | null> => {
    const own = term >= shipped.terms.length ? userTerms[term - shipped.terms.length] : undefined;
    if (own) return Promise.resolve({ label: own.label, gloss: own.note ? `${own.gloss} ${own.note}` : own.gloss, patterns: own.phrases });
    let text = cardTexts.get(term);
    if (!text) {
      text = sendMessage('cardText', { id: lexicon.terms[term]!.id }).catch(() => null);
      cardTexts.set(term, text);
    }
    return text;
  };

  /** Shows the card for a match, next to `rect` (the match's own rectangle by default). */
  const showCard = (m: PageMatch, options: { focus?: boolean; rect?: DOMRect } = {}) => {
    cardFor = m;
    void textOf(m.term).then((text) => {
      if (cardFor !== m || !ctx.isValid || !m.span.startContainer.isConnected) return;
      const term = lexicon.terms[m.term]!;
      const category = lexicon.categories.find((c) => c.id === term.category)!;
      const yours = m.term >= shipped.terms.length ? ' · your term' : '';
      card.show({ termId: term.id, label: text?.label ?? term.id, category: category.label + yours, colour: category.colour, gloss: text?.gloss ?? '', why: whyLine(readWhy(m.why, text?.patterns ?? [], m.text)), ...(text?.original ? { original: text.original } : {}) }, options.rect ?? rangeOf(m).getBoundingClientRect(), { focus: options.focus });
    });
  };

  const focus = (index: number, fromKeyboard = false): boolean => {
    const m = scanner.matches()[index];
    if (!m) return false;
    active = index;
    renderer.setActive(m.span);
    m.span.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    showCard(m, { focus: fromKeyboard });
    return true;
  };

  // Hover: find the match under the pointer from the caret position, once per frame at most. The
  // card stays while the pointer is on the term or on the card, and goes a moment after it leaves both.
  let hoverQueued = false;
  let lastPointer: MouseEvent | null = null;
  let hideTimer = 0;
  const cancelHide = () => {
    if (hideTimer) win.clearTimeout(hideTimer);
    hideTimer = 0;
  };
  const hideSoon = () => {
    if (card.shown() === null) cardFor = null; // texts on their way for a term the pointer has left
    if (hideTimer || card.shown() === null) return;
    hideTimer = win.setTimeout(() => {
      hideTimer = 0;
      hideCard();
    }, HIDE_DELAY_MS);
  };
  const hitTest = () => {
    hoverQueued = false;
    const e = lastPointer;
    if (!e || !running) return;
    if (card.owns(e.target)) {
      cancelHide();
      return;
    }
    const caret = (doc as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null }).caretPositionFromPoint?.(e.clientX, e.clientY);
    const node = caret?.offsetNode;
    const hit = node && node.nodeType === TEXT_NODE ? scanner.matchAt(node, caret.offset) : null;
    if (hit && isShown(hit)) {
      cancelHide();
      if (card.shown() !== lexicon.terms[hit.term]!.id && cardFor !== hit) showCard(hit);
    } else hideSoon();
  };
  ctx.addEventListener(doc, 'mousemove', (e) => {
    lastPointer = e as MouseEvent;
    if (!hoverQueued) {
      hoverQueued = true;
      ctx.requestAnimationFrame(hitTest);
    }
  }, { passive: true });
  // Scrolling moves the term away from the card: hide it (unless the reader is using its buttons).
  ctx.addEventListener(win, 'scroll', () => {
    if (card.shown() !== null && !card.owns(doc.activeElement)) hideCard();
  }, { passive: true, capture: true });
  ctx.addEventListener(doc, 'keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape' && card.shown() !== null) hideCard();
  }, { capture: true });
  // Keyboard readers: focusing a link or button that holds a term shows its card (without taking focus).
  ctx.addEventListener(doc, 'focusin', (e) => {
    const target = e.target as Element | null;
    if (!running || !target || card.owns(target) || target.nodeType !== ELEMENT_NODE) return;
    const walker = doc.createTreeWalker(target, SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const m = scanner.matchAt(text, 0) ?? scanner.matchAt(text, (text as Text).data.length);
      if (m && isShown(m)) {
        showCard(m, { rect: target.getBoundingClientRect() });
        return;
      }
    }
  });
  ctx.addEventListener(doc, 'focusout', (e) => {
    const next = (e as FocusEvent).relatedTarget;
    if (card.shown() !== null && !card.owns(next as EventTarget | null) && !card.owns(e.target)) hideCard();
  });

  onMessage('getReport', ({ data, sender }): SentReport => {
    if (sender.id !== browser.runtime.id) throw new Error('not ours');
    const page = { url: win.location.href, title: doc.title.slice(0, 500), host: host(), active: isActiveOn(settings, host()), words: scanner.words() };
    return buildReport(lexicon, running ? scanner.matches() : [], page, data?.occurrences === false ? 0 : undefined);
  });
  onMessage('reveal', ({ data, sender }) => sender.id === browser.runtime.id && isIndex(data?.index) && focus(data.index));
  onMessage('step', ({ data, sender }) => {
    if (sender.id !== browser.runtime.id || (data?.delta !== 1 && data?.delta !== -1)) return false;
    const all = scanner.matches();
    const index = stepIndex(all.length, active, data.delta, (i) => isShown(all[i]!));
    return index >= 0 && focus(index, true);
  });

  ctx.addEventListener(win, 'wxt:locationchange', () => {
    active = -1;
    hideCard();
    if (running) scanner.reset();
  });
  ctx.onInvalidated(() => {
    cancelHide();
    scanner.dispose();
    card.dispose();
  });
  const unwatch = watchSettings((next) => {
    settings = next;
    apply();
  });
  ctx.onInvalidated(unwatch);
  // Own terms added, changed or deleted in the options page: a new engine.
  const unwatchTerms = watchUserTerms(categoryIds, (next) => {
    userTerms = next.terms;
    ownCategories = next.categories;
    restart();
  });
  ctx.onInvalidated(unwatchTerms);
  apply();

  /** A new engine (own terms changed): the page read again. */
  function restart(): void {
    ({ lexicon, finder } = engine());
    termIndex = new Map(lexicon.terms.map((t, i) => [t.id, i]));
    hideCard();
    active = -1;
    cardTexts.clear();
    const wasRunning = running;
    // stop, not dispose: the scheduler is shared with the next scanner.
    scanner.stop();
    scanner = newScanner();
    mutedKey = '\u0000';
    readMuted();
    showVisible();
    if (wasRunning) scanner.start();
    lastCount = -1;
    onChange();
  }
}
