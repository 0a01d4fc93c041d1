import { compileOriginals } from './compile-originals.ts';
import { stringify as toYaml } from 'yaml';
import { createFinder } from '../../match/create-finder.ts';
import { tokenise } from '../../text/tokenise.ts';
import { LexiconError, type CardTexts, type CompiledLexicon, type CorpusStats, type FullLexicon, type GlossaryLexicon, type Original, type ShippedDocument, type Term } from '../schema.ts';
import { checkNeutralWording, checkReaderText } from './check-sources.ts';
import { compileContext, curatedCues, learnCues } from './compile-context.ts';
import { compileFamilies, type SourceFamily } from './compile-families.ts';
import { phraseKeys } from '../../match/compile-trie.ts';
import { findOccurrences, type Occurrence } from './find-occurrences.ts';
import { highlightCss } from './highlight-css.ts';
import { loadSources, type LexiconSources } from './load-sources.ts';
import { measureContext, type ContextMeasure } from './measure-context.ts';
import { createActorFinder } from './find-actors.ts';
import { pickExamples, type NoteStub } from './pick-examples.ts';
import { contextCueTest, proposeCandidates, type Candidate } from './propose-candidates.ts';
import { wordFrequencies } from './word-frequencies.ts';
import { renderCandidates, renderContextReport } from './render-reports.ts';
import { splitSentences } from './split-sentences.ts';

/** What {@link learnLexicon} produces: the generated files by name, and figures for the log. */
export interface LearnResult {
  files: Record<string, string>;
  missingNotes: string;
  stats: {
    families: number;
    categories: number;
    variants: number;
    occurrences: number;
    examples: number;
    candidates: number;
    familiesInCorpus: number;
    cues: number;
    learnedCues: number;
  };
}

function json(value: unknown, indent?: number): string {
  return `${JSON.stringify(value, null, indent)}\n`;
}

/** Step: families in category order (categories.yaml), then by id. */
function orderFamilies(sources: LexiconSources): SourceFamily[] {
  const categoryOrder = new Map(sources.categories.map((c, i) => [c.id, i]));
  return [...sources.terms].sort((a, b) => categoryOrder.get(a.category)! - categoryOrder.get(b.category)! || (a.id < b.id ? -1 : 1));
}

/** Step: prose words, occurrences and occurrences by category of each corpus. */
function corpusStats(sources: LexiconSources, docs: readonly { file: string; corpus: string; sentences: { text: string; prose: boolean }[] }[], occurrences: readonly Occurrence[], families: readonly SourceFamily[]): Record<string, CorpusStats> {
  const corpusOf = new Map(docs.map((d) => [d.file, d.corpus]));
  const out: Record<string, CorpusStats> = {};
  for (const corpus of sources.corpora) {
    const byCategory: Record<string, number> = Object.fromEntries(sources.categories.map((c) => [c.id, 0]));
    const words = docs.filter((d) => d.corpus === corpus.id).reduce((n, d) => n + d.sentences.filter((s) => s.prose).reduce((m, s) => m + tokenise(s.text).length, 0), 0);
    for (const o of occurrences) if (o.sentence?.prose && corpusOf.get(o.doc) === corpus.id) byCategory[families[o.term]!.category]!++;
    out[corpus.id] = { words, occurrences: Object.values(byCategory).reduce((a, b) => a + b, 0), byCategory };
  }
  return out;
}

/** The card's line of originals: the first Chinese and the first Russian form, each with its romanisation. */
function cardOriginal(list: readonly Original[] | undefined): string | undefined {
  const first = (['zh', 'ru'] as const).map((lang) => list?.find((o) => o.lang === lang)).filter((o): o is Original => o !== undefined);
  return first.length ? first.map((o) => `${o.form} ${o.romanised}`).join(' · ') : undefined;
}

/**
 * The learning step, as a pipeline of named steps: read and validate the sources; check that no
 * reader field carries working notes; compile every family's variants into the trie; check each
 * neutral wording against its own family; compile the context model (curated cues and guards, plus
 * the people, places and organisations compromise finds in the corpora); find every occurrence in
 * the corpora with the page's own rules; measure which context windows explain them; pick and
 * annotate examples; propose candidates; render the generated files.
 *
 * Pure apart from reading `dir`; the caller writes the files. Throws {@link LexiconError} naming
 * the file, the term and the field on bad sources. When examples lack a curator note and
 * `allowMissingNotes` is false it throws with a stub to paste into `notes/`.
 */
export function learnLexicon(dir: string, { allowMissingNotes = false } = {}): LearnResult {
  const sources = loadSources(dir);
  const families = orderFamilies(sources);
  checkReaderText(families, sources.notes, sources.originals);
  const compiled = compileFamilies(families);

  const docs = sources.documents.map((doc) => ({ ...doc, sentences: splitSentences(doc.text, doc.furniture) }));
  const curated = curatedCues(sources.context);
  const known = new Set([...curated.map((c) => (phraseKeys(c.phrase) ?? []).join(' ')), ...compiled.variants.flat().map((v) => (phraseKeys(v) ?? []).join(' '))]);
  const learned = learnCues(docs.map((d) => d.sentences.filter((s) => s.prose).map((s) => s.text).join('\n')), known);
  const context = compileContext(sources.context, [...curated, ...learned], 'lexicon/context.yaml');
  const lexicon: CompiledLexicon = {
    categories: sources.categories.map(({ id, label, colour, underline, line }) => ({ id, label, colour, underline, line })),
    terms: families.map((f) => {
      const guards = f.guards.reduce((mask, name) => {
        const bit = context.guards.indexOf(name);
        if (bit < 0) throw new LexiconError(`${f.file}: term "${f.id}": field "guards": unknown guard set "${name}" (context.yaml has ${context.guards.join(', ')})`);
        return mask | (1 << bit);
      }, 0);
      const topics = f.topics.reduce((mask, name) => {
        const bit = context.topics.indexOf(name);
        if (bit < 0) throw new LexiconError(`${f.file}: term "${f.id}": field "topics": unknown topic "${name}" (context.yaml has ${context.topics.join(', ')})`);
        return mask | (1 << bit);
      }, 0);
      return {
        id: f.id,
        category: f.category,
        ...(guards ? { guards } : {}),
        ...(f.window === 'after' ? { after: 1 as const } : {}),
        ...(topics ? { topics } : {}),
      };
    }),
    trie: compiled.trie,
    entries: compiled.entries,
    context,
  };
  const cards: CardTexts = Object.fromEntries(families.map((f, i) => {
    const original = cardOriginal(sources.originals.get(f.id));
    return [f.id, { label: f.label, gloss: f.gloss, ...(original ? { original } : {}), patterns: compiled.patterns[i]! }];
  }));
  const finder = createFinder(lexicon);
  checkNeutralWording(families, finder.matcher, compiled.entries);

  // Standard wording has corpus examples too: the popup shows it as the neutral contrast.
  const occurrences = findOccurrences(docs, createFinder(lexicon, { standard: true }));
  const international = new Map(
    docs.map((d) => {
      const page = d.text.split('\n').reduce((sum, line) => {
        const p = finder.pagePoints(line);
        return { points: sum.points + p.points, words: sum.words + p.words, topics: sum.topics | p.topics };
      }, { points: 0, words: 0, topics: 0 });
      return [d.file, { corpus: d.corpus, text: d.text, international: finder.isInternational(page) }] as const;
    }),
  );
  const measures: ContextMeasure[] = measureContext(occurrences, international, finder, [...curated, ...learned]);

  const stubs: Record<string, NoteStub[]> = {};
  const byDoc = new Map(docs.map((d) => [d.file, d]));
  const findActors = createActorFinder(sources.context);
  const terms: Term[] = families.map((family, index) => {
    const mine = occurrences.filter((o) => o.term === index);
    const list: NoteStub[] = [];
    const examples = pickExamples(family, mine, sources.notes.get(family.id) ?? [], byDoc, list, findActors);
    if (list.length > 0) stubs[family.id] = list;
    const counts: Record<string, number> = Object.fromEntries(sources.corpora.map((c) => [c.id, 0]));
    // Occurrences in article prose only: headlines, captions and navigation are not the article's framing.
    for (const o of mine) if (o.sentence?.prose) counts[byDoc.get(o.doc)!.corpus]!++;
    const { exclude: _exclude, file: _file, curator: _curator, guards: _guards, window: _window, topics: _topics, ...rest } = family;
    return { ...rest, originals: sources.originals.get(family.id) ?? [], variants: compiled.variants[index]!, occurrences: counts, examples };
  });

  const missingNotes = Object.keys(stubs).length > 0 ? toYaml(stubs, { lineWidth: 0 }) : '';
  if (missingNotes && !allowMissingNotes) {
    throw new LexiconError(`lexicon/notes: ${Object.keys(stubs).length} families have examples without a curator note; add these to lexicon/notes/<category>.yaml:\n${missingNotes}`);
  }

  const candidates: Candidate[] = proposeCandidates(
    docs.map((d) => ({ file: d.file, corpus: d.corpus, text: d.text, sentences: d.sentences })),
    (doc, start, end) => occurrences.some((o) => o.doc === doc && o.start < end && o.end > start),
    finder,
    contextCueTest(context),
    200,
    wordFrequencies(),
  );

  const documents: ShippedDocument[] = sources.documents.map(({ furniture: _f, text: _t, ...meta }) => meta);
  const glossary: GlossaryLexicon = {
    categories: sources.categories,
    corpora: sources.corpora,
    documents,
    terms: terms.map(({ id, label, category, gloss, patterns, contextual, reading, originals }) => ({
      id,
      label,
      category,
      gloss,
      patterns,
      contextual,
      reading,
      originals: originals.map(({ lang, form, romanised, traditional }) => ({ lang, form, romanised, ...(traditional ? { traditional } : {}) })),
    })),
    corpusStats: corpusStats(sources, docs, occurrences, families),
  };
  const full: FullLexicon = { ...glossary, terms };

  return {
    files: {
      'compiled.json': json(lexicon),
      'originals.json': json(compileOriginals(families.map((f) => f.id), sources.originals, sources.originalsContext, { families: lexicon.terms.map((t) => t.topics ?? 0), names: context.topics })),
      'cards.json': json(cards),
      'lexicon.json': json(full, 1),
      'glossary.json': json(glossary),
      'candidates.json': json(candidates, 1),
      'candidates.md': renderCandidates(candidates),
      'context-report.md': renderContextReport(measures, sources.corpora, learned, curated.length),
      'highlights.css': highlightCss(sources.categories),
    },
    missingNotes,
    stats: {
      families: families.length,
      categories: sources.categories.length,
      variants: compiled.variants.reduce((n, v) => n + v.length, 0),
      occurrences: occurrences.length,
      examples: terms.reduce((n, t) => n + t.examples.length, 0),
      candidates: candidates.length,
      familiesInCorpus: terms.filter((t) => Object.values(t.occurrences).some((n) => n > 0)).length,
      cues: curated.length + learned.length,
      learnedCues: learned.length,
    },
  };
}
