import type { Category } from '../../../lib/lexicon/schema.ts';

/** A sample of a category's highlight: its colour, line style and line position, as on the page. */
export function LineSample({ category, text = 'Abc' }: { category: Category; text?: string }) {
  const line = category.line === 'under-over' ? 'underline overline' : category.line === 'over' ? 'overline' : 'underline';
  return (
    <span class="line-sample" aria-hidden="true" style={{ textDecoration: `${line} ${category.underline} ${category.colour}`, textDecorationThickness: '2px' }}>
      {text}
    </span>
  );
}

/** A category's name with its colour swatch and line sample: never colour alone. */
export function CategoryChip({ category }: { category: Category }) {
  return (
    <span class="chip" data-category={category.id}>
      <span class="swatch" aria-hidden="true" style={{ background: category.colour }} />
      <LineSample category={category} />
      <span>{category.label}</span>
    </span>
  );
}

/** Every category with its swatch, line sample, name and one line on what it covers. */
export function Legend({ categories }: { categories: readonly Category[] }) {
  return (
    <ul class="legend">
      {categories.map((c) => (
        <li key={c.id} data-category={c.id}>
          <CategoryChip category={c} />
          <span class="legend-text">{c.description}</span>
        </li>
      ))}
    </ul>
  );
}
