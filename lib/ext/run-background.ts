import type { browser as browserApi } from 'wxt/browser';
import type { CardTexts } from '../lexicon/compiled.ts';
import type { CompiledOriginals } from '../match/originals.ts';
import { badgeText, createBadgeCounter } from '../report/badge-counter.ts';
import { isIndex, isTabId } from '../report/page-report.ts';
import { onMessage, sendMessage } from './protocol.ts';
import { loadSettings, watchSettings } from './settings-item.ts';

/**
 * The service worker: sums the terms each frame reports into the toolbar badge, tells the popup
 * which frames of a tab found terms, relays the keyboard commands to the active tab, and opens a
 * term's explanation from the hover card, and gives the hover card its texts and a Chinese or
 * Russian page the originals (no frame carries them until it meets either script). It keeps no page text.
 */
export function runBackground(browser: typeof browserApi, cards: CardTexts, originals: CompiledOriginals): void {
  const counter = createBadgeCounter();
  let badgeOn = true;
  // MV3 (Chrome) has `action`; the Firefox MV2 build has `browserAction` with the same badge API.
  const action = browser.action ?? browser.browserAction;

  const paint = (tabId: number) => {
    action.setBadgeText({ tabId, text: badgeText(counter.total(tabId), badgeOn) }).catch(() => {});
  };

  void action.setBadgeBackgroundColor({ color: '#3b3b98' }).catch(() => {});
  void loadSettings().then((s) => {
    badgeOn = s.badge;
  });
  watchSettings((s) => {
    badgeOn = s.badge;
    for (const tabId of counter.tabs()) paint(tabId);
  });

  onMessage('frameCount', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.id !== browser.runtime.id || !isIndex(data?.count)) return;
    counter.set(tabId, sender.frameId ?? 0, data.count);
    paint(tabId);
  });
  onMessage('getFrames', ({ data }) => (isTabId(data?.tabId) ? counter.frames(data.tabId) : []));
  onMessage('cardText', ({ data, sender }) => {
    if (sender.id !== browser.runtime.id || typeof data?.id !== 'string' || !Object.hasOwn(cards, data.id)) return null;
    return cards[data.id]!;
  });
  onMessage('originals', ({ sender }) => {
    if (sender.id !== browser.runtime.id) throw new Error('not ours');
    return originals;
  });
  onMessage('openTerm', ({ data, sender }) => {
    if (sender.id !== browser.runtime.id || typeof data?.id !== 'string' || !/^[a-z0-9-]{1,80}$/.test(data.id)) return;
    void openExplanation(browser, data.id, sender.tab?.id);
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run only: what a highlight means, how to read an explanation, the privacy promise.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });

  browser.tabs.onRemoved.addListener((tabId) => counter.forget(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document is loading in the tab: its frames will report afresh.
    if (change.status === 'loading') {
      counter.forget(tabId);
      paint(tabId);
    }
  });
  browser.commands?.onCommand.addListener((command) => {
    const delta = command === 'next-term' ? 1 : command === 'previous-term' ? -1 : 0;
    if (!delta) return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id !== undefined) void sendMessage('step', { delta: delta as 1 | -1 }, { tabId: tab.id, frameId: 0 }).catch(() => {});
    });
  });
}

/**
 * Opens a term's explanation: in the side panel when one is open beside the reader's tab; else in
 * the one explanation tab, full width: an open explanation tab
 * takes the term itself (and comes to the front); only when none answers is a new one opened, next
 * to the reader's tab. The explanation reads the report of `fromTab`, so the term's occurrences
 * there are listed.
 */
export async function openExplanation(browser: typeof browserApi, id: string, fromTab: number | undefined): Promise<void> {
  // An open side panel showing that tab takes it: the explanation appears beside the page.
  if (fromTab !== undefined && (await sendMessage('panelTerm', { id, tabId: fromTab }).catch(() => false)) === true) return;
  const handled = await sendMessage('showTerm', { id, tabId: fromTab ?? null }).catch(() => false);
  if (handled === true) return;
  const url = browser.runtime.getURL(`/explain.html${fromTab === undefined ? '' : `?tabId=${fromTab}`}#term=${id}`);
  const opener = fromTab === undefined ? undefined : await browser.tabs.get(fromTab).catch(() => undefined);
  await browser.tabs.create({ url, ...(opener ? { index: opener.index + 1, windowId: opener.windowId } : {}) });
}
