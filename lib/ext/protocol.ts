import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageReport } from '../page/build-report.ts';

/**
 * Every message between the parts of the extension, typed. Storage carries settings; messages
 * only ask questions.
 */
export interface ProtocolMap {
  /** Popup → content script of one frame: what did you find? */
  getReport(): PageReport;
  /** Popup → content script: scroll to occurrence `index`, flash it and make it active. */
  reveal(data: { index: number }): boolean;
  /** Background → content script: move the active highlight to the next or previous one. */
  step(data: { delta: 1 | -1 }): boolean;
  /** Content script → background: this frame now has `count` terms (for the badge). */
  frameCount(data: { count: number }): void;
  /** Popup → background: frames of a tab that reported terms, top frame first. */
  getFrames(data: { tabId: number }): number[];
  /** Content script → background: open the explanation of a term (hover card link). */
  openTerm(data: { id: string }): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** True for a small non-negative integer: message fields are checked before use. */
export function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1e7;
}

/** Validates a report from a content script; anything else becomes null. */
export function parseReport(value: unknown): PageReport | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Partial<PageReport>;
  if (typeof r.url !== 'string' || typeof r.host !== 'string' || typeof r.active !== 'boolean') return null;
  if (!isIndex(r.words) || !isIndex(r.total) || typeof r.counts !== 'object' || r.counts === null || !Array.isArray(r.occurrences)) return null;
  const occurrences = r.occurrences.filter(
    (o) => typeof o === 'object' && o !== null && isIndex(o.index) && typeof o.term === 'string' && typeof o.category === 'string' && typeof o.text === 'string' && typeof o.sentence === 'string' && isIndex(o.start) && isIndex(o.end),
  );
  const counts: Record<string, number> = {};
  for (const [k, v] of Object.entries(r.counts)) if (isIndex(v)) counts[k] = v;
  return { url: r.url, host: r.host, active: r.active, words: r.words, total: r.total, counts, occurrences };
}
