import type { GlossaryLexicon } from '../../../lib/lexicon/schema.ts';

/** What "the corpus" is, wherever the popup compares a page with the corpora or quotes them. */
export function CorpusNote({ lexicon, open = false }: { lexicon: GlossaryLexicon; open?: boolean }) {
  return (
    <details class="corpus-note" open={open}>
      <summary>What are the corpora?</summary>
      <p class="small">The lexicon was learned from two small collections of texts. Comparing a page with them says how densely it uses this vocabulary, not whether it is right.</p>
      <dl class="small">
        {lexicon.corpora.map((c) => {
          const stats = lexicon.corpusStats[c.id];
          const docs = lexicon.documents.filter((d) => d.corpus === c.id).length;
          return (
            <div key={c.id}>
              <dt>
                {c.label} <span class="muted">({docs} documents, {(stats?.words ?? 0).toLocaleString('en')} words)</span>
              </dt>
              <dd>{c.description}</dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
}
