import type { Place } from '../../lib/ui/history.ts';
import type { PopupModel, View } from './model.ts';

/** Where the reader is now: the document's scroll position and the focused control's key. */
export function currentPlace(): Place {
  const focused = document.activeElement?.closest<HTMLElement>('[data-focus-key]');
  return { scrollTop: document.scrollingElement?.scrollTop ?? 0, focus: focused?.dataset.focusKey ?? null };
}

/** Opens a view, remembering where the reader was (for Back). */
export function useOpen(model: PopupModel): (next: View) => void {
  return (next) => model.open(next, currentPlace());
}
