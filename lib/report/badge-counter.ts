/** Per-tab, per-frame term counts for the toolbar badge. */
export interface BadgeCounter {
  set(tabId: number, frameId: number, count: number): void;
  total(tabId: number): number;
  /** Frames of a tab with at least one term, top frame first, then by id. */
  frames(tabId: number): number[];
  tabs(): number[];
  forget(tabId: number): void;
}

/** Keeps the counts frames report; a top frame reporting again after navigation resets nothing by itself. */
export function createBadgeCounter(): BadgeCounter {
  const counts = new Map<number, Map<number, number>>();
  return {
    set(tabId, frameId, count) {
      let frames = counts.get(tabId);
      if (!frames) counts.set(tabId, (frames = new Map()));
      if (count > 0) frames.set(frameId, count);
      else frames.delete(frameId);
    },
    total(tabId) {
      let sum = 0;
      for (const n of counts.get(tabId)?.values() ?? []) sum += n;
      return sum;
    },
    frames(tabId) {
      return [...(counts.get(tabId)?.keys() ?? [])].sort((a, b) => a - b);
    },
    tabs: () => [...counts.keys()],
    forget(tabId) {
      counts.delete(tabId);
    },
  };
}

/** The badge's text: the count of visible terms, "999+" above 999, nothing when there are none or the reader turned the badge off. */
export function badgeText(total: number, on: boolean): string {
  return on && total > 0 ? String(total > 999 ? '999+' : total) : '';
}
