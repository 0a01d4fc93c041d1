import { render } from 'preact';
import { browser } from 'wxt/browser';
import { loadGlossary, reloadWhenOwnDataChanges } from '../popup/own-terms.ts';
import { onMessage } from '../../lib/ext/protocol.ts';
import type { FullLexicon } from '../../lib/lexicon/schema.ts';
import { isTabId } from '../../lib/report/page-report.ts';
import { Undo, useLanding, Views } from '../popup/app.tsx';
import { createPopupModel, type PopupModel } from '../popup/model.ts';
import '../popup/style.css';

/**
 * The explanation tab: one reused, full-width tab where "Explain" on the page's card opens a
 * term (the background finds it again rather than opening a new one). It reads the report of the
 * tab the reader came from (`?tabId=`), so the term's occurrences there are one click away.
 */
function ExplainApp({ model }: { model: PopupModel }) {
  useLanding(model);
  return (
    <div class="popup surface-explain">
      <header class="masthead">
        <h1>Framing Lens <span class="muted">· explanations</span></h1>
        <nav aria-label="Explanations">
          <button type="button" class="link" onClick={() => model.select({ name: 'glossary' })}>All terms</button>
        </nav>
      </header>
      <main>
        <Views model={model} />
      </main>
      <Undo model={model} />
    </div>
  );
}

const loadFull = () => import('../../lexicon/generated/lexicon.json').then((m) => m.default as FullLexicon);
const { glossary, ...own } = await loadGlossary();
const model = createPopupModel(glossary, loadFull, browser, new URL(location.href), 'explain', own);
// The background reuses this tab: "Explain" on a card sends the term here.
onMessage('showTerm', async ({ data }) => {
  if (typeof data?.id !== 'string' || !model.lexicon.terms.some((t) => t.id === data.id)) return false;
  const source = isTabId(data.tabId) ? data.tabId : null;
  const url = new URL(location.href);
  if (source === null) url.searchParams.delete('tabId');
  else url.searchParams.set('tabId', String(source));
  url.hash = `term=${data.id}`;
  history.replaceState(null, '', url);
  model.open({ name: 'term', id: data.id });
  void model.setTab(source);
  const me = await browser.tabs.getCurrent();
  if (me?.id !== undefined) await browser.tabs.update(me.id, { active: true });
  if (me?.windowId !== undefined) await browser.windows?.update(me.windowId, { focused: true }).catch(() => undefined);
  return true;
});
reloadWhenOwnDataChanges();
render(<ExplainApp model={model} />, document.getElementById('app')!);
void model.load();
