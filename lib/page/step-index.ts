/**
 * The index `delta` steps from `current` among `count` matches in document order, wrapping around
 * and skipping those `isShown` rejects (a hidden category or a muted family); -1 when none is
 * shown. From `current` -1 (nothing selected yet) the first step forward lands on the first match,
 * the first step back on the last. O(count) at worst.
 */
export function stepIndex(count: number, current: number, delta: 1 | -1, isShown: (index: number) => boolean): number {
  const from = current < 0 ? (delta === 1 ? -1 : 0) : current;
  for (let i = 1; i <= count; i++) {
    const index = (((from + delta * i) % count) + count) % count;
    if (isShown(index)) return index;
  }
  return -1;
}
