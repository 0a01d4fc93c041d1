import type { PopupModel } from '../model.ts';
import { useOpen } from '../navigation.ts';
import { CategoryChip } from './category-chip.tsx';

/** Every term family, searchable (names, patterns, glosses and, once loaded, explanations) and grouped by category. */
export function Glossary({ model }: { model: PopupModel }) {
  const open = useOpen(model);
  const lexicon = model.lexicon;
  const ids = new Set(model.results.value);
  const counts = model.report.value?.counts ?? {};
  const query = model.query.value.trim();
  return (
    <section aria-labelledby="glossary-title">
      <h2 id="glossary-title" tabIndex={-1} class="sr-only">Glossary</h2>
      <label class="search">
        <span class="sr-only">Search the lexicon</span>
        <input type="search" placeholder={`Search ${lexicon.terms.length} terms, people, places…`} value={model.query.value} onInput={(e) => (model.query.value = (e.target as HTMLInputElement).value)} />
      </label>
      <p class="muted small" role="status">
        {ids.size} of {lexicon.terms.length} terms{query && !model.full.value ? ' (names and glosses; explanations still loading)' : ''}
      </p>
      {ids.size === 0 && (
        <div class="no-results">
          <p>Nothing in the lexicon matches “{query}”.</p>
          <ul class="small">
            <li>Try one word of the phrase (“hegemony”, “bloc”) or a place or person (“Taiwan”, “NATO”): the search reads the explanations too.</li>
            <li>The lexicon covers the framing vocabulary of international affairs, not every political word.</li>
          </ul>
          <button type="button" class="secondary" onClick={() => (model.query.value = '')}>Clear the search</button>
        </div>
      )}
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
                  <button type="button" class="term" data-focus-key={`term:${t.id}`} onClick={() => open({ name: 'term', id: t.id })}>
                    <span>
                      <span class="term-label">{t.label}</span>
                      {t.reading === 'standard' && <span class="tag">standard wording</span>}
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
