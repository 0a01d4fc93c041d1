import { render } from 'preact';
import { browser } from 'wxt/browser';
import { loadGlossary, reloadWhenOwnDataChanges } from '../popup/own-terms.ts';
import { onMessage } from '../../lib/ext/protocol.ts';
import type { FullLexicon } from '../../lib/lexicon/schema.ts';
import { App } from '../popup/app.tsx';
import { createPopupModel } from '../popup/model.ts';
import '../popup/style.css';

// The side panel (Chrome) or sidebar (Firefox): the popup's model on the 'panel' surface. It
// follows its window's active tab and lists every highlight in page order.
const loadFull = () => import('../../lexicon/generated/lexicon.json').then((m) => m.default as FullLexicon);
const { glossary, ...own } = await loadGlossary();
const model = createPopupModel(glossary, loadFull, browser, new URL(location.href), 'panel', own);
// "Explain this term" on the card of the tab this panel shows opens the explanation here.
onMessage('panelTerm', ({ data }) => {
  if (typeof data?.id !== 'string' || data.tabId !== model.tabId.value || !model.lexicon.terms.some((t) => t.id === data.id)) return false;
  model.open({ name: 'term', id: data.id });
  return true;
});
reloadWhenOwnDataChanges();
render(<App model={model} />, document.getElementById('app')!);
void model.load();
