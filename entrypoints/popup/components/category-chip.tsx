import type { Category } from '../../../lib/lexicon/schema.ts';

/** A category's name with its colour swatch and underline style: never colour alone. */
export function CategoryChip({ category }: { category: Category }) {
  return (
    <span class="chip" data-category={category.id}>
      <span class="swatch" aria-hidden="true" style={{ background: category.colour, borderBottomStyle: category.underline === 'wavy' || category.underline === 'double' ? 'double' : category.underline }} />
      {category.label}
    </span>
  );
}
