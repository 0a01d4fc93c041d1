import type { PopupModel } from './model.ts';
import { Glossary } from './components/glossary.tsx';
import { PageView } from './components/page-view.tsx';
import { SettingsPanel } from './components/settings-panel.tsx';
import { TermView } from './components/term-view.tsx';

const TABS = [
  { name: 'page', label: 'This page' },
  { name: 'glossary', label: 'Glossary' },
  { name: 'settings', label: 'Settings' },
] as const;

/** The popup: three tabs (page, glossary, settings) and the term view opened from any of them. */
export function App({ model }: { model: PopupModel }) {
  const view = model.view.value;
  const current = view.name === 'term' ? null : view.name;
  return (
    <div class="popup">
      <header class="masthead">
        <h1>Framing Lens</h1>
        <nav class="tabs" role="tablist" aria-label="Sections">
          {TABS.map((t) => (
            <button type="button" role="tab" key={t.name} aria-selected={current === t.name} class={current === t.name ? 'tab on' : 'tab'} onClick={() => model.open({ name: t.name })}>
              {t.label}
            </button>
          ))}
        </nav>
      </header>
      <main id="main">
        {view.name === 'page' && <PageView model={model} />}
        {view.name === 'glossary' && <Glossary model={model} />}
        {view.name === 'settings' && <SettingsPanel model={model} />}
        {view.name === 'term' && <TermView model={model} id={view.id} />}
      </main>
    </div>
  );
}
