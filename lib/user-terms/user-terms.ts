import * as z from 'zod/mini';
import { phraseKeys } from '../match/compile-trie.ts';
import { STOP_WORDS } from '../text/stop-words.ts';
import { freeSlot, OWN_CATEGORY_IDS, ownCategoryList, type OwnCategory, type OwnCategoryId } from './own-categories.ts';

/**
 * The reader's own terms: phrases they want marked, in a lexicon category, with their own gloss
 * and note. Stored in extension storage (versioned), matched by the content script beside the
 * lexicon (never instead of it: where they overlap, the lexicon's family is marked), shared
 * between readers as a small JSON file.
 */

export const USER_TERMS_VERSION = 1;
/** Every own term's id starts with this, so it never collides with a lexicon family's. */
export const USER_ID_PREFIX = 'user-';
/** What a shared term list file says it is. */
export const TERM_LIST_FORMAT = 'framing-lens-terms';
export const LIMITS = { terms: 200, phrases: 12, phraseChars: 80, phraseWords: 8, label: 80, gloss: 300, note: 1000, fileBytes: 200_000, categoryLabel: 60 } as const;

/** One own term, as stored: its phrases as the reader wrote them, and their variants made when it was added. */
export interface UserTerm {
  id: string;
  label: string;
  category: string;
  gloss: string;
  note?: string;
  phrases: string[];
  /** Per phrase, its lower-case variants (plurals, hyphen and space spellings), made with the lexicon's generator. */
  variants: string[][];
}

const userTermSchema = z.object({
  id: z.string().check(z.regex(/^user-[a-z0-9-]{1,80}$/)),
  label: z.string().check(z.minLength(1), z.maxLength(LIMITS.label)),
  category: z.string().check(z.regex(/^[a-z0-9-]{1,60}$/)),
  gloss: z.string().check(z.minLength(1), z.maxLength(LIMITS.gloss)),
  note: z.optional(z.string().check(z.maxLength(LIMITS.note))),
  phrases: z.array(z.string().check(z.minLength(1), z.maxLength(LIMITS.phraseChars))).check(z.minLength(1), z.maxLength(LIMITS.phrases)),
  variants: z.array(z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(100))).check(z.minLength(1), z.maxLength(LIMITS.phrases)),
}).check(z.refine((t) => t.variants.length === t.phrases.length, 'one list of variants per phrase'));

const ownCategorySchema = z.object({ id: z.string(), label: z.string().check(z.minLength(1), z.maxLength(LIMITS.categoryLabel)) });

/** What is stored: the reader's terms and the categories they made for them. */
export interface StoredUserTerms {
  terms: UserTerm[];
  categories: OwnCategory[];
}

/**
 * Reads the stored list, term by term: a term that does not fit is left out with a warning naming
 * it, the others are kept; so is a category of the reader's that does not fit (and its terms).
 * Anything that is not a list gives none, with a warning.
 */
export function parseStoredUserTerms(raw: unknown, categories: ReadonlySet<string>): StoredUserTerms & { warnings: string[] } {
  if (raw === null || raw === undefined) return { terms: [], categories: [], warnings: [] };
  const list = (raw as { terms?: unknown })?.terms;
  if (!Array.isArray(list)) return { terms: [], categories: [], warnings: ['your terms: the stored list is not a list of terms; none are used'] };
  const warnings: string[] = [];
  const own: OwnCategory[] = [];
  const storedCategories = (raw as { categories?: unknown }).categories;
  for (const item of Array.isArray(storedCategories) ? storedCategories : []) {
    const parsed = ownCategorySchema.safeParse(item);
    if (!parsed.success || !OWN_CATEGORY_IDS.has(parsed.data.id) || own.some((c) => c.id === parsed.data.id)) warnings.push(`your terms: a category of yours is malformed or listed twice; left out`);
    else own.push(parsed.data as OwnCategory);
  }
  const known = new Set([...categories, ...own.map((c) => c.id)]);
  const terms: UserTerm[] = [];
  const seen = new Set<string>();
  for (const [i, item] of list.slice(0, LIMITS.terms).entries()) {
    const parsed = userTermSchema.safeParse(item);
    const name = typeof (item as { label?: unknown })?.label === 'string' ? `“${(item as { label: string }).label}”` : `number ${i + 1}`;
    if (!parsed.success) warnings.push(`your terms: term ${name} is malformed (${parsed.error.issues[0]?.path.join('.') || 'term'}); left out`);
    else if (!known.has(parsed.data.category)) warnings.push(`your terms: term ${name} has an unknown category "${parsed.data.category}"; left out`);
    else if (seen.has(parsed.data.id)) warnings.push(`your terms: term ${name} is listed twice; the second is left out`);
    else {
      seen.add(parsed.data.id);
      terms.push(parsed.data as UserTerm);
    }
  }
  return { terms, categories: own, warnings };
}

/** The reader's categories that some term still uses (a category goes with its last term). */
export function usedCategories(own: readonly OwnCategory[], terms: readonly UserTerm[]): OwnCategory[] {
  return own.filter((c) => terms.some((t) => t.category === c.id));
}

/**
 * The category a draft names: a lexicon or own category by id, or a new own category by its
 * label (`new:<label>`), made in the first free slot. An error when the label is empty or too
 * long, or all four slots are taken.
 */
export function resolveCategory(choice: string, own: readonly OwnCategory[]): { id: string; categories: OwnCategory[] } | { error: string } {
  if (!choice.startsWith('new:')) return { id: choice, categories: [...own] };
  const label = choice.slice(4).replace(/\s+/g, ' ').trim();
  if (!label) return { error: 'Name your new category.' };
  if (label.length > LIMITS.categoryLabel) return { error: `The category's name is ${label.length} characters; at most ${LIMITS.categoryLabel}.` };
  const same = own.find((c) => c.label.toLowerCase() === label.toLowerCase());
  if (same) return { id: same.id, categories: [...own] };
  const slot = freeSlot(own);
  if (!slot) return { error: `You have ${own.length} categories of your own, the most Framing Lens keeps; put the term in one of them, or delete the terms of one first.` };
  return { id: slot, categories: [...own, { id: slot as OwnCategoryId, label }] };
}

/** A term as the reader types it in: phrases one per line. */
export interface TermDraft {
  label?: string;
  phrases: string;
  category: string;
  gloss: string;
  note?: string;
}

/** What a new term is checked against. */
export interface CheckContext {
  /** Category ids and labels of the lexicon. */
  categories: readonly { id: string; label: string }[];
  /** Every lexicon family with its variants. */
  lexicon: readonly { id: string; label: string; variants: readonly string[] }[];
  /** The reader's terms already stored (a replaced term is left out by the caller). */
  existing: readonly UserTerm[];
  /** The lexicon's variant generator (plurals, hyphens, spaces). */
  variantsOf(phrase: string): string[];
}

/** What checking a draft gives: the term to store, or what is wrong; and what the reader should know. */
export interface CheckResult {
  term: UserTerm | null;
  errors: string[];
  /** Overlaps with lexicon phrases: allowed, and said. */
  notices: string[];
}

const keyOf = (phrase: string) => phraseKeys(phrase)?.join(' ') ?? null;
const clean = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** A readable id from a label: "Strategic patience" → "user-strategic-patience". */
export function userTermId(label: string, taken: ReadonlySet<string>): string {
  const base = `${USER_ID_PREFIX}${
    label
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'term'
  }`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** An index of the lexicon's variants by token key, for conflicts. */
function lexiconIndex(lexicon: CheckContext['lexicon']): Map<string, { id: string; label: string }> {
  const index = new Map<string, { id: string; label: string }>();
  for (const family of lexicon) {
    for (const v of family.variants) {
      const key = keyOf(v);
      if (key && !index.has(key)) index.set(key, { id: family.id, label: family.label });
    }
  }
  return index;
}

const indexCache = new WeakMap<object, Map<string, { id: string; label: string }>>();

/**
 * Checks a draft and makes the term: phrases present, not only common words, within the limits,
 * spanning no punctuation the matcher cannot cross; a known category; a gloss; no variant that is
 * already a lexicon family's (the lexicon is never overridden: mute the family instead) or another
 * own term's. A phrase that contains a lexicon phrase, or sits inside one, is allowed with a notice.
 */
export function checkDraft(draft: TermDraft, context: CheckContext): CheckResult {
  const errors: string[] = [];
  const notices: string[] = [];
  const phrases = [...new Set(draft.phrases.split(/\r?\n/).map(clean).filter(Boolean))];
  const gloss = clean(draft.gloss);
  const note = clean(draft.note);
  const label = clean(draft.label) || phrases[0] || '';
  if (phrases.length === 0) errors.push('Write at least one phrase (one per line).');
  if (phrases.length > LIMITS.phrases) errors.push(`At most ${LIMITS.phrases} phrases per term; this one has ${phrases.length}.`);
  if (!context.categories.some((c) => c.id === draft.category)) errors.push('Choose a category.');
  if (!gloss) errors.push('Write a gloss: one line on what the phrase frames.');
  if (gloss.length > LIMITS.gloss) errors.push(`The gloss is ${gloss.length} characters; at most ${LIMITS.gloss}.`);
  if (note.length > LIMITS.note) errors.push(`The note is ${note.length} characters; at most ${LIMITS.note}.`);
  if (label.length > LIMITS.label) errors.push(`The name is ${label.length} characters; at most ${LIMITS.label}.`);

  let index = indexCache.get(context.lexicon);
  if (!index) indexCache.set(context.lexicon, (index = lexiconIndex(context.lexicon)));
  const mine = new Map<string, string>();
  for (const term of context.existing) for (const v of term.variants.flat()) mine.set(keyOf(v) ?? v, term.label);

  const variants: string[][] = [];
  const made = new Set<string>();
  for (const phrase of phrases) {
    const forms: string[] = [];
    variants.push(forms);
    if (phrase.length > LIMITS.phraseChars) {
      errors.push(`“${phrase.slice(0, 40)}…” is longer than ${LIMITS.phraseChars} characters.`);
      continue;
    }
    if (/\*|\[|\]/.test(phrase)) {
      errors.push(`“${phrase}”: write the phrase as it appears in text, without *, [ or ].`);
      continue;
    }
    const keys = phraseKeys(phrase);
    if (!keys || keys.length === 0) {
      errors.push(`“${phrase}” has punctuation between its words (other than a hyphen, a slash, a quote or a comma) or no words at all: it could never match.`);
      continue;
    }
    if (keys.length > LIMITS.phraseWords) errors.push(`“${phrase}” has ${keys.length} words; at most ${LIMITS.phraseWords}.`);
    if (keys.every((k) => STOP_WORDS.has(k.replace(/^,/, '')))) {
      errors.push(`“${phrase}” is only common words: it would mark ordinary English on every page.`);
      continue;
    }
    // One message per phrase, naming the first of its forms that is taken.
    let taken: string | null = null;
    const own = keys.join(' ');
    // The phrase as written first: of the spellings the matcher reads alike, it is the one kept.
    for (const v of [phrase.toLowerCase(), ...context.variantsOf(phrase)]) {
      const key = keyOf(v);
      if (!key) continue;
      const family = index.get(key);
      const other = mine.get(key);
      const as = key === own ? '' : ` (its form “${v}”)`;
      if (family) taken ??= `“${phrase}”${as} is already in the lexicon as “${family.label}”. Your terms are added beside the lexicon and never replace it; mute “${family.label}” in its explanation if you do not want it marked.`;
      else if (other) taken ??= `“${phrase}”${as} is already one of your terms (“${other}”).`;
      else {
        if (!made.has(key)) forms.push(v);
        made.add(key);
      }
    }
    if (taken) {
      errors.push(taken);
      continue;
    }
    // Overlaps: a lexicon phrase inside this one, or this one inside a lexicon phrase.
    const padded = ` ${own} `;
    for (const [key, family] of index) {
      const theirs = ` ${key} `;
      if (padded !== theirs && (padded.includes(theirs) || theirs.includes(padded))) {
        notices.push(`“${phrase}” overlaps the lexicon’s “${family.label}”: where both fit the same words, the lexicon’s family is marked and yours is not.`);
        break;
      }
    }
  }
  if (context.existing.length >= LIMITS.terms) errors.push(`You have ${LIMITS.terms} terms, the most Framing Lens keeps; delete one first.`);
  if (errors.length > 0 || made.size === 0) return { term: null, errors: errors.length ? [...new Set(errors)] : ['No phrase left to add.'], notices };
  const id = userTermId(label, new Set(context.existing.map((t) => t.id)));
  return { term: { id, label, category: draft.category, gloss, ...(note ? { note } : {}), phrases, variants: variants.map((forms) => forms.sort()) }, errors: [], notices: [...new Set(notices)] };
}

/** A term list to share: what the reader wrote, not the variants (the importing side makes its own); a term in a category of the reader's carries the category's name. */
export function exportTermList(terms: readonly UserTerm[], own: readonly OwnCategory[] = []): string {
  const nameOf = new Map<string, string>(own.map((c) => [c.id, c.label]));
  return `${JSON.stringify(
    {
      format: TERM_LIST_FORMAT,
      version: USER_TERMS_VERSION,
      terms: terms.map(({ label, category, gloss, note, phrases }) => ({ label, ...(nameOf.has(category) ? { ownCategory: nameOf.get(category) } : { category }), gloss, ...(note ? { note } : {}), phrases })),
    },
    null,
    2,
  )}\n`;
}

const fileSchema = z.object({
  format: z.literal(TERM_LIST_FORMAT),
  version: z.number(),
  terms: z.array(z.object({ label: z.optional(z.string()), category: z.optional(z.string()), ownCategory: z.optional(z.string()), gloss: z.string(), note: z.optional(z.string()), phrases: z.array(z.string()) })),
});

/**
 * Reads a shared term list (the text of a file of `bytes` bytes) and checks every term as if the
 * reader typed it. All or nothing: any error and nothing is imported, each error named with its
 * term. Terms identical to ones the reader has are skipped, not errors.
 */
export function importTermList(text: string, bytes: number, context: CheckContext, own: readonly OwnCategory[] = []): { terms: UserTerm[]; categories: OwnCategory[]; errors: string[]; notices: string[]; skipped: number } {
  const fail = (error: string) => ({ terms: [], categories: [...own], errors: [error], notices: [], skipped: 0 });
  if (bytes > LIMITS.fileBytes) return fail(`The file is ${(bytes / 1000).toFixed(0)} kB; a term list is at most ${LIMITS.fileBytes / 1000} kB.`);
  // A binary file: control characters other than tab, line feed and carriage return, or replacement characters from bytes that are not UTF-8.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what marks a binary file
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text)) return fail('The file is not text: choose a term list exported by Framing Lens (a .json file).');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('The file is not JSON: choose a term list exported by Framing Lens.');
  }
  const version = (data as { version?: unknown })?.version;
  if ((data as { format?: unknown })?.format !== TERM_LIST_FORMAT) return fail('The file is JSON but not a Framing Lens term list (its "format" is not "framing-lens-terms").');
  if (version !== USER_TERMS_VERSION) return fail(`The term list is version ${JSON.stringify(version)}; this Framing Lens reads version ${USER_TERMS_VERSION}.`);
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) return fail(`The term list is malformed at ${parsed.error.issues[0]?.path.join('.') || 'its top'}.`);
  const terms: UserTerm[] = [];
  const errors: string[] = [];
  const notices: string[] = [];
  let skipped = 0;
  let categories = [...own];
  const have = new Set(context.existing.map((t) => `${t.label}\u0000${[...t.phrases].sort().join('\n')}`));
  for (const [i, item] of parsed.data.terms.entries()) {
    const name = clean(item.label) || clean(item.phrases[0]) || `number ${i + 1}`;
    if (have.has(`${clean(item.label) || clean(item.phrases[0])}\u0000${item.phrases.map(clean).sort().join('\n')}`)) {
      skipped++;
      continue;
    }
    // A category of the sharer's own is found among the reader's by its name, or made.
    const resolved = item.ownCategory !== undefined ? resolveCategory(`new:${item.ownCategory}`, categories) : { id: item.category ?? '', categories };
    if ('error' in resolved) {
      errors.push(`“${name}”: ${resolved.error}`);
      continue;
    }
    categories = resolved.categories;
    const r = checkDraft(
      { label: item.label, phrases: item.phrases.join('\n'), category: resolved.id, gloss: item.gloss, note: item.note },
      { ...context, categories: [...context.categories, ...ownCategoryList(categories).filter((c) => !context.categories.some((k) => k.id === c.id))], existing: [...context.existing, ...terms] },
    );
    if (r.term) terms.push(r.term);
    errors.push(...r.errors.map((e) => `“${name}”: ${e}`));
    notices.push(...r.notices);
  }
  return errors.length > 0 ? { terms: [], categories: [...own], errors, notices: [], skipped: 0 } : { terms, categories: usedCategories(categories, [...context.existing, ...terms]), errors, notices, skipped };
}

/** The glossary with the reader's own categories and terms after the lexicon's, so reports, search, settings and the page view name them. */
export function glossaryWithUserTerms<L extends { terms: readonly object[]; categories: readonly object[] }>(glossary: L, terms: readonly UserTerm[], own: readonly OwnCategory[] = []): L {
  if (terms.length === 0 && own.length === 0) return glossary;
  return { ...glossary, categories: [...glossary.categories, ...ownCategoryList(own)], terms: [...glossary.terms, ...terms.map((t) => ({ id: t.id, label: t.label, category: t.category, gloss: t.gloss, patterns: t.phrases, contextual: [], reading: 'framing' as const, originals: [] }))] };
}
