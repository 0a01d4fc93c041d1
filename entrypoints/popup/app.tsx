import { useEffect, useRef } from 'preact/hooks';
import { tabAfterKey } from '../../lib/ui/tabs.ts';
import { Glossary } from './components/glossary.tsx';
import { OccurrenceList } from './components/occurrence-list.tsx';
import { PageView } from './components/page-view.tsx';
import { SettingsPanel } from './components/settings-panel.tsx';
import { TermView } from './components/term-view.tsx';
import type { PopupModel } from './model.ts';

type TabName = 'page' | 'list' | 'glossary' | 'settings';
const POPUP_TABS: readonly { name: TabName; label: string }[] = [
  { name: 'page', label: 'This page' },
  { name: 'glossary', label: 'Glossary' },
  { name: 'settings', label: 'Settings' },
];
/** The side panel leads with the list of highlights; the summary is one tab away. */
const PANEL_TABS: readonly { name: TabName; label: string }[] = [
  { name: 'list', label: 'Highlights' },
  { name: 'page', label: 'Summary' },
  { name: 'glossary', label: 'Glossary' },
  { name: 'settings', label: 'Settings' },
];

/** Applies the model's landing after a view change: top of the new view with focus on its heading, or back where the reader was. */
export function useLanding(model: PopupModel) {
  const landing = model.landing.value;
  const view = model.view.value;
  useEffect(() => {
    if (landing.kind === 'none') return;
    const scroller = document.scrollingElement ?? document.documentElement;
    if (landing.kind === 'top') {
      scroller.scrollTop = 0;
      document.querySelector<HTMLElement>('main h2[tabindex="-1"]')?.focus({ preventScroll: true });
    } else {
      // The list may render in a later frame (explanations load lazily): restore once it is tall enough.
      const restore = () => {
        scroller.scrollTop = landing.place.scrollTop;
        const key = landing.place.focus;
        const target = key ? document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`) : null;
        target?.focus({ preventScroll: true });
      };
      restore();
      requestAnimationFrame(restore);
    }
    model.landing.value = { kind: 'none' };
  }, [landing, view]);
}

/** The view the model is on. */
export function Views({ model }: { model: PopupModel }) {
  const view = model.view.value;
  if (view.name === 'page') return <PageView model={model} />;
  if (view.name === 'list') return <OccurrenceList model={model} />;
  if (view.name === 'glossary') return <Glossary model={model} />;
  if (view.name === 'settings') return <SettingsPanel model={model} />;
  return <TermView model={model} id={view.id} />;
}

/** A toast with the last undoable change. */
export function Undo({ model }: { model: PopupModel }) {
  const undo = model.undo.value;
  if (!undo) return null;
  return (
    <div class="toast" role="status">
      <span>{undo.text}</span>
      <button type="button" class="link" onClick={() => void undo.run()}>Undo</button>
    </div>
  );
}

/** The popup (three tabs: page, glossary, settings) or the side panel (the highlights first), and the term view opened from any tab. */
export function App({ model }: { model: PopupModel }) {
  useLanding(model);
  const TABS = model.surface === 'panel' ? PANEL_TABS : POPUP_TABS;
  const view = model.view.value;
  const current = view.name === 'term' ? null : view.name;
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, index: number) => {
    const next = tabAfterKey(e.key, index, TABS.length);
    if (next === null) return;
    e.preventDefault();
    model.select({ name: TABS[next]!.name });
    tabs.current[next]?.focus();
  };
  // A term opened from a tab keeps that tab marked as the one the reader is in.
  const selected = current ?? TABS[0]!.name;
  return (
    <div class={`popup surface-${model.surface}`}>
      <header class="masthead">
        <h1>Framing Lens</h1>
        <div class="tabs" role="tablist" aria-label="Sections">
          {TABS.map((t, i) => {
            const on = selected === t.name && current !== null;
            return (
              <button
                type="button"
                role="tab"
                id={`tab-${t.name}`}
                key={t.name}
                ref={(el) => void (tabs.current[i] = el)}
                aria-selected={on}
                aria-controls="panel"
                tabIndex={selected === t.name ? 0 : -1}
                class={on ? 'tab on' : 'tab'}
                onClick={() => model.select({ name: t.name })}
                onKeyDown={(e) => onKey(e, i)}
              >
                {t.label}
              </button>
            );
          })}
        </div>
      </header>
      <main>
        <div id="panel" role={current ? 'tabpanel' : undefined} aria-labelledby={current ? `tab-${current}` : undefined}>
          <Views model={model} />
        </div>
      </main>
      <Undo model={model} />
    </div>
  );
}
