import type { PopupModel } from '../model.ts';
import { CategoryChip } from './category-chip.tsx';

/** The page view: the summary with its chart, then the terms found grouped by category. */
export function PageView({ model }: { model: PopupModel }) {
  const state = model.page.value;
  if (state.kind === 'loading') return <p class="state" role="status">Reading this page…</p>;
  if (state.kind === 'unavailable') {
    return (
      <div class="state" role="status">
        <p>{state.reason}</p>
        <p>
          You can still browse the <button type="button" class="link" onClick={() => model.open({ name: 'glossary' })}>glossary</button>.
        </p>
      </div>
    );
  }
  const { report } = state;
  const s = model.settings.value;
  if (!report.active) {
    return (
      <div class="state" role="status">
        <p>{s.enabled ? `Framing Lens is off on ${model.site.value}.` : 'Framing Lens is switched off.'}</p>
        <button type="button" class="primary" onClick={() => (s.enabled ? model.setSite(true) : model.setEnabled(true))}>
          {s.enabled ? 'Turn it on for this site' : 'Turn Framing Lens on'}
        </button>
      </div>
    );
  }
  const summary = model.summary.value!;
  const lexicon = model.lexicon;
  if (summary.total === 0) {
    return (
      <div class="state" role="status">
        <p>No framing terms from the lexicon on this page ({report.words.toLocaleString('en')} words scanned).</p>
        <p>
          Browse the <button type="button" class="link" onClick={() => model.open({ name: 'glossary' })}>glossary</button> to see what Framing Lens looks for.
        </p>
      </div>
    );
  }
  const max = Math.max(...summary.bars.map((b) => Math.max(b.density, b.corpusDensity)), 0.1);
  return (
    <div>
      <section class="summary" aria-labelledby="summary-title">
        <h2 id="summary-title" class="sr-only">Summary</h2>
        <p class="figures" data-testid="summary">
          <strong>{summary.total}</strong> framing {summary.total === 1 ? 'term' : 'terms'} in <strong>{summary.categories}</strong> {summary.categories === 1 ? 'category' : 'categories'} ·{' '}
          <strong>{summary.density}</strong> per 1,000 words <span class="muted">(corpus: {summary.corpusDensity})</span>
        </p>
        <figure class="chart" aria-label="Terms per 1,000 words by category, this page against the corpus">
          {summary.bars.map((b) => (
            <div class="row" key={b.id}>
              <span class="row-label" title={b.label}>{b.label}</span>
              <span class="bars">
                <span class="bar page" style={{ width: `${(b.density / max) * 100}%`, background: b.colour }} title={`this page: ${b.density} per 1,000 words (${b.count})`} />
                <span class="bar corpus" style={{ width: `${(b.corpusDensity / max) * 100}%`, borderColor: b.colour }} title={`corpus: ${b.corpusDensity} per 1,000 words`} />
              </span>
              <span class="row-count">{b.count}</span>
            </div>
          ))}
          <figcaption class="muted">Solid: this page · outline: the corpus (per 1,000 words)</figcaption>
        </figure>
      </section>
      <section aria-labelledby="found-title">
        <h2 id="found-title">Terms on this page</h2>
        {model.found.value.map((group) => {
          const category = lexicon.categories.find((c) => c.id === group.category)!;
          const off = s.disabledCategories.includes(category.id);
          return (
            <div class="group" key={group.category}>
              <h3>
                <CategoryChip category={category} />
                {off && <span class="muted"> (hidden)</span>}
              </h3>
              <ul class="terms">
                {group.terms.map((t) => (
                  <li key={t.id}>
                    <button type="button" class="term" onClick={() => model.open({ name: 'term', id: t.id })}>
                      <span>{t.label}</span>
                      <span class="count" aria-label={`${t.count} on this page`}>{t.count}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </section>
    </div>
  );
}
