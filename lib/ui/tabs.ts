/**
 * Keyboard movement in a tab list (WAI-ARIA Authoring Practices, "Tabs" with automatic
 * activation): arrows move and wrap, Home and End go to the ends. Returns the tab to select, or
 * null when the key is not one of these.
 */
export function tabAfterKey(key: string, current: number, count: number, orientation: 'horizontal' | 'vertical' = 'horizontal'): number | null {
  if (count <= 0) return null;
  const next = orientation === 'horizontal' ? 'ArrowRight' : 'ArrowDown';
  const previous = orientation === 'horizontal' ? 'ArrowLeft' : 'ArrowUp';
  if (key === next) return (current + 1) % count;
  if (key === previous) return (current - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
