import { useEffect, useRef, useState } from 'preact/hooks';
import { saveUserTerms } from '../../lib/ext/user-terms-item.ts';
import type { FullLexicon } from '../../lib/lexicon/schema.ts';
import { freeSlot, ownCategoryList, type OwnCategory } from '../../lib/user-terms/own-categories.ts';
import { checkDraft, exportTermList, importTermList, LIMITS, resolveCategory, usedCategories, type CheckContext, type UserTerm } from '../../lib/user-terms/user-terms.ts';
import { CategoryChip } from '../popup/components/category-chip.tsx';
import { adopted } from './adopt.ts';
import { loadFrequencies } from './frequencies.ts';
import type { PopupModel } from '../popup/model.ts';
import { downloadText } from '../popup/download.ts';
import { shippedCategories } from '../popup/own-terms.ts';
import { Messages } from './messages.tsx';

/** The lexicon's variant generator with its word list, loaded the first time a term is checked. */
let generator: Promise<(phrase: string) => string[]> | null = null;
const loadGenerator = () =>
  (generator ??= Promise.all([import('../../lib/lexicon/learn/generate-variants.ts'), loadFrequencies()]).then(([{ generateVariantsWith }, freq]) => {
    return (phrase: string) => generateVariantsWith((w) => freq.has(w), phrase);
  }));

async function checkContext(model: PopupModel, existing: readonly UserTerm[], own: readonly OwnCategory[]): Promise<CheckContext> {
  const [full, variantsOf] = await Promise.all([model.loadFull(), loadGenerator()]);
  return { categories: [...(full as FullLexicon).categories, ...ownCategoryList(own)], lexicon: (full as FullLexicon).terms, existing, variantsOf };
}

/** The choice of the category select that makes a new category of the reader's. */
const NEW_CATEGORY = 'new';

const EMPTY = { label: '', phrases: '', category: '', newCategory: '', gloss: '', note: '' };

/**
 * "Your terms" in the options page: add a term (phrases, category, gloss, note) with the lexicon's
 * variants and clear refusals, list and delete them, share them as a file and import a shared one.
 * Saved in extension storage; open tabs mark them at once.
 */
export function OwnTermsEditor({ model }: { model: PopupModel }) {
  const terms = model.userTerms.value;
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<string[]>([]);
  const [notices, setNotices] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const own = model.ownCategories.value;
  const categories = [...shippedCategories, ...ownCategoryList(own)];
  // A candidate adopted from a document: its phrase goes in, and the reader chooses the rest.
  const pick = adopted.value;
  useEffect(() => {
    if (!pick) return;
    setDraft((d) => ({ ...d, phrases: pick.phrase }));
    setErrors([]);
    setNotices([`“${pick.phrase}” is in the form: choose a category and write a gloss, then add it.`]);
    form.current?.scrollIntoView({ block: 'start' });
    form.current?.querySelector<HTMLSelectElement>('select')?.focus({ preventScroll: true });
  }, [pick]);

  const store = async (next: UserTerm[], nextOwn: readonly OwnCategory[] = own) => {
    const kept = usedCategories(nextOwn, next);
    await saveUserTerms(next, kept);
    model.userTerms.value = next;
    model.ownCategories.value = kept;
  };
  const add = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      const category = resolveCategory(draft.category === NEW_CATEGORY ? `new:${draft.newCategory}` : draft.category, own);
      if ('error' in category) {
        setErrors([category.error]);
        setNotices([]);
        return;
      }
      const result = checkDraft({ ...draft, category: category.id }, await checkContext(model, terms, category.categories));
      setErrors(result.errors);
      if (result.term) {
        await store([...terms, result.term], category.categories);
        setNotices([`Added “${result.term.label}” (${result.term.variants.flat().length} forms). Open tabs mark it now.`, ...result.notices]);
        setDraft({ ...EMPTY, category: category.id });
      } else setNotices(result.notices);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (term: UserTerm) => {
    await store(terms.filter((t) => t.id !== term.id));
    setErrors([]);
    setNotices([`Deleted “${term.label}”.`]);
  };
  const importFile = async () => {
    const chosen = file.current?.files?.[0];
    if (!chosen) return;
    setBusy(true);
    try {
      const text = chosen.size > LIMITS.fileBytes ? '' : await chosen.text();
      const result = importTermList(text, chosen.size, await checkContext(model, terms, own), own);
      setErrors(result.errors.length ? [`Nothing was imported from ${chosen.name}:`, ...result.errors] : []);
      if (result.errors.length === 0) {
        await store([...terms, ...result.terms], result.categories);
        setNotices([`Imported ${result.terms.length} ${result.terms.length === 1 ? 'term' : 'terms'} from ${chosen.name}${result.skipped ? `; ${result.skipped} you already had were skipped` : ''}.`, ...result.notices]);
      } else setNotices([]);
    } finally {
      setBusy(false);
      if (file.current) file.current.value = '';
    }
  };
  const field = (name: keyof typeof EMPTY) => ({
    value: draft[name],
    onInput: (e: Event) => setDraft({ ...draft, [name]: (e.target as HTMLInputElement).value }),
  });

  return (
    <section class="own-terms" aria-labelledby="own-terms-title">
      <h2 id="own-terms-title">Your terms</h2>
      <p class="small">
        Phrases you want marked, beside the lexicon's: a class's vocabulary, a phrase you are studying. They get the lexicon's variants (plurals, hyphenated and spaced spellings), are kept in this browser only, and never replace a lexicon family.
      </p>
      {terms.length === 0 ? (
        <p class="muted" data-testid="own-terms-empty">You have not added any terms yet.</p>
      ) : (
        <ul class="own-list" data-testid="own-terms">
          {terms.map((t) => (
            <li key={t.id}>
              <div>
                <strong>{t.label}</strong> <CategoryChip category={categories.find((c) => c.id === t.category)!} />
                <p class="small">{t.gloss}</p>
                <p class="small muted">{t.phrases.map((p) => `“${p}”`).join(', ')}</p>
              </div>
              <button type="button" class="secondary" aria-label={`Delete “${t.label}”`} onClick={() => void remove(t)}>Delete</button>
            </li>
          ))}
        </ul>
      )}
      <form ref={form} class="own-form" onSubmit={(e) => void add(e)} aria-labelledby="own-add-title">
        <h3 id="own-add-title">Add a term</h3>
        <label>
          Phrases, one per line
          <textarea rows={3} required {...field('phrases')} placeholder={'strategic patience\nrules-based international order'} />
        </label>
        <label>
          Category
          <select required value={draft.category} onChange={(e) => setDraft({ ...draft, category: (e.target as HTMLSelectElement).value })}>
            <option value="">Choose a category…</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>{c.label}</option>
            ))}
            <option value={NEW_CATEGORY} disabled={freeSlot(own) === null}>A new category of your own…</option>
          </select>
        </label>
        {draft.category === NEW_CATEGORY && (
          <label>
            Name of your new category (it gets its own colour and a line over the text)
            <input type="text" required maxLength={LIMITS.categoryLabel} {...field('newCategory')} />
          </label>
        )}
        <label>
          Gloss: what the phrase frames, in one line
          <input type="text" required maxLength={LIMITS.gloss} {...field('gloss')} />
        </label>
        <label>
          Name (optional; the first phrase otherwise)
          <input type="text" maxLength={LIMITS.label} {...field('label')} />
        </label>
        <label>
          Note (optional)
          <textarea rows={2} maxLength={LIMITS.note} {...field('note')} />
        </label>
        <button type="submit" class="primary" disabled={busy}>Add term</button>
      </form>
      <Messages errors={errors} notices={notices} testid="own" />
      <h3>Share</h3>
      <p class="small">A term list is a small JSON file a teacher can hand to a class; importing checks every term as if you typed it, and imports nothing if one is refused.</p>
      <div class="export-buttons">
        <button type="button" class="secondary" disabled={terms.length === 0} onClick={() => downloadText('framing-lens-terms.json', exportTermList(terms, own), 'application/json;charset=utf-8')}>Export your terms</button>
        <label class="secondary file-button">
          Import a term list…
          <input ref={file} type="file" accept=".json,application/json" class="sr-only" onChange={() => void importFile()} />
        </label>
      </div>
    </section>
  );
}
