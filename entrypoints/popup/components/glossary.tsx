import type { PopupModel } from '../model.ts';
import { CategoryChip } from './category-chip.tsx';

/** Every term family, searchable and grouped by category: the pocket glossary. */
export function Glossary({ model }: { model: PopupModel }) {
  const lexicon = model.lexicon;
  const ids = new Set(model.results.value);
  const counts = model.report.value?.counts ?? {};
  return (
    <section aria-labelledby="glossary-title">
      <h2 id="glossary-title" class="sr-only">Glossary</h2>
      <label class="search">
        <span class="sr-only">Search the lexicon</span>
        <input type="search" placeholder={`Search ${lexicon.terms.length} terms…`} value={model.query.value} onInput={(e) => (model.query.value = (e.target as HTMLInputElement).value)} />
      </label>
      <p class="muted" role="status">{ids.size} of {lexicon.terms.length} terms</p>
      {lexicon.categories.map((c) => {
        const terms = lexicon.terms.filter((t) => t.category === c.id && ids.has(t.id));
        if (terms.length === 0) return null;
        return (
          <div class="group" key={c.id}>
            <h3><CategoryChip category={c} /></h3>
            <p class="muted small">{c.description}</p>
            <ul class="terms">
              {terms.map((t) => (
                <li key={t.id}>
                  <button type="button" class="term" onClick={() => model.open({ name: 'term', id: t.id })}>
                    <span>
                      {t.label}
                      <span class="small muted block">{t.gloss}</span>
                    </span>
                    {(counts[t.id] ?? 0) > 0 && <span class="count" aria-label={`${counts[t.id]} on this page`}>{counts[t.id]}</span>}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
