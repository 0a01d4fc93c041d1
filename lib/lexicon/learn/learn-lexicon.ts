import { stringify as toYaml } from 'yaml';
import { createMatcher } from '../../match/create-matcher.ts';
import { buildTrie } from '../../match/trie.ts';
import { classifyVoice, findActors } from '../../report/classify-voice.ts';
import { tokenise } from '../../text/tokenise.ts';
import { LexiconError, type CompiledLexicon, type Example, type FullLexicon, type GlossaryLexicon, type Term } from '../schema.ts';
import { generateVariants } from './generate-variants.ts';
import { highlightCss } from './highlight-css.ts';
import { loadSources, type LexiconSources } from './load-sources.ts';
import { proposeCandidates, type Candidate } from './propose-candidates.ts';
import { splitLines, splitSentences, type Sentence } from './split-sentences.ts';

/** Up to this many examples per family. */
const MAX_EXAMPLES = 3;

/** One occurrence of a family in the corpus. */
export interface Occurrence {
  doc: string;
  term: number;
  start: number;
  end: number;
  sentence: Sentence | undefined;
}

/** What {@link learnLexicon} produces: the generated files by name, and figures for the log. */
export interface LearnResult {
  files: Record<string, string>;
  missingNotes: string;
  stats: { families: number; categories: number; variants: number; occurrences: number; examples: number; candidates: number; familiesInCorpus: number };
}

function json(value: unknown, indent?: number): string {
  return `${JSON.stringify(value, null, indent)}\n`;
}

/** The rest of the paragraph (line) before and after a sentence. */
function paragraphAround(text: string, sentence: Sentence): { before: string; after: string } {
  const lineStart = text.lastIndexOf('\n', sentence.start - 1) + 1;
  const lineEnd = text.indexOf('\n', sentence.end);
  return { before: text.slice(lineStart, sentence.start), after: text.slice(sentence.end, lineEnd < 0 ? text.length : lineEnd) };
}

/** Examples ranked: curated (noted) first, self-contained length, then corpus order. */
function rankSentence(sentence: Sentence, hasNote: boolean): number {
  const words = sentence.text.split(/\s+/).length;
  let score = hasNote ? 100 : 0;
  if (words >= 10 && words <= 45) score += 3;
  else if (words >= 6 && words <= 70) score += 1;
  if (/^[A-Z“"]/.test(sentence.text)) score += 1;
  return score;
}

/**
 * The learning step: validates the sources, generates variants, compiles the trie, finds every
 * occurrence of every family in the corpus, cuts and annotates examples, and proposes candidates.
 * Pure apart from reading `dir`; the caller writes the files. Throws {@link LexiconError} on bad
 * sources, a variant claimed twice, an unknown category, or a non-verbatim example. When notes are
 * missing and `allowMissingNotes` is false it throws with a stub to paste into `notes/`.
 */
export function learnLexicon(dir: string, { allowMissingNotes = false } = {}): LearnResult {
  const sources: LexiconSources = loadSources(dir);
  const categoryOrder = new Map(sources.categories.map((c, i) => [c.id, i]));
  const families = [...sources.terms].sort(
    (a, b) => categoryOrder.get(a.category)! - categoryOrder.get(b.category)! || (a.id < b.id ? -1 : 1),
  );

  // Variants and the trie.
  const variants = families.map((family) => {
    const all = new Set<string>();
    for (const pattern of family.patterns) {
      if (tokenise(pattern).length === 0) throw new LexiconError(`${family.file}: term "${family.id}": field "patterns": "${pattern}" has no words`);
      for (const v of generateVariants(pattern, family.exclude)) all.add(v);
    }
    return [...all].sort();
  });
  const { trie, conflicts } = buildTrie(variants.flatMap((list, term) => list.map((v) => [v, term] as const)));
  if (conflicts.length > 0) {
    const byPair = new Map<string, string[]>();
    for (const c of conflicts) {
      const key = `${c.term}:${c.claimedBy}`;
      byPair.set(key, [...(byPair.get(key) ?? []), c.variant]);
    }
    throw new LexiconError(
      [...byPair.entries()]
        .map(([key, list]) => {
          const [term, claimedBy] = key.split(':').map(Number) as [number, number];
          const family = families[term]!;
          const other = families[claimedBy];
          const what = other ? `is also claimed by term "${other.id}" (${other.file})` : 'has no words, or punctuation other than one comma between words (the matcher never spans it)';
          return `${family.file}: term "${family.id}": field "patterns": variant "${list[0]}"${list.length > 1 ? ` (and ${list.length - 1} more)` : ''} ${what}`;
        })
        .join('\n'),
    );
  }
  const matcher = createMatcher(trie);

  // Occurrences in the corpus, line by line (lines are the blocks the matcher never joins).
  const docs = sources.documents.map((doc) => ({ ...doc, sentences: splitSentences(doc.text, doc.furniture) }));
  const occurrences: Occurrence[] = [];
  let corpusWords = 0;
  for (const doc of docs) {
    corpusWords += doc.sentences.filter((s) => s.prose).reduce((n, s) => n + tokenise(s.text).length, 0);
    for (const line of splitLines(doc.text)) {
      for (const m of matcher.findMatches(line.text)) {
        const start = line.start + m.start;
        const end = line.start + m.end;
        const sentence = doc.sentences.find((s) => s.start <= start && end <= s.end);
        occurrences.push({ doc: doc.file, term: m.term, start, end, sentence });
      }
    }
  }

  // Examples, notes, annotations.
  const stubs: Record<string, { doc: string; quote: string; note: string }[]> = {};
  const terms: Term[] = families.map((family, index) => {
    const notes = sources.notes.get(family.id) ?? [];
    const mine = occurrences.filter((o) => o.term === index && o.sentence?.prose);
    const noteFor = (o: Occurrence) => notes.find((n) => n.doc === o.doc && o.sentence!.text.includes(n.quote));
    for (const note of notes) {
      if (!mine.some((o) => o.doc === note.doc && o.sentence!.text.includes(note.quote))) {
        throw new LexiconError(`${note.file}: term "${family.id}": field "quote": "${note.quote}" is not in any sentence of ${note.doc} where this family occurs`);
      }
    }
    // One candidate per sentence, ranked; then pick, spreading across documents.
    const bySentence = new Map<Sentence, Occurrence>();
    for (const o of mine) if (!bySentence.has(o.sentence!)) bySentence.set(o.sentence!, o);
    const ranked = [...bySentence.values()].sort(
      (a, b) => rankSentence(b.sentence!, !!noteFor(b)) - rankSentence(a.sentence!, !!noteFor(a)) || (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start),
    );
    const picked: Occurrence[] = [];
    for (const o of ranked) if (picked.length < MAX_EXAMPLES && !picked.some((p) => p.doc === o.doc)) picked.push(o);
    for (const o of ranked) if (picked.length < MAX_EXAMPLES && !picked.includes(o)) picked.push(o);
    picked.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start));

    const examples: Example[] = picked.map((o) => {
      const sentence = o.sentence!;
      const doc = docs.find((d) => d.file === o.doc)!;
      if (doc.text.slice(sentence.start, sentence.end) !== sentence.text) {
        throw new LexiconError(`lexicon/corpus/${o.doc}: term "${family.id}": field "examples": sentence at ${sentence.start} is not verbatim in the document`);
      }
      const note = noteFor(o);
      if (!note) {
        const quote = doc.text.slice(o.start, o.end);
        (stubs[family.id] ??= []).push({ doc: o.doc, quote, note: 'TODO: what the framing does in this sentence' });
      }
      return {
        doc: o.doc,
        sentence: sentence.text,
        sentenceStart: sentence.start,
        sentenceEnd: sentence.end,
        start: o.start,
        end: o.end,
        note: note?.note ?? '',
        voice: classifyVoice(sentence.text, o.start - sentence.start, o.end - sentence.start, paragraphAround(doc.text, sentence)),
        actors: findActors(sentence.text),
      };
    });
    const { exclude: _exclude, file: _file, ...rest } = family;
    // Occurrences in article prose only: headlines, captions and navigation are not the article's framing.
    return { ...rest, variants: variants[index]!, occurrences: mine.length, examples };
  });

  const missingNotes = Object.keys(stubs).length > 0 ? toYaml(stubs, { lineWidth: 0 }) : '';
  if (missingNotes && !allowMissingNotes) {
    throw new LexiconError(`lexicon/notes: ${Object.keys(stubs).length} families have examples without a curator note; add these to lexicon/notes/<category>.yaml:\n${missingNotes}`);
  }

  const candidates: Candidate[] = proposeCandidates(docs.map((d) => ({ file: d.file, sentences: d.sentences })), (doc, start, end) =>
    occurrences.some((o) => o.doc === doc && o.start < end && o.end > start),
  );

  const byCategory: Record<string, number> = {};
  for (const c of sources.categories) byCategory[c.id] = 0;
  for (const o of occurrences) if (o.sentence?.prose) byCategory[families[o.term]!.category]!++;

  const compiled: CompiledLexicon = {
    categories: sources.categories.map(({ id, label, colour, underline }) => ({ id, label, colour, underline })),
    terms: families.map(({ id, label, category, gloss }) => ({ id, label, category, gloss })),
    trie,
  };
  const full: FullLexicon = {
    categories: sources.categories,
    documents: sources.documents.map(({ file, title, author, outlet, date }) => ({ file, title, author, outlet, date })),
    terms,
    corpusStats: { words: corpusWords, occurrences: Object.values(byCategory).reduce((a, b) => a + b, 0), byCategory },
  };
  const glossary: GlossaryLexicon = {
    categories: full.categories,
    documents: full.documents,
    terms: terms.map(({ id, label, category, gloss, patterns }) => ({ id, label, category, gloss, patterns })),
    corpusStats: full.corpusStats,
  };
  const md = [
    '# Candidate framing phrases',
    '',
    'Phrases that recur in the corpus or are quoted there, look distinctive against ordinary English',
    '(SUBTLEX-US) and are not covered by any family yet. Generated by `npm run lexicon`; ranked by',
    'score = distinctiveness × log2(1 + count) × documents (× 1.5 when quoted).',
    '',
    '| phrase | found as | count | docs | distinctiveness | score | example |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- |',
    ...candidates.map(
      (c) => `| ${c.phrase} | ${c.kinds.join(', ')} | ${c.count} | ${c.docs} | ${c.distinctiveness} | ${c.score} | ${c.example.doc}: “${c.example.sentence.slice(0, 90).replace(/\|/g, '\\|')}${c.example.sentence.length > 90 ? '…' : ''}” |`,
    ),
    '',
  ].join('\n');

  return {
    files: {
      'compiled.json': json(compiled),
      'lexicon.json': json(full, 1),
      'glossary.json': json(glossary),
      'candidates.json': json(candidates, 1),
      'candidates.md': md,
      'highlights.css': highlightCss(sources.categories),
    },
    missingNotes,
    stats: {
      families: families.length,
      categories: sources.categories.length,
      variants: variants.reduce((n, v) => n + v.length, 0),
      occurrences: occurrences.length,
      examples: terms.reduce((n, t) => n + t.examples.length, 0),
      candidates: candidates.length,
      familiesInCorpus: terms.filter((t) => t.occurrences > 0).length,
    },
  };
}
