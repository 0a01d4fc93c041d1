import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CardText } from '../lexicon/compiled.ts';
import type { CompiledOriginals } from '../match/originals.ts';
import type { SentReport } from '../report/page-report.ts';

/**
 * Every message between the parts of the extension, typed. Storage carries settings; messages
 * only ask questions.
 */
export interface ProtocolMap {
  /** Popup → content script of one frame: what did you find? With `occurrences: false`, counts only (the popup's first view). */
  getReport(data?: { occurrences?: boolean }): SentReport;
  /** Popup → content script: scroll to occurrence `index`, flash it and make it active. */
  reveal(data: { index: number }): boolean;
  /** Background → content script: move the active highlight to the next or previous one. */
  step(data: { delta: 1 | -1 }): boolean;
  /** Content script → background: this frame now has `count` terms (for the badge). */
  frameCount(data: { count: number }): void;
  /** Popup → background: frames of a tab that reported terms, top frame first. */
  getFrames(data: { tabId: number }): number[];
  /** Content script → background: what the hover card says of a family (null for an unknown id). */
  cardText(data: { id: string }): CardText | null;
  /** Content script → background: the compiled Chinese and Russian originals, asked for once a frame meets either script. */
  originals(): CompiledOriginals;
  /** Content script → background: open the explanation of a term (hover card link). */
  openTerm(data: { id: string }): void;
  /** Background → an open side panel: show this term if you are showing tab `tabId`; true when it did. */
  panelTerm(data: { id: string; tabId: number | null }): boolean;
  /** Background → an open explanation tab: show this term (read from tab `tabId`); true when it did. */
  showTerm(data: { id: string; tabId: number | null }): boolean;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
