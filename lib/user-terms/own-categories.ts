import type { Category } from '../lexicon/schema.ts';

/**
 * The looks a reader's own categories take: four slots, each with a colour at least 3:1 on white
 * and on a dark page and a line over the text (solid, dashed, dotted, double) that no lexicon
 * category uses, so colour is never the only cue. Their `::highlight()` rules ship in the
 * generated highlights.css like the lexicon's; the reader names the category.
 */
export const OWN_CATEGORY_SLOTS = [
  { id: 'yours-1', colour: '#007C89', underline: 'solid', line: 'over' },
  { id: 'yours-2', colour: '#8A5A9E', underline: 'dashed', line: 'over' },
  { id: 'yours-3', colour: '#687000', underline: 'dotted', line: 'over' },
  { id: 'yours-4', colour: '#93600A', underline: 'double', line: 'over' },
] as const satisfies readonly Pick<Category, 'id' | 'colour' | 'underline' | 'line'>[];

export type OwnCategoryId = (typeof OWN_CATEGORY_SLOTS)[number]['id'];

/** A category the reader made: a slot and their name for it. */
export interface OwnCategory {
  id: OwnCategoryId;
  label: string;
}

export const OWN_CATEGORY_IDS: ReadonlySet<string> = new Set(OWN_CATEGORY_SLOTS.map((s) => s.id));

/** The reader's categories as full categories (colour and line from their slot), for pages that list categories. */
export function ownCategoryList(own: readonly OwnCategory[]): Category[] {
  return own.map((c) => {
    const slot = OWN_CATEGORY_SLOTS.find((s) => s.id === c.id)!;
    return { id: c.id, label: c.label, description: 'A category you made for your own terms.', colour: slot.colour, underline: slot.underline, line: slot.line };
  });
}

/** The first slot no category of the reader takes, or null when all four are taken. */
export function freeSlot(own: readonly OwnCategory[]): OwnCategoryId | null {
  return OWN_CATEGORY_SLOTS.find((s) => !own.some((c) => c.id === s.id))?.id ?? null;
}
