import { useEffect, useState } from 'preact/hooks';
import { saveUserDocuments } from '../../lib/ext/user-documents-item.ts';
import type { CompiledLexicon } from '../../lib/lexicon/schema.ts';
import { VOICE_WORDS } from '../../lib/report/voices.ts';
import { DOCUMENT_LIMITS, htmlDocumentText, refuseText, type UserDocument } from '../../lib/user-terms/user-documents.ts';
import { MarkedSentence } from '../popup/components/marked-sentence.tsx';
import type { PopupModel } from '../popup/model.ts';
import { adopted } from './adopt.ts';
import { loadFrequencies } from './frequencies.ts';
import { Messages } from './messages.tsx';

/** The build's learner with the compiled lexicon, ordinary English and compromise: loaded the first time a document is added. */
let learner: Promise<(doc: { id: string; title: string; text: string; addedAt: string }) => UserDocument> | null = null;
const loadLearner = () =>
  (learner ??= Promise.all([
    import('../../lexicon/generated/compiled.json'),
    import('../../lib/match/create-finder.ts'),
    import('../../lib/lexicon/learn/propose-candidates.ts'),
    import('../../lib/lexicon/learn/learn-document.ts'),
    loadFrequencies(),
  ]).then(([compiled, { createFinder }, { contextCueTest }, { learnDocument }, freq]) => {
    const lexicon = compiled.default as unknown as CompiledLexicon;
    const setup = { lexicon, finder: createFinder(lexicon), freq, isCue: contextCueTest(lexicon.context) };
    return (doc) => learnDocument(doc, setup);
  }));

/**
 * A short text the learner reads once when it loads: compromise's tagger runs several times
 * faster once the engine has compiled its hot paths, and the reader's first document should not
 * pay for that.
 */
const WARM_UP = [
  'Officials in Brussels now speak of de-risking rather than decoupling, and insist that the change of word is a change of policy.',
  '“We reject the zero-sum game,” the spokesperson told reporters on Tuesday, adding that cooperation would serve both sides.',
  'The minister said that the so-called “economic security agenda” borrows its logic from Washington.',
  'Analysts in the region were cautious, noting that the two sides had avoided any detail on the pipeline or the payments system.',
  'The communiqué, released late in the evening, called for a multipolar world and further consultations before the summit.',
].join('\n');

/** Loads the learner while the reader is still choosing what to paste, and warms it up, so a click only learns. */
export function prepareLearner(): void {
  const idle = (globalThis as { requestIdleCallback?: (f: () => void) => void }).requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
  idle(() => void loadLearner().then((run) => idle(() => void run({ id: 'doc-warm-up', title: '', text: WARM_UP, addedAt: '' }))));
}

const newId = () => `doc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** A file's text and title, or why it cannot be read. */
async function readFile(file: File): Promise<{ title: string; text: string } | { error: string }> {
  const name = `“${file.name}”`;
  const kind = /\.(html?|xhtml)$/i.test(file.name) ? 'html' : /\.(txt|text|md)$/i.test(file.name) ? 'text' : null;
  if (!kind) return { error: `${name} is not a .txt or .html file.` };
  // UTF-16 at most doubles the bytes of UTF-8 text; a file this large is over the limit whatever it holds.
  if (file.size > DOCUMENT_LIMITS.chars * 4) return { error: `${name} is ${Math.round(file.size / 1000).toLocaleString('en')} kB; Framing Lens learns from at most ${DOCUMENT_LIMITS.chars / 1000} kB of text at a time.` };
  const raw = await file.text();
  if (kind === 'text') return { title: file.name.replace(/\.[a-z]+$/i, ''), text: raw };
  // Parsed inert: nothing in it runs or loads, and it is never shown.
  const page = htmlDocumentText(new DOMParser().parseFromString(raw, 'text/html'));
  return { title: page.title || file.name, text: page.text };
}

/**
 * "Learn from your documents" in the options page: paste an article or add .txt/.html files; the
 * build's learner finds every family in them, keeps an example sentence per occurrence with its
 * voice, and proposes candidates a reader can adopt as their own terms. Only what was learned is
 * stored; the reader can delete a document and everything learned from it.
 */
export function DocumentsEditor({ model }: { model: PopupModel }) {
  const documents = model.userDocuments.value;
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [notices, setNotices] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const labelOf = new Map(model.lexicon.terms.map((t) => [t.id, t.label]));
  useEffect(prepareLearner, []);

  const store = async (next: UserDocument[]) => {
    await saveUserDocuments(next);
    model.userDocuments.value = next;
  };
  /** Learns from each input in turn; a refused input is named and the others are learned. */
  const learn = async (inputs: ({ title: string; text: string; name: string } | { error: string })[]) => {
    setBusy(true);
    const problems: string[] = [];
    const done: string[] = [];
    let next = [...documents];
    try {
      const started = performance.now();
      const run = await loadLearner();
      document.documentElement.dataset.learnerMs = (performance.now() - started).toFixed(0);
      for (const input of inputs) {
        if ('error' in input) {
          problems.push(input.error);
          continue;
        }
        const refused = refuseText(input.text, input.name);
        if (refused) {
          problems.push(refused);
          continue;
        }
        if (next.length >= DOCUMENT_LIMITS.documents) {
          problems.push(`${input.name}: you have ${DOCUMENT_LIMITS.documents} documents, the most Framing Lens keeps; delete one first.`);
          continue;
        }
        const doc = run({ id: newId(), title: input.title.trim() || input.text.trim().split('\n')[0]!.slice(0, 80), text: input.text, addedAt: new Date().toISOString() });
        next = [...next, doc];
        const families = new Set(doc.examples.map((e) => e.term)).size;
        done.push(`Learned from “${doc.title}”: ${doc.words.toLocaleString('en')} words, ${doc.occurrences} ${doc.occurrences === 1 ? 'occurrence' : 'occurrences'} of ${families} ${families === 1 ? 'term' : 'terms'}, ${doc.candidates.length} candidates.`);
      }
      if (next.length !== documents.length) await store(next);
      // For the bench and the curious: from the click to the stored result.
      document.documentElement.dataset.learnedMs = (performance.now() - started).toFixed(0);
    } finally {
      setBusy(false);
    }
    setErrors(problems);
    setNotices(done);
    return done.length > 0;
  };
  const learnPasted = async (e: Event) => {
    e.preventDefault();
    if (await learn([{ title, text, name: 'The pasted text' }])) {
      setText('');
      setTitle('');
    }
  };
  const learnFiles = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0) return;
    await learn(await Promise.all(files.map(async (f) => {
      const read = await readFile(f);
      return 'error' in read ? read : { ...read, name: `“${f.name}”` };
    })));
  };
  const remove = async (doc: UserDocument) => {
    await store(documents.filter((d) => d.id !== doc.id));
    setErrors([]);
    setNotices([`Deleted “${doc.title}” and what was learned from it.`]);
  };

  return (
    <section class="own-documents" aria-labelledby="own-documents-title">
      <h2 id="own-documents-title">Learn from your documents</h2>
      <p class="small">
        Paste an article you study, or add .txt and .html files. Framing Lens finds every term of its lexicon in them with the same rules as on a page, keeps each sentence with its voice (shown under “In your documents” in a term’s explanation), and proposes phrases it does not cover yet, ranked as for its own corpora. Only what it learns is kept, in this browser; never the text itself.
      </p>
      <form class="own-form" onSubmit={(e) => void learnPasted(e)} aria-labelledby="own-paste-title">
        <h3 id="own-paste-title">Paste an article</h3>
        <label>
          Title (optional)
          <input type="text" maxLength={DOCUMENT_LIMITS.title} value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          Article text
          <textarea rows={6} required value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
        </label>
        <div class="export-buttons">
          <button type="submit" class="primary" disabled={busy}>{busy ? 'Learning…' : 'Learn from this text'}</button>
          <label class="secondary file-button">
            Add files (.txt, .html)…
            <input type="file" multiple accept=".txt,.text,.md,.html,.htm,text/plain,text/html" class="sr-only" data-testid="document-files" onChange={(e) => void learnFiles(e.currentTarget)} />
          </label>
        </div>
      </form>
      <Messages errors={errors} notices={notices} testid="document" />
      {documents.length === 0 ? (
        <p class="muted" data-testid="documents-empty">No documents yet.</p>
      ) : (
        <ul class="own-list" data-testid="documents">
          {documents.map((d) => (
            <li key={d.id}>
              <div class="own-document">
                <strong>{d.title}</strong>
                <p class="small muted">
                  {d.words.toLocaleString('en')} words · added {d.addedAt.slice(0, 10)} · {d.occurrences} {d.occurrences === 1 ? 'occurrence' : 'occurrences'} of lexicon terms
                </p>
                <details>
                  <summary>Examples ({d.examples.length})</summary>
                  <ol class="examples">
                    {d.examples.slice(0, 50).map((e) => (
                      <li key={`${e.term}:${e.sentence}:${e.start}`} class="example">
                        <strong>{labelOf.get(e.term) ?? e.term}</strong> <span class={`voice voice-${e.voice}`}>{VOICE_WORDS[e.voice]}</span>
                        <MarkedSentence sentence={e.sentence} start={e.start} end={e.end} />
                      </li>
                    ))}
                  </ol>
                </details>
                <details>
                  <summary>Candidates ({d.candidates.length})</summary>
                  <p class="small muted">Phrases the lexicon does not cover, ranked as for its corpora: rare in ordinary English, repeated, quoted or marked “so-called”. Adopting one fills in “Add a term” above.</p>
                  <ol class="candidates">
                    {d.candidates.map((c) => (
                      <li key={c.phrase}>
                        <span>
                          <strong>{c.phrase}</strong> <span class="small muted">×{c.count} · {c.kinds.join(', ')}</span>
                        </span>
                        <button type="button" class="secondary" aria-label={`Adopt “${c.phrase}” as your term`} onClick={() => (adopted.value = { phrase: c.phrase, at: Date.now() })}>Adopt</button>
                      </li>
                    ))}
                  </ol>
                </details>
              </div>
              <button type="button" class="secondary" aria-label={`Delete “${d.title}”`} onClick={() => void remove(d)}>Delete</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
