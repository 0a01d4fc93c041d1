import type { TextRun } from './collect-runs.ts';

/** DOM boundary points of a span of a run: what `new StaticRange()` takes. */
export interface DomSpan {
  startContainer: Text;
  startOffset: number;
  endContainer: Text;
  endOffset: number;
}

/** The text node holding run offset `at` (the last node starting at or before it). O(log nodes). */
function locate(run: TextRun, at: number, preferEnd: boolean): [Text, number] {
  const { offsets, nodes } = run;
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! < at || (!preferEnd && offsets[mid]! === at)) lo = mid;
    else hi = mid - 1;
  }
  return [nodes[lo]!, at - offsets[lo]!];
}

/**
 * Maps `[start, end)` of a run's text back to DOM positions: the start lands at the beginning of
 * the node that holds the first character, the end at the end of the node that holds the last one,
 * so a range never begins or ends in a neighbouring empty or whitespace node.
 */
export function toDomSpan(run: TextRun, start: number, end: number): DomSpan {
  const [startContainer, startOffset] = locate(run, start, false);
  const [endContainer, endOffset] = locate(run, end, true);
  return { startContainer, startOffset, endContainer, endOffset };
}
