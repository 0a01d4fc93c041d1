import { render } from 'preact';
import { browser } from 'wxt/browser';
import { loadGlossary } from '../popup/own-terms.ts';
import type { FullLexicon } from '../../lib/lexicon/schema.ts';
import { Undo } from '../popup/app.tsx';
import { Legend } from '../popup/components/category-chip.tsx';
import { SettingsPanel } from '../popup/components/settings-panel.tsx';
import { DocumentsEditor } from './documents-editor.tsx';
import { OwnTermsEditor } from './own-terms-editor.tsx';
import { createPopupModel, type PopupModel } from '../popup/model.ts';
import '../popup/style.css';

/** The options page: every setting of the popup, the muted terms, the shortcuts and the legend, in a tab. */
function Options({ model }: { model: PopupModel }) {
  return (
    <div class="popup surface-options">
      <header class="masthead">
        <h1>Framing Lens <span class="muted">· settings</span></h1>
      </header>
      <main>
        <SettingsPanel model={model} />
        <OwnTermsEditor model={model} />
        <DocumentsEditor model={model} />
        <section aria-labelledby="legend-title">
          <h2 id="legend-title">What the colours and lines mean</h2>
          <p class="small">A highlight marks framing: a phrase that carries a point of view. It does not say the sentence is false or the writer is wrong.</p>
          <Legend categories={model.lexicon.categories} />
        </section>
        <p class="small">
          <a href={browser.runtime.getURL('/welcome.html')}>How to read Framing Lens</a> · <a href={browser.runtime.getURL('/explain.html')}>Browse the glossary</a>
        </p>
      </main>
      <Undo model={model} />
    </div>
  );
}

const loadFull = () => import('../../lexicon/generated/lexicon.json').then((m) => m.default as FullLexicon);
const { glossary, ...own } = await loadGlossary();
const model = createPopupModel(glossary, loadFull, browser, new URL(location.href), 'options', own);
render(<Options model={model} />, document.getElementById('app')!);
void model.load({ tab: false });
