import { useOpen } from '../navigation.ts';
import type { PopupModel } from '../model.ts';
import { CategoryChip, Legend } from './category-chip.tsx';
import { CorpusNote } from './corpus-note.tsx';
import { ExportBar } from './export-bar.tsx';

/** The page view: the summary with its chart, then the terms found grouped by category, then the legend. */
export function PageView({ model }: { model: PopupModel }) {
  const open = useOpen(model);
  const state = model.page.value;
  const lexicon = model.lexicon;
  const glossaryLink = (
    <button type="button" class="link" data-focus-key="to-glossary" onClick={() => model.select({ name: 'glossary' })}>
      glossary
    </button>
  );
  if (state.kind === 'loading') return <p class="state" role="status">Reading this page…</p>;
  if (state.kind === 'reloading') return <p class="state" role="status">Reloading the page…</p>;
  if (state.kind === 'unavailable') {
    return (
      <div class="state">
        <p role="status">{state.reason}</p>
        {state.reloadable && (
          <p>
            <button type="button" class="primary" onClick={() => void model.reloadTab()}>Reload the page</button>
          </p>
        )}
        <p>You can still browse the {glossaryLink}.</p>
      </div>
    );
  }
  const { report } = state;
  const s = model.settings.value;
  if (!report.active) {
    return (
      <div class="state">
        <p role="status">{s.enabled ? `Framing Lens is off on ${model.site.value}.` : 'Framing Lens is switched off.'}</p>
        <button type="button" class="primary" onClick={() => (s.enabled ? model.setSite(true) : model.setEnabled(true))}>
          {s.enabled ? 'Turn it on for this site' : 'Turn Framing Lens on'}
        </button>
      </div>
    );
  }
  const summary = model.summary.value!;
  const hiddenCount = s.disabledCategories.length;
  if (summary.total === 0) {
    return (
      <div class="state">
        <p role="status">
          No framing terms from the lexicon on this page ({report.words.toLocaleString('en')} words scanned)
          {hiddenCount > 0 ? `, with ${hiddenCount} ${hiddenCount === 1 ? 'category' : 'categories'} hidden in Settings` : ''}.
        </p>
        <p>Browse the {glossaryLink} to see what Framing Lens looks for.</p>
        <details class="legend-box">
          <summary>What the colours and lines mean</summary>
          <Legend categories={lexicon.categories} />
        </details>
      </div>
    );
  }
  const max = Math.max(...summary.bars.flatMap((b) => [b.density, ...Object.values(b.reference)]), 0.1);
  const corpusBars = summary.corpora;
  return (
    <div>
      <section class="summary" aria-labelledby="summary-title">
        <h2 id="summary-title" tabIndex={-1} class="sr-only">Summary of this page</h2>
        <p class="figures" data-testid="summary">
          <strong>{summary.total}</strong> framing {summary.total === 1 ? 'term' : 'terms'} in <strong>{summary.categories}</strong> {summary.categories === 1 ? 'category' : 'categories'} ·{' '}
          <strong>{summary.density}</strong> per 1,000 words
        </p>
        <p class="small muted" data-testid="reference">
          For comparison: {corpusBars.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ' · '}
              {c.label.replace(/ corpus$/, '')} {c.density}
            </span>
          ))}{' '}
          per 1,000 words{hiddenCount > 0 ? ` (${hiddenCount} hidden ${hiddenCount === 1 ? 'category' : 'categories'} left out)` : ''}.
        </p>
        <figure class="chart" aria-labelledby="chart-caption">
          <figcaption id="chart-caption" class="small muted">
            Terms per 1,000 words by category. <span class="key key-page" aria-hidden="true" /> this page
            {corpusBars.map((c, i) => (
              <span key={c.id}>
                {' · '}
                <span class={`key key-ref key-ref-${i}`} aria-hidden="true" /> {c.label.replace(/ corpus$/, '').toLowerCase()}
              </span>
            ))}
          </figcaption>
          <ul class="rows">
            {summary.bars.map((b) => (
              <li class="row" key={b.id}>
                <span class="row-label">
                  <span class="swatch" aria-hidden="true" style={{ background: b.colour }} />
                  <span>{b.label}</span>
                  <span class="row-count">
                    {b.count} <span class="sr-only">on this page, {b.density} per 1,000 words; {corpusBars.map((c) => `${c.label} ${b.reference[c.id] ?? 0}`).join(', ')}</span>
                  </span>
                </span>
                <span class="bars" aria-hidden="true">
                  <span class="bar page" style={{ width: `${(b.density / max) * 100}%`, background: b.colour }} />
                  {corpusBars.map((c, i) => (
                    <span key={c.id} class={`bar ref ref-${i}`} style={{ width: `${((b.reference[c.id] ?? 0) / max) * 100}%`, borderColor: b.colour }} />
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </figure>
        <CorpusNote lexicon={lexicon} />
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
                {off && <span class="muted small"> (hidden in Settings)</span>}
              </h3>
              <ul class="terms">
                {group.terms.map((t) => (
                  <li key={t.id}>
                    <button type="button" class="term" data-focus-key={`term:${t.id}`} onClick={() => open({ name: 'term', id: t.id })}>
                      <span class="term-label">{t.label}</span>
                      <span class="count" aria-label={`${t.count} on this page`}>{t.count}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </section>
      <ExportBar model={model} />
      {model.surface === 'popup' && model.hasPanel() && (
        <p class="panel-link">
          <button type="button" class="secondary" onClick={() => model.openPanel()}>Open the side panel</button>{' '}
          <span class="small muted">every highlight in page order, beside the page</span>
          {model.panelError.value && <span class="block small" role="alert">{model.panelError.value}</span>}
        </p>
      )}
      <details class="legend-box">
        <summary>What the colours and lines mean</summary>
        <p class="small">A highlight marks framing: a phrase that carries a point of view. It does not say the sentence is false or the writer is wrong.</p>
        <Legend categories={lexicon.categories} />
      </details>
    </div>
  );
}
