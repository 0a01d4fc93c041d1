import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Voice } from '../../../lib/lexicon/schema.ts';
import { listOccurrences } from '../../../lib/report/occurrence-list.ts';
import { VOICE_WORDS } from '../../../lib/report/voices.ts';
import type { PopupModel } from '../model.ts';
import { useOpen } from '../navigation.ts';
import { CategoryChip } from './category-chip.tsx';
import { MarkedSentence } from './marked-sentence.tsx';
import { PageView } from './page-view.tsx';

/** The voice of every occurrence of the report, read once the list is up (the voice reader loads compromise). */
function useVoices(model: PopupModel): Voice[] | null {
  const report = model.report.value;
  const [voices, setVoices] = useState<{ of: unknown; list: Voice[] } | null>(null);
  useEffect(() => {
    if (!report || report.occurrences.length === 0) return;
    let live = true;
    void import('../../../lib/report/classify-voice.ts').then(({ classifyVoice }) => {
      if (live) setVoices({ of: report, list: report.occurrences.map((o) => classifyVoice(o.sentence, o.start, o.end)) });
    });
    return () => void (live = false);
  }, [report]);
  return voices && voices.of === report ? voices.list : null;
}

/**
 * The side panel's list: every highlight of the page in document order with its sentence, term,
 * category and voice; filters by category and by voice; a click scrolls the page to it and makes
 * it the current highlight; the term opens its explanation here in the panel.
 */
export function OccurrenceList({ model }: { model: PopupModel }) {
  const open = useOpen(model);
  const voices = useVoices(model);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const state = model.page.value;
  const report = model.report.value;
  const settings = model.settings.value;
  const filter = model.listFilter.value;
  const lexicon = model.lexicon;
  const list = useMemo(
    () => (report ? listOccurrences(report.occurrences, voices, filter, { hidden: new Set(settings.disabledCategories), categoryOrder: lexicon.categories.map((c) => c.id) }) : null),
    [report, voices, filter, settings.disabledCategories, lexicon],
  );
  if (state.kind === 'ready' && state.partial) return <p class="muted" role="status">Reading the highlights of this page…</p>;
  // Loading, unavailable, switched off, nothing found: the page view says it and offers what to do.
  if (state.kind !== 'ready' || !report || !list || !report.active || list.total === 0) return <PageView model={model} />;

  const labelOf = new Map(lexicon.terms.map((t) => [t.id, t.label]));
  const categoryOf = new Map(lexicon.categories.map((c) => [c.id, c]));
  const picked = model.picked.value;
  const toggleCategory = (id: string, on: boolean) => {
    const now = new Set(filter.categories);
    if (on) now.add(id);
    else now.delete(id);
    model.listFilter.value = { ...filter, categories: lexicon.categories.map((c) => c.id).filter((c) => now.has(c)) };
  };
  const capped = report.total > report.occurrences.length;
  return (
    <div class="occurrence-list">
      <h2 id="list-title" tabIndex={-1}>Highlights in page order</h2>
      <p class="small muted" data-testid="list-count" role="status">
        {list.rows.length === list.total ? `${list.total} ${list.total === 1 ? 'highlight' : 'highlights'}` : `Showing ${list.rows.length} of ${list.total} highlights`}
        {capped ? ` (the first ${report.occurrences.length.toLocaleString('en')} of ${report.total.toLocaleString('en')} on the page are listed)` : ''}. Pick one to see it in the page.
      </p>
      <details class="filters" open={filtersOpen} onToggle={(e) => setFiltersOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary data-testid="filter-summary">
          Filters: {filter.categories.length === 0 ? 'all categories' : `${filter.categories.length} ${filter.categories.length === 1 ? 'category' : 'categories'}`}, {filter.voice === 'all' ? 'all voices' : VOICE_WORDS[filter.voice]}
        </summary>
        <fieldset>
          <legend>Categories</legend>
          {list.categories.map((c) => (
            <label key={c.value} class="filter">
              <input type="checkbox" checked={filter.categories.includes(c.value)} onChange={(e) => toggleCategory(c.value, (e.target as HTMLInputElement).checked)} />
              {categoryOf.has(c.value) ? <CategoryChip category={categoryOf.get(c.value)!} /> : <span>{c.value}</span>}
              <span class="count">{c.count}</span>
            </label>
          ))}
          <p class="small muted">{filter.categories.length === 0 ? 'None ticked: every category is shown.' : ''}</p>
        </fieldset>
        <label class="voice-filter">
          Voice{' '}
          <select
            value={filter.voice}
            disabled={voices === null}
            onChange={(e) => (model.listFilter.value = { ...filter, voice: (e.target as HTMLSelectElement).value as Voice | 'all' })}
          >
            <option value="all">{voices === null ? 'Reading the voices…' : 'All voices'}</option>
            {list.voices.map((v) => (
              <option key={v.value} value={v.value}>
                {VOICE_WORDS[v.value]} ({v.count})
              </option>
            ))}
          </select>
        </label>
      </details>
      {list.rows.length === 0 ? (
        <p class="state" role="status">No highlight matches these filters.</p>
      ) : (
        <ol class="hits" aria-labelledby="list-title">
          {list.rows.map(({ occurrence: o, voice, ofTerm }) => {
            // A category made after this page loaded (it reloads when it learns of it): named by its id meanwhile.
            const category = categoryOf.get(o.category) ?? { label: o.category, colour: 'currentColor' };
            const current = picked?.index === o.index && picked.frameId === o.frameId;
            return (
              <li key={`${o.frameId}:${o.index}`} class={current ? 'hit current' : 'hit'} style={{ borderLeftColor: category.colour }}>
                <button
                  type="button"
                  class="hit-sentence"
                  aria-current={current ? 'true' : undefined}
                  data-focus-key={`hit:${o.frameId}:${o.index}`}
                  onClick={() => void model.revealOccurrence(o, ofTerm)}
                >
                  <span class="sr-only">Show “{o.text}” in the page: </span>
                  <MarkedSentence sentence={o.sentence} start={o.start} end={o.end} />
                </button>
                <div class="hit-meta small">
                  <button type="button" class="link" data-focus-key={`hit-term:${o.frameId}:${o.index}`} onClick={() => open({ name: 'term', id: o.term })}>
                    {labelOf.get(o.term) ?? o.term}
                  </button>
                  <span class="muted"> · {category.label}</span>
                  <span class="tag">{voice ? VOICE_WORDS[voice] : 'voice…'}</span>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
