import { countByCategory } from '../../../lib/report/page-report.ts';
import { mutedEntries } from '../../../lib/settings/settings.ts';
import { whereToChange } from '../../../lib/ui/shortcuts.ts';
import type { PopupModel } from '../model.ts';
import { CategoryChip } from './category-chip.tsx';

/** The keyboard shortcuts as the browser has them bound, and where to change them. */
export function Shortcuts({ model, browserName }: { model: PopupModel; browserName: 'chrome' | 'firefox' }) {
  const lines = model.shortcuts.value;
  return (
    <fieldset>
      <legend>Keyboard shortcuts</legend>
      {lines === null ? (
        <p class="small muted">Reading the shortcuts…</p>
      ) : (
        <ul class="shortcuts" data-testid="shortcuts">
          {lines.map((l) => (
            <li key={l.name}>
              <span>{l.description}</span>{' '}
              {l.keys ? (
                <span class="keys">{l.keys.map((k, i) => <span key={k}>{i > 0 && '+'}<kbd>{k}</kbd></span>)}</span>
              ) : (
                <span class="muted">not set</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <p class="small muted">{whereToChange(browserName)} In the page, Tab reaches highlighted links; the card opens on focus and Escape closes it.</p>
    </fieldset>
  );
}

/** The terms the reader muted, each with Unmute. */
export function MutedList({ model }: { model: PopupModel }) {
  const entries = mutedEntries(model.settings.value);
  const label = (id: string) => model.lexicon.terms.find((t) => t.id === id)?.label ?? id;
  return (
    <fieldset>
      <legend>Muted terms</legend>
      {entries.length === 0 ? (
        <p class="small muted">None. Mute a term from its explanation or from the card on the page.</p>
      ) : (
        <ul class="muted-list" data-testid="muted-list">
          {entries.map((e) => (
            <li key={`${e.site ?? '*'}:${e.id}`}>
              <span>
                {label(e.id)} <span class="muted small">{e.site ? `on ${e.site}` : 'everywhere'}</span>
              </span>
              <button type="button" class="secondary" onClick={() => void model.mute(e.id, e.site, false)} aria-label={`Unmute ${label(e.id)} ${e.site ? `on ${e.site}` : 'everywhere'}`}>
                Unmute
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** Switches: master, per category (with swatch and count here), this site, badge, style; muted terms and shortcuts. */
export function SettingsPanel({ model, browserName = import.meta.env.BROWSER === 'firefox' ? 'firefox' : 'chrome' }: { model: PopupModel; browserName?: 'chrome' | 'firefox' }) {
  const s = model.settings.value;
  const lexicon = model.lexicon;
  const report = model.report.value;
  const counts = report ? countByCategory(lexicon, report.counts) : {};
  const site = model.site.value;
  return (
    <form class="settings" onSubmit={(e) => e.preventDefault()}>
      <h2 id="settings-title" tabIndex={-1} class="sr-only">Settings</h2>
      <fieldset>
        <legend>Framing Lens</legend>
        <label class="switch">
          <input type="checkbox" checked={s.enabled} onChange={(e) => model.setEnabled((e.target as HTMLInputElement).checked)} />
          Highlight framing terms
        </label>
        {site && (
          <label class="switch">
            <input type="checkbox" checked={!s.disabledSites.includes(site)} onChange={(e) => model.setSite((e.target as HTMLInputElement).checked)} />
            On this site ({site})
          </label>
        )}
      </fieldset>
      <fieldset>
        <legend>Categories</legend>
        {lexicon.categories.map((c) => (
          <label class="switch category" key={c.id}>
            <input type="checkbox" data-category={c.id} checked={!s.disabledCategories.includes(c.id)} onChange={(e) => model.setCategory(c.id, (e.target as HTMLInputElement).checked)} />
            <CategoryChip category={c} />
            {report && <span class="count" aria-label={`${counts[c.id] ?? 0} on this page`}>{counts[c.id] ?? 0}</span>}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Display</legend>
        <label class="switch">
          <input type="checkbox" checked={s.badge} onChange={(e) => model.setBadge((e.target as HTMLInputElement).checked)} />
          Show the count on the toolbar button
        </label>
        <label class="switch">
          <input type="radio" name="style" checked={s.style === 'background'} onChange={() => model.setStyle('background')} />
          Tinted background
        </label>
        <label class="switch">
          <input type="radio" name="style" checked={s.style === 'underline'} onChange={() => model.setStyle('underline')} />
          Underline only
        </label>
      </fieldset>
      <MutedList model={model} />
      <Shortcuts model={model} browserName={browserName} />
      {model.surface === 'popup' && (
        <p class="small">
          <button type="button" class="link" onClick={() => void model.openOptions()}>All settings in a tab</button> ·{' '}
          <button type="button" class="link" onClick={() => void model.openGuide()}>How to read Framing Lens</button>
        </p>
      )}
      <p class="muted small">Nothing you read leaves your browser: Framing Lens makes no network requests.</p>
    </form>
  );
}
