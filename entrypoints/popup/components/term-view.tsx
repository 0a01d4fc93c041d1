import { useEffect, useState } from 'preact/hooks';
import type { Voice } from '../../../lib/lexicon/schema.ts';
import type { PopupModel } from '../model.ts';
import { CategoryChip } from './category-chip.tsx';
import { MarkedSentence } from './marked-sentence.tsx';

const VOICE_LABEL: Record<Voice, string> = {
  author: 'author’s own words',
  quotation: 'quotation',
  attributed: 'attributed to someone',
  distancing: 'distanced (scare quotes or “so-called”)',
};

/** Everything about one term family: explanation, corpus examples and its occurrences on the page. */
export function TermView({ model, id }: { model: PopupModel; id: string }) {
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
  if (!lexicon) {
    void model.loadFull();
    return <p class="state" role="status">Loading the explanation…</p>;
  }
  const term = lexicon.terms.find((t) => t.id === id);
  if (!term) return <p class="state">Unknown term.</p>;
  const category = lexicon.categories.find((c) => c.id === term.category)!;
  const position = model.revealed.value[id];
  return (
    <article class="term-view" aria-labelledby="term-title">
      <button type="button" class="link back" onClick={() => model.back()}>← Back</button>
      <h2 id="term-title">{term.label}</h2>
      <CategoryChip category={category} />
      <p class="gloss">{term.gloss}</p>
      <dl class="explain">
        <dt>What it means</dt>
        <dd>{term.meaning}</dd>
        <dt>What it presupposes</dt>
        <dd>{term.presupposes}</dd>
        <dt>Where it comes from</dt>
        <dd>{term.origin}</dd>
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
      {occurrences.length > 0 && (
        <section aria-labelledby="on-page">
          <h3 id="on-page">On this page ({occurrences.length})</h3>
          <div class="stepper">
            <button type="button" onClick={() => model.reveal(id, -1)} aria-label="Show the previous occurrence in the page">‹ Previous</button>
            <span class="muted" role="status">{position === undefined ? 'Not shown yet' : `${position + 1} of ${occurrences.length}`}</span>
            <button type="button" onClick={() => model.reveal(id, 1)} aria-label="Show the next occurrence in the page">Next ›</button>
          </div>
          <ol class="occurrences">
            {occurrences.slice(0, 50).map((o, i) => (
              <li key={o.index}>
                <MarkedSentence sentence={o.sentence} start={o.start} end={o.end} />
                <div class="meta">
                  <span class={`voice voice-${voices?.[i] ?? 'pending'}`} data-voice={voices?.[i] ?? ''}>{voices ? VOICE_LABEL[voices[i]!] : 'reading the sentence…'}</span>
                  <button type="button" class="link" onClick={() => model.reveal(id, 0, i)}>Show in page</button>
                </div>
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="examples">
        <h3 id="examples">In the corpus</h3>
        {term.examples.length === 0 && <p class="muted">This phrase does not occur in the five corpus documents; it is in the lexicon because readers meet it elsewhere.</p>}
        <ol class="examples">
          {term.examples.map((e) => {
            const doc = lexicon.documents.find((d) => d.file === e.doc)!;
            return (
              <li key={`${e.doc}:${e.start}`} class="example">
                <MarkedSentence sentence={e.sentence} start={e.start - e.sentenceStart} end={e.end - e.sentenceStart} />
                <p class="note">{e.note}</p>
                <p class="meta">
                  <span class={`voice voice-${e.voice}`}>{VOICE_LABEL[e.voice]}</span>
                  {e.actors.length > 0 && <span> · Actors: {e.actors.join(', ')}</span>}
                </p>
                <p class="source">
                  Source: {doc.title === 'not stated' ? 'untitled commentary' : `“${doc.title}”`}; author: {doc.author}; outlet: {doc.outlet}; date: {doc.date} <span class="muted">({doc.file})</span>
                </p>
              </li>
            );
          })}
        </ol>
      </section>
      {term.related.length > 0 && (
        <section aria-labelledby="related">
          <h3 id="related">Related</h3>
          <ul class="related">
            {term.related.map((r) => {
              const other = lexicon.terms.find((t) => t.id === r);
              return other ? (
                <li key={r}>
                  <button type="button" class="link" onClick={() => model.open({ name: 'term', id: r })}>{other.label}</button>
                </li>
              ) : null;
            })}
          </ul>
        </section>
      )}
    </article>
  );
}
