import { render } from 'preact';
import { browser } from 'wxt/browser';
import glossary from '../../lexicon/generated/glossary.json';
import type { FullLexicon, GlossaryLexicon } from '../../lib/lexicon/schema.ts';
import { Legend } from '../popup/components/category-chip.tsx';
import { Shortcuts } from '../popup/components/settings-panel.tsx';
import { createPopupModel, type PopupModel } from '../popup/model.ts';
import '../popup/style.css';

const lexicon = glossary as GlossaryLexicon;

/** A phrase painted as the content script paints it (tint and line of its family's category). */
function Painted({ id, children }: { id: string; children: string }) {
  const term = lexicon.terms.find((t) => t.id === id);
  const category = lexicon.categories.find((c) => c.id === term?.category);
  if (!category) return <>{children}</>;
  const line = category.line === 'under-over' ? 'underline overline' : 'underline';
  const tint = `${category.colour}47`; // .28 alpha, as highlights.css
  return (
    <mark class="painted" data-term={id} style={{ background: tint, textDecoration: `${line} ${category.underline} ${category.colour}`, textDecorationThickness: '2px' }}>
      {children}
    </mark>
  );
}

/** The first-run page: what a highlight means, how to read an explanation, the privacy promise. */
function Welcome({ model }: { model: PopupModel }) {
  const options = browser.runtime.getURL('/options.html');
  const explain = browser.runtime.getURL('/explain.html');
  return (
    <div class="popup surface-welcome">
      <header class="masthead">
        <h1>Welcome to Framing Lens</h1>
      </header>
      <main>
        <p class="lead">Framing Lens marks the vocabulary of international news that carries a point of view, and explains where each phrase comes from and what it takes for granted.</p>
        <section aria-labelledby="try">
          <h2 id="try">Try it</h2>
          <ol>
            <li>Open a news article or an official statement on international affairs.</li>
            <li>Tabs that were open before you installed Framing Lens need a reload.</li>
            <li>Point at a highlighted phrase (or reach it with Tab) for a short card; click the Framing Lens button in the toolbar for the whole page. In Chrome, pin it from the puzzle-piece menu so it stays in sight.</li>
          </ol>
        </section>
        <section aria-labelledby="means">
          <h2 id="means">What a highlight means</h2>
          <figure class="sample-figure">
            <blockquote class="sample" data-testid="sample">
              Chinese officials warn against a <Painted id="cold-war-mentality">Cold War mentality</Painted> and call for a <Painted id="multipolar-world">multipolar world</Painted>; American officials warn of China’s <Painted id="malign-influence">malign influence</Painted> and <Painted id="debt-trap-diplomacy">debt-trap diplomacy</Painted>.
            </blockquote>
            <figcaption class="small muted">An illustration written for this page, painted as Framing Lens paints a page.</figcaption>
          </figure>
          <p>
            A highlight marks <strong>framing, not falsehood</strong>: a phrase that presents the world from one side’s point of view. It does not say the sentence is false, the writer is wrong or the source is propaganda. Framing Lens carries the vocabulary of every side, as the example shows.
          </p>
          <p>Some words are framing only in international news (“hegemony”, “core interests”); Framing Lens highlights those only where the text around them is about international affairs, and the explanation says why it fired.</p>
        </section>
        <section aria-labelledby="read">
          <h2 id="read">How to read an explanation</h2>
          <dl class="explain">
            <dt>What it means · What it presupposes</dt>
            <dd>The plain sense of the phrase, then what a reader must already accept for it to make sense.</dd>
            <dt>Where it comes from</dt>
            <dd>A dated origin with the primary document it rests on, linked where the document is online.</dd>
            <dt>Who uses it · A neutral wording</dt>
            <dd>Which governments, media or scholars use it, and a descriptive way to say the same thing.</dd>
            <dt>Questions to ask</dt>
            <dd>Two or three questions to put to the text in front of you.</dd>
            <dt>In the corpora</dt>
            <dd>Annotated sentences from the texts the lexicon was learned from, tagged by voice: the author’s own words, a quotation, words attributed to someone, or words held at a distance (“so-called”).</dd>
          </dl>
        </section>
        <section aria-labelledby="legend-title">
          <h2 id="legend-title">The colours and lines</h2>
          <p class="small">Each category has a colour and its own line, so colour is never the only cue. Switch categories off in Settings; mute a single term from its card or explanation.</p>
          <Legend categories={lexicon.categories} />
        </section>
        <section aria-labelledby="keys">
          <h2 id="keys">Keyboard</h2>
          <Shortcuts model={model} browserName={import.meta.env.BROWSER === 'firefox' ? 'firefox' : 'chrome'} />
        </section>
        <section aria-labelledby="privacy">
          <h2 id="privacy">Privacy</h2>
          <p>Framing Lens reads the pages you visit inside your browser and nowhere else. It makes no network requests at all, keeps no history of what you read, and stores only your settings.</p>
        </section>
        <p>
          <a href={options}>Settings</a> · <a href={explain}>Browse the glossary</a>
        </p>
      </main>
    </div>
  );
}

const loadFull = () => import('../../lexicon/generated/lexicon.json').then((m) => m.default as FullLexicon);
const model = createPopupModel(lexicon, loadFull, browser, new URL(location.href), 'options');
render(<Welcome model={model} />, document.getElementById('app')!);
void model.load({ tab: false });
