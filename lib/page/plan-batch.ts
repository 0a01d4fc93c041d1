import { blockOf, isInline } from './collect-runs.ts';
import { ELEMENT_NODE, TEXT_NODE } from './node-types.ts';

/** What a batch of mutation records asks the scanner to do. */
export interface BatchPlan {
  /** So many nodes changed that rescanning the page is cheaper than following them. */
  rescan: boolean;
  /** Blocks to rescan (each with its descendants); outer and inner blocks may both be listed. */
  dirty: Set<Node>;
  /** Something left the document or changed inline: tracked blocks that left must be dropped. */
  removed: boolean;
}

/** The mutation record fields a plan reads (real records and test tables alike). */
export type BatchRecord = Pick<MutationRecord, 'type' | 'target' | 'addedNodes' | 'removedNodes' | 'previousSibling' | 'nextSibling'>;

/**
 * True when content a block would split lies on one side of a position among siblings: the first
 * sibling from `node` on (towards the end when `forward`) that is not whitespace-only text or a
 * comment is visible text or an inline element. "<b>US-led</b> <p>…</p> <b>alliance</b>": the
 * spaces next to the paragraph do not count, the bold words do.
 */
export function inlineBeside(node: Node | null, forward: boolean): boolean {
  for (let n = node; n; n = forward ? n.nextSibling : n.previousSibling) {
    if (n.nodeType === TEXT_NODE) {
      if (/\S/.test((n as Text).data)) return true;
    } else if (n.nodeType === ELEMENT_NODE) return isInline(n as Element);
  }
  return false;
}

/** How many nodes a batch touches: every added and removed node, and one per text or attribute change. */
export function batchSize(records: readonly BatchRecord[]): number {
  let n = 0;
  for (const r of records) n += r.type === 'childList' ? r.addedNodes.length + r.removedNodes.length : 1;
  return n;
}

/**
 * Turns a batch of mutation records into the blocks to rescan.
 *
 * - Text edits and inline changes dirty their nearest block.
 * - An added block element is dirty itself, so appending paragraphs one by one costs one
 *   paragraph each; a block added or removed between inline content splits or joins its parent's
 *   runs, so the parent is dirty too (between blocks, a list growing, only the new block is).
 * - An attribute change (`hidden`, `contenteditable`) dirties the element, or its block when inline.
 * - Over `threshold` touched nodes (not records: one `replaceChildren` of 10,000 nodes is one
 *   record), the page is rescanned instead.
 */
export function planBatch(records: readonly BatchRecord[], threshold: number): BatchPlan {
  const dirty = new Set<Node>();
  if (batchSize(records) > threshold) return { rescan: true, dirty, removed: true };
  let removed = false;
  for (const record of records) {
    if (record.type === 'characterData') {
      dirty.add(blockOf(record.target));
      continue;
    }
    if (record.type === 'attributes') {
      const el = record.target as Element;
      dirty.add(isInline(el) ? blockOf(el) : el);
      if (isInline(el)) removed = true;
      continue;
    }
    // Inside an inline element, any block is inside its block's run.
    const target = record.target;
    const besideInline = (target.nodeType === ELEMENT_NODE && isInline(target as Element)) || inlineBeside(record.previousSibling, false) || inlineBeside(record.nextSibling, true);
    for (const node of record.addedNodes) {
      if (node.nodeType === ELEMENT_NODE && !isInline(node as Element)) {
        dirty.add(node);
        // The live siblings too: not every DOM fills the record's (happy-dom does not).
        if (besideInline || inlineBeside(node.previousSibling, false) || inlineBeside(node.nextSibling, true)) dirty.add(blockOf(target));
      } else if (node.nodeType === ELEMENT_NODE || node.nodeType === TEXT_NODE) dirty.add(blockOf(target));
    }
    if (record.removedNodes.length > 0) {
      removed = true;
      for (const node of record.removedNodes) {
        if (node.nodeType === TEXT_NODE || (node.nodeType === ELEMENT_NODE && isInline(node as Element)) || besideInline) dirty.add(blockOf(target));
      }
    }
  }
  return { rescan: false, dirty, removed };
}

/** The dirty blocks that no other dirty block contains, still in the document: the ones to rescan. */
export function outermost(dirty: ReadonlySet<Node>): Node[] {
  const out: Node[] = [];
  for (const block of dirty) {
    if (!block.isConnected) continue;
    let covered = false;
    for (let up = block.parentNode; up && !covered; up = up.parentNode) covered = dirty.has(up);
    if (!covered) out.push(block);
  }
  return out;
}
