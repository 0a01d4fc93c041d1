import { classifyVoice } from '../../report/classify-voice.ts';
import type { ActorFinder } from './find-actors.ts';
import { LexiconError, type Example, type Note } from '../schema.ts';
import type { SourceFamily } from './compile-families.ts';
import type { Occurrence } from './find-occurrences.ts';
import type { Sentence } from './split-sentences.ts';

/** Up to this many examples per family and corpus. */
export const MAX_EXAMPLES = 3;

/** A document the examples are cut from. */
export interface ExampleDoc {
  file: string;
  corpus: string;
  text: string;
}

/** A note stub for an example that has none: what `npm run lexicon` asks the curator to write. */
export interface NoteStub {
  doc: string;
  quote: string;
  note: string;
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
 * Picks up to {@link MAX_EXAMPLES} examples of a family from each corpus (prose only, one per
 * sentence, noted ones first, spread across documents), and annotates each with its curator note,
 * its voice (the curator's reading where the note gives one, else what `classifyVoice` infers) and
 * the actors it names. Throws a {@link LexiconError} for a note whose quote is in no
 * sentence where the family occurs, and for a sentence that is not verbatim in its document.
 * Examples without a note come back with an empty note and a stub in `stubs`.
 */
export function pickExamples(
  family: SourceFamily,
  mine: readonly Occurrence[],
  notes: readonly (Note & { file: string })[],
  docs: ReadonlyMap<string, ExampleDoc>,
  stubs: NoteStub[],
  findActors: ActorFinder,
): Example[] {
  const prose = mine.filter((o) => o.sentence?.prose);
  const noteFor = (o: Occurrence) => notes.find((n) => n.doc === o.doc && o.sentence!.text.includes(n.quote));
  for (const note of notes) {
    if (!prose.some((o) => o.doc === note.doc && o.sentence!.text.includes(note.quote))) {
      throw new LexiconError(`${note.file}: term "${family.id}": field "quote": "${note.quote}" is not in any sentence of ${note.doc} where this family occurs`);
    }
  }
  const picked: Occurrence[] = [];
  const corpora = [...new Set(prose.map((o) => docs.get(o.doc)!.corpus))];
  for (const corpus of corpora) {
    // One candidate per sentence, ranked; then pick, spreading across documents.
    const bySentence = new Map<Sentence, Occurrence>();
    for (const o of prose) if (docs.get(o.doc)!.corpus === corpus && !bySentence.has(o.sentence!)) bySentence.set(o.sentence!, o);
    const ranked = [...bySentence.values()].sort(
      (a, b) => rankSentence(b.sentence!, !!noteFor(b)) - rankSentence(a.sentence!, !!noteFor(a)) || (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start),
    );
    const mineHere: Occurrence[] = [];
    for (const o of ranked) if (mineHere.length < MAX_EXAMPLES && !mineHere.some((p) => p.doc === o.doc)) mineHere.push(o);
    for (const o of ranked) if (mineHere.length < MAX_EXAMPLES && !mineHere.includes(o)) mineHere.push(o);
    picked.push(...mineHere);
  }
  picked.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start));

  return picked.map((o) => {
    const sentence = o.sentence!;
    const doc = docs.get(o.doc)!;
    if (doc.text.slice(sentence.start, sentence.end) !== sentence.text) {
      throw new LexiconError(`lexicon/corpus/${doc.corpus}/${o.doc}: term "${family.id}": field "examples": sentence at ${sentence.start} is not verbatim in the document`);
    }
    const note = noteFor(o);
    if (!note) stubs.push({ doc: o.doc, quote: doc.text.slice(o.start, o.end), note: 'TODO: what the framing does in this sentence' });
    return {
      doc: o.doc,
      sentence: sentence.text,
      sentenceStart: sentence.start,
      sentenceEnd: sentence.end,
      start: o.start,
      end: o.end,
      note: note?.note ?? '',
      voice: note?.voice ?? classifyVoice(sentence.text, o.start - sentence.start, o.end - sentence.start, paragraphAround(doc.text, sentence)),
      actors: findActors(sentence.text),
    };
  });
}
