import { computed, signal } from '@preact/signals';
import type { browser as browserApi } from 'wxt/browser';
import { loadSettings, updateSettings, watchSettings } from '../../lib/ext/settings-item.ts';
import { onMessage, parseReport, sendMessage } from '../../lib/ext/protocol.ts';
import type { FullLexicon, GlossaryLexicon } from '../../lib/lexicon/schema.ts';
import type { PageReport } from '../../lib/page/build-report.ts';
import { groupFound, mergeReports, searchTerms, summarise, type TabReport } from '../../lib/popup/page-summary.ts';
import { DEFAULT_SETTINGS, siteKey, type Settings } from '../../lib/settings/settings.ts';

/** What the page view shows. */
export type PageState =
  | { kind: 'loading' }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'ready'; report: TabReport };

export type View = { name: 'page' } | { name: 'term'; id: string } | { name: 'glossary' } | { name: 'settings' };

/**
 * The popup's state and actions. Settings mirror storage; the page report comes from the tab's
 * frames; everything derived is computed. Components only read signals and call actions.
 */
export function createPopupModel(lexicon: GlossaryLexicon, loadFullLexicon: () => Promise<FullLexicon>, browser: typeof browserApi, url: URL) {
  /** The full lexicon (explanations, examples), once loaded. */
  const full = signal<FullLexicon | null>(null);
  let fullRequest: Promise<FullLexicon> | null = null;
  const loadFull = () => {
    fullRequest ??= loadFullLexicon().then((value) => (full.value = value));
    return fullRequest;
  };
  const settings = signal<Settings>({ ...DEFAULT_SETTINGS });
  const page = signal<PageState>({ kind: 'loading' });
  const termMatch = /^#term=([a-z0-9-]+)$/.exec(url.hash);
  const view = signal<View>(termMatch && lexicon.terms.some((t) => t.id === termMatch[1]) ? { name: 'term', id: termMatch[1]! } : { name: 'page' });
  const history: View[] = [];
  const query = signal('');
  const tabId = signal<number | null>(null);
  /** The occurrence last revealed, per term, for next/previous. */
  const revealed = signal<Record<string, number>>({});

  const report = computed(() => (page.value.kind === 'ready' ? page.value.report : null));
  const summary = computed(() => (report.value ? summarise(lexicon, report.value) : null));
  const found = computed(() => (report.value ? groupFound(lexicon, report.value.counts) : []));
  const results = computed(() => searchTerms(lexicon, query.value));
  const site = computed(() => (report.value ? siteKey(report.value.host) : null));

  async function fetchReport(id: number): Promise<PageState> {
    const ask = async (frameId: number): Promise<{ frameId: number; report: PageReport } | null> => {
      try {
        const r = parseReport(await sendMessage('getReport', undefined, { tabId: id, frameId }));
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
      const reason = /^https?:/.test(tabUrl)
        ? 'Framing Lens has not scanned this tab yet. Reload the page to scan it.'
        : tabUrl
          ? 'Framing Lens cannot read this kind of page: browser pages and extension stores are off limits to every extension.'
          : 'Framing Lens cannot read this kind of page, or has not scanned it yet. Browser pages and extension stores are off limits to every extension; for an ordinary web page opened before Framing Lens was installed, Reload the page to scan it.';
      return { kind: 'unavailable', reason };
    }
    return { kind: 'ready', report: merged };
  }

  async function refresh(): Promise<void> {
    if (tabId.value === null) return;
    page.value = await fetchReport(tabId.value);
  }

  return {
    lexicon,
    full,
    loadFull,
    settings,
    page,
    view,
    query,
    report,
    summary,
    found,
    results,
    site,
    revealed,
    async load() {
      const tab = (async () => {
        const fromQuery = Number(url.searchParams.get('tabId'));
        if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
        const [active] = await browser.tabs.query({ active: true, currentWindow: true });
        return active?.id ?? null;
      })();
      // Settings and the tab's report are independent: fetch them together.
      const [loaded, id] = await Promise.all([loadSettings(), tab]);
      settings.value = loaded;
      tabId.value = id;
      const report = id === null ? null : fetchReport(id);
      watchSettings((s) => {
        settings.value = s;
        // The content script repaints by itself; the report's active flag may change.
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
      page.value = report ? await report : { kind: 'unavailable', reason: 'No tab to scan.' };
      // Time from the popup document's start to a rendered report, for the tests and the curious.
      document.documentElement.dataset.readyMs = performance.now().toFixed(0);
      document.documentElement.dataset.ready = 'true';
      // Explanations are likely next: fetch them once the first view is up.
      window.setTimeout(() => void loadFull(), 0);
    },
    refresh,
    open(next: View) {
      history.push(view.value);
      view.value = next;
    },
    back() {
      view.value = history.pop() ?? { name: 'page' };
    },
    /** Scrolls the page to the next (or previous) occurrence of a term and flashes it. */
    async reveal(termId: string, delta: 1 | -1 | 0, at?: number) {
      const list = report.value?.occurrences.filter((o) => o.term === termId) ?? [];
      if (list.length === 0 || tabId.value === null) return;
      const current = revealed.value[termId] ?? -1;
      const position = at ?? (((current + delta) % list.length) + list.length) % list.length;
      const o = list[position]!;
      revealed.value = { ...revealed.value, [termId]: position };
      await sendMessage('reveal', { index: o.index }, { tabId: tabId.value, frameId: o.frameId }).catch(() => false);
    },
    async setCategory(id: string, on: boolean) {
      await updateSettings((s) => ({ ...s, disabledCategories: on ? s.disabledCategories.filter((c) => c !== id) : [...new Set([...s.disabledCategories, id])].sort() }));
    },
    async setSite(on: boolean) {
      const key = site.value;
      if (!key) return;
      await updateSettings((s) => ({ ...s, disabledSites: on ? s.disabledSites.filter((h) => h !== key) : [...new Set([...s.disabledSites, key])].sort() }));
    },
    async setEnabled(on: boolean) {
      await updateSettings((s) => ({ ...s, enabled: on }));
    },
    async setBadge(on: boolean) {
      await updateSettings((s) => ({ ...s, badge: on }));
    },
    async setStyle(style: Settings['style']) {
      await updateSettings((s) => ({ ...s, style }));
    },
  };
}

export type PopupModel = ReturnType<typeof createPopupModel>;
