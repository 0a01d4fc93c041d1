import { computed, signal } from '@preact/signals';
import type { browser as browserApi } from 'wxt/browser';
import { onMessage, sendMessage } from '../../lib/ext/protocol.ts';
import { loadSettings, updateSettings, watchSettings } from '../../lib/ext/settings-item.ts';
import type { FullLexicon, GlossaryLexicon } from '../../lib/lexicon/schema.ts';
import type { PageReport } from '../../lib/report/page-report.ts';
import { parseReport, writtenPatterns } from '../../lib/report/parse-report.ts';
import type { ListFilter } from '../../lib/report/occurrence-list.ts';
import { ownCategoryList, type OwnCategory } from '../../lib/user-terms/own-categories.ts';
import type { UserDocument } from '../../lib/user-terms/user-documents.ts';
import type { UserTerm } from '../../lib/user-terms/user-terms.ts';
import { groupFound, mergeReports, searchTerms, summarise, type TabReport } from '../../lib/report/summary.ts';
import { defaultSettings, mutedOn, siteKey, withListed, withMuted, type Settings } from '../../lib/settings/settings.ts';
import { createHistory, type Place } from '../../lib/ui/history.ts';
import { shortcutLines, type ShortcutLine } from '../../lib/ui/shortcuts.ts';

/** What the page view shows. */
export type PageState =
  | { kind: 'loading' }
  | { kind: 'reloading' }
  | { kind: 'unavailable'; reason: string; reloadable: boolean }
  /** `partial`: counts only so far; the occurrences are being read (the popup's first view, see `load`). */
  | { kind: 'ready'; report: TabReport; partial?: boolean };

export type View = { name: 'page' } | { name: 'list' } | { name: 'term'; id: string } | { name: 'glossary' } | { name: 'settings' };

/** Where the model runs: the toolbar popup, the side panel (sidebar in Firefox), the reused explanation tab, or the options page. */
export type Surface = 'popup' | 'panel' | 'explain' | 'options';

/** Where to put the reader after a view change: at the top with focus on the heading, or back where they were. */
export type Landing = { kind: 'top' } | { kind: 'restore'; place: Place } | { kind: 'none' };

/** What the popup said it cannot do for a tab, and why. */
export const REASONS = {
  notScanned: 'Framing Lens has not scanned this tab yet: it was open before Framing Lens was installed or switched on. Reload the page to scan it.',
  offLimits: 'Framing Lens cannot read this kind of page: browser pages and extension stores are off limits to every extension.',
  unknown:
    'Framing Lens cannot read this kind of page, or has not scanned it yet. Browser pages and extension stores are off limits to every extension; an ordinary web page opened before Framing Lens was installed needs a reload.',
  noTab: 'No tab to scan.',
} as const;

/**
 * The state and actions of the popup, the explanation tab and the options page. Settings mirror
 * storage; the page report comes from the tab's frames; everything derived is computed.
 * Components only read signals and call actions.
 */
export function createPopupModel(lexicon: GlossaryLexicon, loadFullLexicon: () => Promise<FullLexicon>, browser: typeof browserApi, url: URL, surface: Surface = 'popup', own: { userTerms?: readonly UserTerm[]; ownCategories?: readonly OwnCategory[]; userDocuments?: readonly UserDocument[] } = {}) {
  /** The full lexicon (explanations, examples), once loaded. */
  const full = signal<FullLexicon | null>(null);
  let fullRequest: Promise<FullLexicon> | null = null;
  const loadFull = () => {
    fullRequest ??= loadFullLexicon().then((value) => (full.value = value));
    return fullRequest;
  };
  const settings = signal<Settings>(defaultSettings());
  /** The reader's own terms (the options page edits them; other pages read them at start). */
  const userTerms = signal<readonly UserTerm[]>(own.userTerms ?? []);
  /** The categories the reader made for their terms. */
  const ownCategories = signal<readonly OwnCategory[]>(own.ownCategories ?? []);
  /** What the reader's own documents taught: examples by family, candidates (the options page edits them). */
  const userDocuments = signal<readonly UserDocument[]>(own.userDocuments ?? []);
  const page = signal<PageState>({ kind: 'loading' });
  const termOf = (hash: string) => {
    const m = /^#term=([a-z0-9-]+)$/.exec(hash);
    return m && lexicon.terms.some((t) => t.id === m[1]) ? m[1]! : null;
  };
  const firstTerm = termOf(url.hash);
  const start: View = firstTerm
    ? { name: 'term', id: firstTerm }
    : surface === 'explain' ? { name: 'glossary' } : surface === 'options' ? { name: 'settings' } : surface === 'panel' ? { name: 'list' } : { name: 'page' };
  const history = createHistory<View>(start);
  const view = signal<View>(start);
  /** Where the reader lands after the last view change (the app applies it once rendered). */
  const landing = signal<Landing>({ kind: 'none' });
  const query = signal('');
  const tabId = signal<number | null>(null);
  /** The occurrence last revealed, per term, for next/previous. */
  const revealed = signal<Record<string, number>>({});
  const shortcuts = signal<ShortcutLine[] | null>(null);
  /** The side panel's filters. */
  const listFilter = signal<ListFilter>({ categories: [], voice: 'all' });
  /** The occurrence the reader last picked in the side panel's list (report index and frame). */
  const picked = signal<{ index: number; frameId: number } | null>(null);
  /** The window the popup or panel belongs to (the panel follows its active tab; the popup opens the panel in it). */
  const windowId = signal<number | null>(null);
  /** Why the side panel did not open, when the browser refused. */
  const panelError = signal<string | null>(null);
  /** The last change the reader can undo (a mute), with its words. */
  const undo = signal<{ text: string; run: () => Promise<void> } | null>(null);

  const report = computed(() => (page.value.kind === 'ready' ? page.value.report : null));
  const hidden = computed(() => new Set(settings.value.disabledCategories));
  const summary = computed(() => (report.value ? summarise(lexicon, report.value, hidden.value) : null));
  const found = computed(() => (report.value ? groupFound(lexicon, report.value.counts) : []));
  // Once the explanations are loaded, search reads them too (a country, a person, a source).
  const results = computed(() => searchTerms(full.value ?? lexicon, query.value));
  const site = computed(() => (report.value ? siteKey(report.value.host) : null));
  const muted = computed(() => mutedOn(settings.value, site.value ?? ''));

  // Reports name each find's pattern by index; the glossary has the patterns' text.
  const written = writtenPatterns(lexicon.terms);

  /**
   * Reads tab `id`'s report from its frames. With `occurrences` false, counts only: a frame's
   * occurrences (up to 1,000, each with its sentence) are most of what travels and is checked.
   */
  async function fetchReport(id: number, occurrences = true): Promise<PageState> {
    const ask = async (frameId: number): Promise<{ frameId: number; report: PageReport } | null> => {
      try {
        const r = parseReport(await sendMessage('getReport', { occurrences }, { tabId: id, frameId }), written);
        return r ? { frameId, report: r } : null;
      } catch {
        return null; // A frame without our content script (or gone): skip it.
      }
    };
    // The top frame is asked at once, in parallel with the background's list of other frames.
    const [top, frames] = await Promise.all([ask(0), sendMessage('getFrames', { tabId: id }).catch(() => [] as number[])]);
    const others = await Promise.all(frames.filter((f) => f !== 0).map(ask));
    const reports = [top, ...others].filter((r): r is { frameId: number; report: PageReport } => r !== null);
    const merged = mergeReports(reports);
    if (!merged || reports[0]?.frameId !== 0) {
      let tabUrl = '';
      try {
        tabUrl = (await browser.tabs.get(id)).url ?? '';
      } catch {
        tabUrl = '';
      }
      // The address is known when the reader opened the popup from the toolbar (activeTab).
      if (/^https?:/.test(tabUrl)) return { kind: 'unavailable', reason: REASONS.notScanned, reloadable: true };
      if (tabUrl) return { kind: 'unavailable', reason: REASONS.offLimits, reloadable: false };
      return { kind: 'unavailable', reason: REASONS.unknown, reloadable: true };
    }
    return occurrences ? { kind: 'ready', report: merged } : { kind: 'ready', report: merged, partial: true };
  }

  /** The occurrences of a first view of counts being read (null when none is pending); never rejects. */
  let completing: Promise<void> | null = null;

  /** Reads the whole report after a first view of counts, unless something newer replaced that view meanwhile. */
  function complete(id: number): Promise<void> {
    const shown = page.value;
    return fetchReport(id)
      .then((next) => {
        if (page.value === shown) page.value = next;
        performance.mark('popup-occurrences');
      })
      .catch(() => undefined)
      .finally(() => (completing = null));
  }

  /** Switches to tab `id` (null: none) and reads its report. */
  async function setTab(id: number | null): Promise<void> {
    if (id === tabId.value) return;
    tabId.value = id;
    revealed.value = {};
    picked.value = null;
    page.value = id === null ? { kind: 'unavailable', reason: REASONS.noTab, reloadable: false } : { kind: 'loading' };
    if (id === null) return;
    const next = await fetchReport(id);
    if (tabId.value === id) page.value = next;
  }

  /**
   * The side panel follows its window's active tab, and a page loading in it, like the popup does
   * when opened. `onSwitch` is told when an activation switches it.
   */
  function followActiveTab(onSwitch: () => void): void {
    browser.tabs.onActivated.addListener(({ tabId: id, windowId: win }) => {
      if (windowId.value !== null && win !== windowId.value) return;
      onSwitch();
      void setTab(id);
    });
    browser.tabs.onUpdated.addListener((id, change) => {
      if (id !== tabId.value) return;
      if (change.status === 'loading') {
        picked.value = null;
        page.value = { kind: 'loading' };
      }
      // The content script scans at document idle; its count message refreshes as well.
      if (change.status === 'complete') window.setTimeout(() => void refresh(), 300);
    });
  }

  async function refresh(): Promise<void> {
    if (tabId.value === null) return;
    page.value = await fetchReport(tabId.value);
  }

  // The popup shows a change at once (a switch that waited for storage's echo could be drawn back
  // by a render in between); the echo then confirms it, or corrects it if another page wrote too.
  const update = (change: (s: Settings) => Settings) => {
    settings.value = change(settings.value);
    return updateSettings(change).then(() => undefined);
  };

  /** Shows `next`, remembering where the reader was in the current view. */
  function open(next: View, place: Place = { scrollTop: 0, focus: null }) {
    if (!history.open(next, place)) return;
    view.value = next;
    landing.value = { kind: 'top' };
  }

  return {
    surface,
    lexicon,
    full,
    loadFull,
    settings,
    page,
    view,
    landing,
    query,
    report,
    summary,
    found,
    results,
    site,
    muted,
    revealed,
    shortcuts,
    undo,
    tabId,
    listFilter,
    picked,
    panelError,
    userTerms,
    ownCategories,
    userDocuments,
    windowId,
    /** Scrolls the page to one occurrence of the report and makes it the current one (the side panel's list). */
    async revealOccurrence(o: { index: number; frameId: number; term: string }, ofTerm: number) {
      if (tabId.value === null) return;
      picked.value = { index: o.index, frameId: o.frameId };
      revealed.value = { ...revealed.value, [o.term]: ofTerm };
      await sendMessage('reveal', { index: o.index }, { tabId: tabId.value, frameId: o.frameId }).catch(() => false);
    },
    /**
     * Opens the side panel (Chrome) or sidebar (Firefox) in this window. Call it straight from a
     * click: both browsers open it only in answer to the reader's gesture. False when the browser has neither.
     */
    openPanel(): boolean {
      const api = browser as unknown as { sidePanel?: { open(o: { windowId: number }): Promise<void> }; sidebarAction?: { open(): Promise<void> } };
      const refused = (error: unknown) => {
        panelError.value = `The browser did not open the side panel (${(error as Error)?.message ?? String(error)}).`;
      };
      panelError.value = null;
      if (api.sidePanel && windowId.value !== null) {
        void api.sidePanel.open({ windowId: windowId.value }).then(() => window.close(), refused);
        return true;
      }
      if (api.sidebarAction) {
        void api.sidebarAction.open().then(() => window.close(), refused);
        return true;
      }
      return false;
    },
    /** True when the browser can show a side panel or sidebar. */
    hasPanel: () => Boolean((browser as unknown as { sidePanel?: unknown; sidebarAction?: unknown }).sidePanel ?? (browser as unknown as { sidebarAction?: unknown }).sidebarAction),
    /** True when there is a view to go back to. */
    canGoBack: () => history.depth > 0,
    async load(options: { tab?: boolean } = {}) {
      // The panel follows the active tab from the start: a tab activated while the first tab, its
      // report or the settings are read (the panel reloads when the reader's own terms change, as
      // they switch back to the page) is followed, and the first tab's answer no longer applies.
      let switched = false;
      if (surface === 'panel') followActiveTab(() => (switched = true));
      const tab = (async () => {
        if (options.tab === false) return null;
        const fromQuery = Number(url.searchParams.get('tabId'));
        if (Number.isInteger(fromQuery) && fromQuery > 0) {
          if (surface === 'panel' || surface === 'popup') windowId.value = (await browser.tabs.get(fromQuery).catch(() => null))?.windowId ?? null;
          return fromQuery;
        }
        if (surface !== 'popup' && surface !== 'panel') return null;
        const [active] = await browser.tabs.query({ active: true, currentWindow: true });
        windowId.value = active?.windowId ?? null;
        return active?.id ?? null;
      })();
      // The report is asked for as soon as the tab is known, while the settings load. The popup's
      // first view shows the page's counts, so it reads them alone and the occurrences follow:
      // over 2,000 highlights a frame's 1,000 occurrences took 38–88 ms to travel and 27–52 ms to
      // check (marks of four popups over the bench's page), most of the time to a rendered first view.
      const countsFirst = surface === 'popup' && start.name === 'page';
      const report = tab.then((id) => (id === null ? null : fetchReport(id, !countsFirst)));
      const [loaded, id] = await Promise.all([loadSettings(), tab]);
      performance.mark('popup-settings');
      settings.value = loaded;
      if (!switched) tabId.value = id;
      watchSettings((s) => {
        settings.value = s;
        // The content script repaints by itself; the report's active flag and muted terms may change.
        void refresh();
      });
      // A frame of this tab found more or fewer terms (a rescan after switching on, new content):
      // read the report again. The content script sends this only when its count changes.
      let pending = 0;
      onMessage('frameCount', ({ sender }) => {
        if (sender.tab?.id !== tabId.value || pending) return;
        pending = window.setTimeout(() => {
          pending = 0;
          void refresh();
        }, 50);
      });
      void browser.commands
        ?.getAll()
        .then((all) => (shortcuts.value = shortcutLines(all)))
        .catch(() => (shortcuts.value = []));
      const first = await report;
      if (!switched) page.value = first ?? { kind: 'unavailable', reason: REASONS.noTab, reloadable: false };
      // Time from the document's start to a rendered report, for the tests and the curious.
      document.documentElement.dataset.readyMs = performance.now().toFixed(0);
      document.documentElement.dataset.ready = 'true';
      if (!switched && id !== null && page.value.kind === 'ready' && page.value.partial) completing = complete(id);
      // Explanations are likely next: fetch them once the first view is up.
      window.setTimeout(() => void loadFull(), 0);
    },
    refresh,
    /** Reads another tab's report from now on (the explanation tab reused from another page, the panel following the active tab). */
    setTab,
    /** Reloads the tab (a page open before the install) and reads its report once it has loaded. */
    async reloadTab() {
      const id = tabId.value;
      if (id === null) return;
      page.value = { kind: 'reloading' };
      const loaded = new Promise<void>((resolve) => {
        const listener = (updated: number, change: { status?: string }) => {
          if (updated !== id || change.status !== 'complete') return;
          browser.tabs.onUpdated.removeListener(listener);
          resolve();
        };
        browser.tabs.onUpdated.addListener(listener);
        window.setTimeout(resolve, 15_000);
      });
      await browser.tabs.reload(id);
      await loaded;
      // The content script scans at document idle; give its first batch a moment.
      await new Promise((r) => window.setTimeout(r, 300));
      await refresh();
    },
    open,
    /** Switches to a tab of the popup: a fresh start, no history. */
    select(next: View) {
      history.reset(next);
      view.value = next;
      landing.value = { kind: 'none' };
    },
    back() {
      const visit = history.back();
      if (!visit) return;
      view.value = visit.view;
      landing.value = { kind: 'restore', place: visit.place };
    },
    /** Scrolls the page to the next (or previous) occurrence of a term and flashes it. */
    async reveal(termId: string, delta: 1 | -1 | 0, at?: number) {
      await completing;
      const list = report.value?.occurrences.filter((o) => o.term === termId) ?? [];
      if (list.length === 0 || tabId.value === null) return;
      const current = revealed.value[termId] ?? -1;
      const position = at ?? (((current + delta) % list.length) + list.length) % list.length;
      const o = list[position]!;
      revealed.value = { ...revealed.value, [termId]: position };
      if (surface !== 'popup') await browser.tabs.update(tabId.value, { active: true }).catch(() => undefined);
      await sendMessage('reveal', { index: o.index }, { tabId: tabId.value, frameId: o.frameId }).catch(() => false);
    },
    setCategory: (id: string, on: boolean) => update((s) => withListed(s, 'disabledCategories', id, !on)),
    setSite: (on: boolean, key = site.value) => (key ? update((s) => withListed(s, 'disabledSites', key, !on)) : Promise.resolve()),
    setEnabled: (on: boolean) => update((s) => ({ ...s, enabled: on })),
    setBadge: (on: boolean) => update((s) => ({ ...s, badge: on })),
    setStyle: (style: Settings['style']) => update((s) => ({ ...s, style })),
    /** Mutes (or unmutes) a family on one site or everywhere; a mute can be undone from the message it leaves. */
    async mute(id: string, where: string | null, on: boolean) {
      await update((s) => withMuted(s, id, where, on));
      const label = lexicon.terms.find((t) => t.id === id)?.label ?? id;
      undo.value = on
        ? { text: `“${label}” is muted ${where ? `on ${where}` : 'everywhere'}.`, run: () => update((s) => withMuted(s, id, where, false)).then(() => void (undo.value = null)) }
        : null;
    },
    /**
     * The page's report as a file: Markdown (a handout), CSV (one row per occurrence) or JSON
     * (typed, versioned). Loads the explanations and the voice reader if they are not loaded yet.
     */
    async exportReport(format: 'md' | 'csv' | 'json'): Promise<{ name: string; type: string; text: string } | null> {
      await completing;
      const r = report.value;
      if (!r) return null;
      const [lexicon, { classifyVoice }, exporter] = await Promise.all([loadFull(), import('../../lib/report/classify-voice.ts'), import('../../lib/report/export.ts')]);
      const readAt = new Date().toISOString();
      const title = r.title || r.host;
      const input = {
        title,
        url: r.url,
        readAt,
        words: r.words,
        counts: r.counts,
        ownTerms: userTerms.value,
        occurrences: r.occurrences.map((o) => ({ position: o.index + 1, term: o.term, category: o.category, text: o.text, sentence: o.sentence, start: o.start, end: o.end, voice: classifyVoice(o.sentence, o.start, o.end), why: o.why })),
      };
      // The reader's own categories beside the lexicon's, so their terms are counted and named.
      const withOwn = { ...lexicon, categories: [...lexicon.categories, ...ownCategoryList(ownCategories.value)] };
      const text = format === 'md' ? exporter.toMarkdown(withOwn, input) : format === 'csv' ? exporter.toCsv(withOwn, input) : exporter.toJson(withOwn, input);
      const type = format === 'md' ? 'text/markdown' : format === 'csv' ? 'text/csv' : 'application/json';
      return { name: exporter.exportFileName(title, readAt, format), type: `${type};charset=utf-8`, text };
    },
    /** Opens the options page (all settings, muted terms, shortcuts). */
    openOptions: () => browser.runtime.openOptionsPage(),
    /** Opens the first-run guide. */
    openGuide: () => browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).then(() => undefined),
  };
}

export type PopupModel = ReturnType<typeof createPopupModel>;
