import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateVariantsWith } from '../../lib/lexicon/learn/generate-variants.ts';
import { generateVariants } from '../../lib/lexicon/learn/variants.ts';
import { parseFrequencyTable } from '../../lib/lexicon/learn/frequency-table.ts';
import { frequencyTableText, wordFrequencies } from '../../lib/lexicon/learn/word-frequencies.ts';
import type { CompiledLexicon, FullLexicon, GlossaryLexicon } from '../../lib/lexicon/schema.ts';
import { createFinder } from '../../lib/match/create-finder.ts';
import { withUserTerms } from '../../lib/match/with-user-terms.ts';
import { OWN_CATEGORY_SLOTS, ownCategoryList } from '../../lib/user-terms/own-categories.ts';
import { checkDraft, exportTermList, glossaryWithUserTerms, importTermList, parseStoredUserTerms, resolveCategory, type CheckContext, type UserTerm } from '../../lib/user-terms/user-terms.ts';
import { writtenPatterns } from '../../lib/report/parse-report.ts';

const LEXICON = fileURLToPath(new URL('../../lexicon/generated/', import.meta.url));
const full = JSON.parse(readFileSync(`${LEXICON}lexicon.json`, 'utf8')) as FullLexicon;
const compiled = JSON.parse(readFileSync(`${LEXICON}compiled.json`, 'utf8')) as CompiledLexicon;
const context = (existing: UserTerm[] = []): CheckContext => ({ categories: full.categories, lexicon: full.terms, existing, variantsOf: (p) => generateVariants(p) });
const draft = (phrases: string, more: Partial<{ label: string; category: string; gloss: string; note: string }> = {}) => ({ phrases, category: 'world-order', gloss: 'A teacher’s gloss of the phrase.', ...more });
const add = (phrases: string, more = {}, existing: UserTerm[] = []) => checkDraft(draft(phrases, more), context(existing));

describe('your terms: checking what the reader types', () => {
  it('makes a term with the lexicon’s variants: plurals, hyphen and space spellings', () => {
    const r = add('responsible stakeholder\nmulti-vector foreign policy', { note: 'Robert Zoellick’s phrase of 2005, answered in Beijing.' });
    expect(r.errors).toEqual([]);
    expect(r.term).toMatchObject({ id: 'user-responsible-stakeholder', label: 'responsible stakeholder', category: 'world-order', note: 'Robert Zoellick’s phrase of 2005, answered in Beijing.' });
    expect(r.term!.variants[0]).toEqual(['responsible stakeholder', 'responsible stakeholders']);
    // One spelling per form the matcher tells apart (it reads a hyphen as a space): the phrase as written first.
    expect(r.term!.variants[1]).toEqual(['multi vector foreign policies', 'multi-vector foreign policy', 'multivector foreign policies', 'multivector foreign policy']);
  });

  it.each([
    ['an empty phrase', '  \n ', 'Write at least one phrase'],
    ['a phrase of common words only', 'of the', 'only common words'],
    ['punctuation the matcher never spans', 'peace; prosperity', 'could never match'],
    ['the pattern syntax of the lexicon', 'interference in * affairs', 'without *, [ or ]'],
    ['a phrase over 80 characters', 'a '.repeat(30) + 'very long phrase about the international order of things', 'longer than 80 characters'],
    ['a lexicon pattern', 'Cold War mentality', 'already in the lexicon as “Cold War mentality”'],
    ['a variant of a lexicon pattern', 'multi-polar worlds', '“multi-polar worlds” is already in the lexicon as “Multipolar world”'],
    ['a spelling the lexicon makes of its own pattern', 'co-operative security frameworks', '“co-operative security frameworks” is already in the lexicon as “Security architecture”'],
  ])('refuses %s, saying why', (_name, phrases, message) => {
    const r = add(phrases);
    expect(r.term).toBeNull();
    expect(r.errors.join(' ')).toContain(message);
  });

  it('refuses a missing gloss or category, and a phrase that is already one of the reader’s terms', () => {
    expect(checkDraft(draft('strategic patience', { gloss: ' ' }), context()).errors.join(' ')).toContain('Write a gloss');
    expect(checkDraft(draft('strategic patience', { category: 'no-such-category' }), context()).errors.join(' ')).toContain('Choose a category');
    const first = add('strategic patience').term!;
    expect(add('Strategic-patience', {}, [first]).errors.join(' ')).toContain('already one of your terms (“strategic patience”)');
  });

  it('allows a phrase that contains a lexicon phrase, and says the lexicon’s family is marked where both fit', () => {
    const r = add('Cold War mentality of Washington');
    expect(r.errors).toEqual([]);
    expect(r.notices.join(' ')).toContain('overlaps the lexicon’s “Cold War mentality”');
  });

  it('gives each term its own id', () => {
    const a = add('strategic patience').term!;
    const b = add('strategic patience doctrine', { label: 'strategic patience' }, [a]).term!;
    expect([a.id, b.id]).toEqual(['user-strategic-patience', 'user-strategic-patience-2']);
  });
});

describe('your terms: stored data and shared files', () => {
  const categories = new Set(full.categories.map((c) => c.id));
  const good = add('strategic patience').term!;

  it('keeps the sound terms of a damaged list and names the ones it leaves out', () => {
    const { terms, warnings } = parseStoredUserTerms({ terms: [good, { ...good, id: 'user-x', category: 'gone' }, { label: 'broken' }, good] }, categories);
    expect(terms).toEqual([good]);
    expect(warnings).toEqual([
      'your terms: term “strategic patience” has an unknown category "gone"; left out',
      'your terms: term “broken” is malformed (id); left out',
      'your terms: term “strategic patience” is listed twice; the second is left out',
    ]);
    expect(parseStoredUserTerms('nonsense', categories)).toEqual({ terms: [], categories: [], warnings: ['your terms: the stored list is not a list of terms; none are used'] });
  });

  it('a shared list round-trips: exported, imported elsewhere, the same terms with variants made afresh', () => {
    const second = add('assertive diplomacy', { category: 'loaded-language', gloss: 'Describes a state’s diplomacy as pushy.' }, [good]).term!;
    const text = exportTermList([good, second]);
    expect(JSON.parse(text)).toMatchObject({ format: 'framing-lens-terms', version: 1 });
    expect(text).not.toContain('variants');
    const r = importTermList(text, text.length, context());
    expect(r.errors).toEqual([]);
    expect(r.terms.map(({ id, label, category, gloss, phrases, variants }) => ({ id, label, category, gloss, phrases, variants }))).toEqual([good, second].map(({ id, label, category, gloss, phrases, variants }) => ({ id, label, category, gloss, phrases, variants })));
    // Importing it again skips what the reader already has.
    expect(importTermList(text, text.length, context(r.terms))).toMatchObject({ terms: [], skipped: 2, errors: [] });
  });

  it.each([
    ['a wrong version', JSON.stringify({ format: 'framing-lens-terms', version: 9, terms: [] }), 'version 9; this Framing Lens reads version 1'],
    ['another JSON file', JSON.stringify({ name: 'package' }), 'not a Framing Lens term list'],
    ['a file that is not JSON', 'phrase,category\nstrategic patience,world-order', 'not JSON'],
    ['a binary file', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', 'not text'],
    ['a term the reader could not add', exportTermList([{ ...good, phrases: ['the of'] }]), '“strategic patience”: “the of” is only common words'],
  ])('imports nothing from %s, saying why', (_name, text, message) => {
    const r = importTermList(text, text.length, context());
    expect(r.terms).toEqual([]);
    expect(r.errors.join(' ')).toContain(message);
  });

  it('refuses a 2 MB file before reading it', () => {
    expect(importTermList('', 2_000_000, context()).errors).toEqual(['The file is 2000 kB; a term list is at most 200 kB.']);
  });
});

describe('your terms on the page', () => {
  const finder = createFinder(compiled);
  const patience = add('strategic patience', { category: 'security-doctrine' }).term!;
  const overlapping = add('Cold War mentality of Washington').term!;
  const { lexicon, finder: both } = withUserTerms(compiled, finder, [patience, overlapping]);
  // The pattern a find names, read as the popup reads it: from the glossary with the own terms.
  const written = writtenPatterns(glossaryWithUserTerms(JSON.parse(readFileSync(`${LEXICON}glossary.json`, 'utf8')) as GlossaryLexicon, [patience, overlapping]).terms);
  const found = (text: string) => both.find(text).found.map((f) => ({ text: text.slice(f.start, f.end), id: lexicon.terms[f.term]!.id, pattern: written(lexicon.terms[f.term]!.id)![f.pattern] }));

  it('marks an own term wherever it appears, with its variants, in order with the lexicon’s finds', () => {
    expect(found('After years of strategic patience, talk of a Cold War mentality returned; critics mocked Strategic Patience.')).toEqual([
      { text: 'strategic patience', id: 'user-strategic-patience', pattern: 'strategic patience' },
      { text: 'Cold War mentality', id: 'cold-war-mentality', pattern: 'Cold War mentality' },
      { text: 'Strategic Patience', id: 'user-strategic-patience', pattern: 'strategic patience' },
    ]);
  });

  it('where an own term and a lexicon phrase overlap, the lexicon’s family is marked', () => {
    expect(found('They accused the delegation of a Cold War mentality of Washington’s making.').map((f) => f.id)).toEqual(['cold-war-mentality']);
  });

  it('adds nothing when there are no own terms', () => {
    expect(withUserTerms(compiled, finder, [])).toEqual({ lexicon: compiled, finder });
  });
});

describe('the options page reads ordinary English as the lexicon build does', () => {
  const shipped = parseFrequencyTable(frequencyTableText());
  it('the shipped frequency table is the build’s, word for word and number for number', () => {
    expect(shipped.size).toBe(wordFrequencies().size);
    expect([...shipped].filter(([w, f]) => wordFrequencies().get(w) !== f)).toEqual([]);
  });
  it('and makes the same variants for every pattern of the lexicon', () => {
    const differ = full.terms.flatMap((t) => t.patterns).filter((p) => JSON.stringify(generateVariantsWith((w) => shipped.has(w), p)) !== JSON.stringify(generateVariants(p)));
    expect(differ).toEqual([]);
  });
});

describe('your own categories', () => {
  const categories = new Set(full.categories.map((c) => c.id));
  const withOwn = (own: Parameters<typeof ownCategoryList>[0]): CheckContext => ({ ...context(), categories: [...full.categories, ...ownCategoryList(own)] });

  it('a new category takes the first free slot; the same name again is the same category; a fifth is refused', () => {
    const first = resolveCategory('new:Class vocabulary', []);
    expect(first).toEqual({ id: 'yours-1', categories: [{ id: 'yours-1', label: 'Class vocabulary' }] });
    if ('error' in first) throw new Error(first.error);
    expect(resolveCategory('new: class  VOCABULARY ', first.categories)).toEqual({ id: 'yours-1', categories: first.categories });
    const full4 = OWN_CATEGORY_SLOTS.map((s, i) => ({ id: s.id, label: `Week ${i + 1}` }));
    expect(resolveCategory('new:Week 5', full4)).toEqual({ error: 'You have 4 categories of your own, the most Framing Lens keeps; put the term in one of them, or delete the terms of one first.' });
    expect(resolveCategory('new:  ', [])).toEqual({ error: 'Name your new category.' });
    expect(resolveCategory('world-order', [])).toEqual({ id: 'world-order', categories: [] });
  });

  it('a term goes into a category of the reader’s, and the stored list keeps both; a damaged category is left out with its terms', () => {
    const own = [{ id: 'yours-1' as const, label: 'Class vocabulary' }];
    const term = checkDraft(draft('debt relief', { category: 'yours-1' }), withOwn(own)).term!;
    expect(term.category).toBe('yours-1');
    expect(parseStoredUserTerms({ terms: [term], categories: own }, categories)).toEqual({ terms: [term], categories: own, warnings: [] });
    const damaged = parseStoredUserTerms({ terms: [term], categories: [{ id: 'yours-9', label: 'Nowhere' }] }, categories);
    expect(damaged.terms).toEqual([]);
    expect(damaged.warnings).toEqual(['your terms: a category of yours is malformed or listed twice; left out', 'your terms: term “debt relief” has an unknown category "yours-1"; left out']);
  });

  it('a shared list carries the category’s name; the importing reader’s category of that name is used, or a new one is made', () => {
    const own = [{ id: 'yours-1' as const, label: 'Class vocabulary' }];
    const term = checkDraft(draft('debt relief', { category: 'yours-1' }), withOwn(own)).term!;
    const text = exportTermList([term], own);
    expect(JSON.parse(text).terms[0]).toEqual({ label: 'debt relief', ownCategory: 'Class vocabulary', gloss: 'A teacher’s gloss of the phrase.', phrases: ['debt relief'] });
    // Someone whose first slot holds another category: the shared one is made in the second.
    const theirs = [{ id: 'yours-1' as const, label: 'Week 6 reading' }];
    const imported = importTermList(text, text.length, withOwn(theirs), theirs);
    expect(imported.errors).toEqual([]);
    expect(imported.terms[0]!.category).toBe('yours-2');
    expect(imported.categories).toEqual([{ id: 'yours-2', label: 'Class vocabulary' }]);
  });
});
