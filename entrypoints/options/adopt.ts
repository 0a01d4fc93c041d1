import { signal } from '@preact/signals';

/** A candidate phrase the reader chose to adopt: the "Add a term" form takes it (and the time, so the same phrase can be adopted twice). */
export const adopted = signal<{ phrase: string; at: number } | null>(null);
