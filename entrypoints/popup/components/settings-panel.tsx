import { countByCategory } from '../../../lib/page/build-report.ts';
import type { PopupModel } from '../model.ts';

/** Switches: master, per category (with swatch and count here), this site, badge, style. */
export function SettingsPanel({ model }: { model: PopupModel }) {
  const s = model.settings.value;
  const lexicon = model.lexicon;
  const report = model.report.value;
  const counts = report ? countByCategory(lexicon, report.counts) : {};
  const site = model.site.value;
  return (
    <form class="settings" onSubmit={(e) => e.preventDefault()}>
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
          <label class="switch" key={c.id}>
            <input type="checkbox" data-category={c.id} checked={!s.disabledCategories.includes(c.id)} onChange={(e) => model.setCategory(c.id, (e.target as HTMLInputElement).checked)} />
            <span class="swatch" aria-hidden="true" style={{ background: c.colour }} />
            {c.label}
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
      <p class="muted small">Keyboard: Alt+Shift+N and Alt+Shift+P move between terms on the page. Nothing you read leaves your browser.</p>
    </form>
  );
}
