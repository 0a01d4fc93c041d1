/** Where the reader was in a view: how far it was scrolled and which control had focus. */
export interface Place {
  scrollTop: number;
  /** A stable key of the focused control (its `data-focus-key`), or null. */
  focus: string | null;
}

/** A view and the place the reader left it at. */
export interface Visit<V> {
  view: V;
  place: Place;
}

/**
 * The popup's back stack. Opening a view records where the reader left the current one; going
 * back returns to that view at the same scroll position with the same control focused. A view
 * is never stacked on itself.
 */
export function createHistory<V>(first: V, same: (a: V, b: V) => boolean = (a, b) => JSON.stringify(a) === JSON.stringify(b)) {
  const stack: Visit<V>[] = [];
  let current = first;
  return {
    get current(): V {
      return current;
    },
    get depth(): number {
      return stack.length;
    },
    /** Opens `view`, remembering `place` for the view being left. Returns false when `view` is already open. */
    open(view: V, place: Place): boolean {
      if (same(view, current)) return false;
      stack.push({ view: current, place });
      current = view;
      return true;
    },
    /** Switches to `view` as a new start (a tab), forgetting the stack. */
    reset(view: V): void {
      stack.length = 0;
      current = view;
    },
    /** Goes back; returns the visit to restore, or null when there is nothing to go back to. */
    back(): Visit<V> | null {
      const visit = stack.pop();
      if (!visit) return null;
      current = visit.view;
      return visit;
    },
  };
}
