import { useEffect, useState } from 'preact/hooks';
import { ORIGINAL_LANGUAGES } from '../../../lib/lexicon/compiled.ts';
import type { Term, Voice } from '../../../lib/lexicon/schema.ts';
import { whyLine } from '../../../lib/match/explain.ts';
import { VOICE_WORDS } from '../../../lib/report/voices.ts';
import { examplesOf } from '../../../lib/user-terms/user-documents.ts';
import { USER_ID_PREFIX } from '../../../lib/user-terms/user-terms.ts';
import { sourceLine } from '../../../lib/ui/source-line.ts';
import type { PopupModel } from '../model.ts';
import { useOpen } from '../navigation.ts';
import { CategoryChip } from './category-chip.tsx';
import { CorpusNote } from './corpus-note.tsx';
import { MarkedSentence } from './marked-sentence.tsx';


const READING: Record<Term['reading'], string> = {
  framing: 'Highlighted wherever it appears: the phrase frames on its own.',
  contextual: 'Highlighted only where the text around it is about international affairs: in other settings the words are ordinary English.',
  standard: 'Standard wording, not highlighted: the descriptive phrase wire services and the UN use, kept here as the neutral contrast.',
};

/** Whether the family is muted, and the buttons to mute or unmute it. */
function MuteControls({ model, term }: { model: PopupModel; term: Term }) {
  if (term.reading === 'standard') return null;
  const s = model.settings.value;
  const site = model.site.value;
  const everywhere = s.muted.includes(term.id);
  const here = site !== null && (s.mutedOn[site] ?? []).includes(term.id);
  return (
    <div class="mute" data-testid="mute">
      {everywhere || here ? (
        <>
          <p class="small" role="status">{everywhere ? 'You muted this term everywhere: it is not highlighted on any page.' : `You muted this term on ${site}.`}</p>
          <button type="button" class="secondary" onClick={() => void model.mute(term.id, everywhere ? null : site, false)}>
            Unmute
          </button>
        </>
      ) : (
        <>
          {site && (
            <button type="button" class="secondary" onClick={() => void model.mute(term.id, site, true)}>
              Mute on {site}
            </button>
          )}
          <button type="button" class="secondary" onClick={() => void model.mute(term.id, null, true)}>
            Mute everywhere
          </button>
        </>
      )}
    </div>
  );
}

type Occurrence = NonNullable<PopupModel['report']['value']>['occurrences'][number];

/** The term's occurrences on the page, each with its sentence, why it fired and its voice; previous and next. */
function OnThisPage({ model, id, occurrences, voices }: { model: PopupModel; id: string; occurrences: Occurrence[]; voices: Voice[] | null }) {
  if (occurrences.length === 0) {
    // The popup's first view read the counts alone; the occurrences are on their way.
    const state = model.page.value;
    const coming = state.kind === 'ready' && state.partial === true && (state.report.counts[id] ?? 0) > 0;
    return coming ? <p class="small muted" role="status">Reading its occurrences on this page…</p> : null;
  }
  const position = model.revealed.value[id];
  const fromPage = model.surface === 'popup' ? 'On this page' : 'On the page you came from';
  return (
    <section aria-labelledby="on-page">
      <h3 id="on-page">{fromPage} ({occurrences.length})</h3>
      <div class="stepper">
        <button type="button" class="secondary" onClick={() => model.reveal(id, -1)} aria-label="Show the previous occurrence in the page">‹ Previous</button>
        <span class="muted" role="status">{position === undefined ? 'Not shown yet' : `${position + 1} of ${occurrences.length}`}</span>
        <button type="button" class="secondary" onClick={() => model.reveal(id, 1)} aria-label="Show the next occurrence in the page">Next ›</button>
      </div>
      <ol class="occurrences">
        {occurrences.slice(0, 50).map((o, i) => (
          <li key={o.index}>
            <MarkedSentence sentence={o.sentence} start={o.start} end={o.end} />
            <p class="why small" data-testid="why">{whyLine(o.why)}</p>
            <div class="meta">
              <span class={`voice voice-${voices?.[i] ?? 'pending'}`} data-voice={voices?.[i] ?? ''}>{voices ? VOICE_WORDS[voices[i]!] : 'reading the sentence…'}</span>
              <button type="button" class="link" onClick={() => model.reveal(id, 0, i)}>Show in page</button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Examples of a family from the reader's own documents: apart from the corpora, with their document's title. */
function YourDocuments({ model, id }: { model: PopupModel; id: string }) {
  const examples = examplesOf(model.userDocuments.value, id);
  if (examples.length === 0) return null;
  return (
    <section aria-labelledby="your-documents" class="your-documents" data-testid="your-documents">
      <h3 id="your-documents">In your documents ({examples.length})</h3>
      <p class="small muted">From documents you added in the settings: not part of Framing Lens’s corpora, and kept only in this browser.</p>
      <ol class="examples">
        {examples.slice(0, 20).map((e) => (
          <li key={`${e.doc}:${e.sentence}:${e.start}`} class="example">
            <MarkedSentence sentence={e.sentence} start={e.start} end={e.end} />
            <p class="meta">
              <span class={`voice voice-${e.voice}`}>{VOICE_WORDS[e.voice]}</span> · <cite>{e.title}</cite>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A term the reader added: their name, category, gloss, note and phrases, and its occurrences on the page. */
function OwnTermView({ model, id, back, occurrences, voices }: { model: PopupModel; id: string; back: preact.JSX.Element; occurrences: Occurrence[]; voices: Voice[] | null }) {
  const term = model.userTerms.value.find((t) => t.id === id);
  const category = model.lexicon.categories.find((c) => c.id === term?.category);
  if (!term || !category) return <p class="state">This term is no longer among your terms.</p>;
  return (
    <article class="term-view" aria-labelledby="term-title">
      {back}
      <h2 id="term-title" tabIndex={-1}>{term.label}</h2>
      <p class="term-meta">
        <CategoryChip category={category} /> <span class="tag">your term</span>
      </p>
      <p class="gloss">{term.gloss}</p>
      {term.note && <p>{term.note}</p>}
      <p class="small muted">
        You added this term in the settings; it is marked wherever one of its phrases appears ({term.phrases.map((p) => `“${p}”`).join(', ')}), except where a lexicon phrase covers the same words. It has no corpus examples or sources.
      </p>
      <OnThisPage model={model} id={id} occurrences={occurrences} voices={voices} />
    </article>
  );
}

/** Everything about one term family: explanation, corpus examples and its occurrences on the page. */
export function TermView({ model, id }: { model: PopupModel; id: string }) {
  const open = useOpen(model);
  const occurrences = model.report.value?.occurrences.filter((o) => o.term === id) ?? [];
  // compromise is large: load it only when a term with occurrences on the page is opened.
  const [voices, setVoices] = useState<Voice[] | null>(null);
  useEffect(() => {
    setVoices(null);
    if (occurrences.length === 0) return;
    let live = true;
    void import('../../../lib/report/classify-voice.ts').then(({ classifyVoice }) => {
      if (live) setVoices(occurrences.map((o) => classifyVoice(o.sentence, o.start, o.end)));
    });
    return () => {
      live = false;
    };
  }, [occurrences.length, id]);
  const lexicon = model.full.value;
  const back = model.canGoBack() ? (
    <button type="button" class="link back" onClick={() => model.back()}>← Back</button>
  ) : (
    <button type="button" class="link back" onClick={() => model.select({ name: 'glossary' })}>← All terms</button>
  );
  if (id.startsWith(USER_ID_PREFIX)) return <OwnTermView model={model} id={id} back={back} occurrences={occurrences} voices={voices} />;
  if (!lexicon) {
    void model.loadFull();
    return (
      <div>
        {back}
        <h2 id="term-title" tabIndex={-1}>{model.lexicon.terms.find((t) => t.id === id)?.label ?? 'Term'}</h2>
        <p class="state" role="status">Loading the explanation…</p>
      </div>
    );
  }
  const term = lexicon.terms.find((t) => t.id === id);
  if (!term) return <p class="state">Unknown term.</p>;
  const category = lexicon.categories.find((c) => c.id === term.category)!;
  return (
    <article class="term-view" aria-labelledby="term-title">
      {back}
      <h2 id="term-title" tabIndex={-1}>{term.label}</h2>
      <p class="term-meta">
        <CategoryChip category={category} />
      </p>
      <p class="gloss">{term.gloss}</p>
      <p class={`reading reading-${term.reading}`} data-reading={term.reading}>{READING[term.reading]}</p>
      <MuteControls model={model} term={term} />
      <dl class="explain">
        <dt>What it means</dt>
        <dd>{term.meaning}</dd>
        <dt>What it presupposes</dt>
        <dd>{term.presupposes}</dd>
        <dt>Where it comes from</dt>
        <dd>
          {term.origin}
          {term.sources.length > 0 && (
            <ul class="sources" aria-label="Primary sources">
              {term.sources.map((s) => (
                <li key={`${s.by}${s.title}`}>
                  {s.by}, {s.url ? <a href={s.url} target="_blank" rel="noreferrer">{s.title}</a> : <cite>{s.title}</cite>}, {s.date}
                </li>
              ))}
            </ul>
          )}
          {term.untraced && <p class="small muted">{term.untraced}</p>}
        </dd>
        <dt>Who uses it</dt>
        <dd>{term.users}</dd>
        <dt>A neutral wording</dt>
        <dd>{term.neutral}</dd>
        <dt>Questions to ask</dt>
        <dd>
          <ul>
            {term.questions.map((q) => <li key={q}>{q}</li>)}
          </ul>
        </dd>
      </dl>
      {term.originals.length > 0 && (
        <section class="originals" aria-labelledby="originals-title" data-testid="originals">
          <h3 id="originals-title">In the original</h3>
          <ul>
            {term.originals.map((o) => (
              <li key={`${o.lang}:${o.form}`} lang={o.lang}>
                <span class="original-form">{o.form}</span> <span class="muted" lang={o.lang === 'zh' ? 'zh-Latn-pinyin' : 'ru-Latn'}>{o.romanised}</span>
                {o.traditional && <span class="muted small"> · traditional {o.traditional}</span>}
                <span class="sr-only"> ({ORIGINAL_LANGUAGES[o.lang]})</span>
                {o.quote && (
                  <p class="small original-quote">
                    <q>{o.quote}</q>
                    {o.quote_en && (
                      <>
                        {' '}
                        <span lang="en">Official English: <q>{o.quote_en}</q></span>
                      </>
                    )}
                  </p>
                )}
                <p class="small muted" lang="en">
                  {o.source.by}, {o.source.url ? <a href={o.source.url} target="_blank" rel="noreferrer">{o.source.title}</a> : <cite>{o.source.title}</cite>}, {o.source.date}
                  {o.note ? `. ${o.note}` : ''}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <OnThisPage model={model} id={id} occurrences={occurrences} voices={voices} />
      <section aria-labelledby="examples">
        <h3 id="examples">In the corpora</h3>
        {term.examples.length === 0 && (
          <p class="muted">This phrase does not occur in the corpora; it is in the lexicon because readers meet it elsewhere.</p>
        )}
        <CorpusNote lexicon={lexicon} />
        <ol class="examples">
          {term.examples.map((e) => {
            const doc = lexicon.documents.find((d) => d.file === e.doc)!;
            return (
              <li key={`${e.doc}:${e.start}`} class="example">
                <MarkedSentence sentence={e.sentence} start={e.start - e.sentenceStart} end={e.end - e.sentenceStart} />
                <p class="note">{e.note}</p>
                <p class="meta">
                  <span class={`voice voice-${e.voice}`}>{VOICE_WORDS[e.voice]}</span>
                  {e.actors.length > 0 && <span> · Actors: {e.actors.join(', ')}</span>}
                </p>
                <p class="source">
                  {doc.url ? <a href={doc.url} target="_blank" rel="noreferrer">Source</a> : 'Source'}: {sourceLine(doc, lexicon.corpora, lexicon.documents)}
                </p>
              </li>
            );
          })}
        </ol>
      </section>
      <YourDocuments model={model} id={id} />
      {term.related.length > 0 && (
        <section aria-labelledby="related">
          <h3 id="related">Related</h3>
          <ul class="related">
            {term.related.map((r) => {
              const other = lexicon.terms.find((t) => t.id === r);
              return other ? (
                <li key={r}>
                  <button type="button" class="link" data-focus-key={`related:${r}`} onClick={() => open({ name: 'term', id: r })}>{other.label}</button>
                </li>
              ) : null;
            })}
          </ul>
        </section>
      )}
    </article>
  );
}
