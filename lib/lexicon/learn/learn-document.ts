import type { CompiledLexicon } from '../schema.ts';
import type { Finder } from '../../match/create-finder.ts';
import { classifyVoice } from '../../report/classify-voice.ts';
import { tokenise } from '../../text/tokenise.ts';
import { DOCUMENT_LIMITS, type UserDocument, type UserExample } from '../../user-terms/user-documents.ts';
import { findOccurrences } from './find-occurrences.ts';
import { proposeCandidates } from './propose-candidates.ts';
import { splitSentences } from './split-sentences.ts';

/**
 * Learning from a reader's document in the options page, with the build's own steps: the same
 * sentence splitter, the same finder and page rule for every family's occurrences, the same voice
 * reader for each example sentence and the same candidate ranking. No Node: this runs in the
 * browser (the options page loads compromise for it).
 */

/** What learning needs of the lexicon: the compiled lexicon, a finder over it, ordinary English, the context cue test. */
export interface Learner {
  lexicon: Pick<CompiledLexicon, 'terms'>;
  finder: Finder;
  freq: ReadonlyMap<string, number>;
  isCue: (phrase: string) => boolean;
}

/**
 * Learns from one document: every occurrence of every family (as on a page: lines are blocks, a
 * contextual family fires on its cues or when the whole document is about international affairs),
 * an example for each sentence that has one, with its voice, and the candidates no family covers.
 */
export function learnDocument(doc: { id: string; title: string; text: string; addedAt: string }, learner: Learner): UserDocument {
  const sentences = splitSentences(doc.text, []);
  const occurrences = findOccurrences([{ file: doc.id, text: doc.text, sentences }], learner.finder);
  // Candidates first: they parse every prose sentence, and the voice reader then finds its sentences parsed.
  const candidates = proposeCandidates(
    [{ file: doc.id, text: doc.text, sentences }],
    (_file, start, end) => occurrences.some((o) => o.start < end && o.end > start),
    learner.finder,
    learner.isCue,
    DOCUMENT_LIMITS.candidates,
    learner.freq,
  )
    .slice(0, DOCUMENT_LIMITS.candidates)
    .map((c) => ({ phrase: c.phrase, count: c.count, score: c.score, kinds: c.kinds, sentence: c.example.sentence }));
  const examples: UserExample[] = [];
  const seen = new Set<string>();
  for (const o of occurrences) {
    const sentence = o.sentence;
    const term = learner.lexicon.terms[o.term]!.id;
    if (!sentence?.prose || examples.length >= DOCUMENT_LIMITS.examples || seen.has(`${term}:${sentence.start}`)) continue;
    seen.add(`${term}:${sentence.start}`);
    const start = o.start - sentence.start;
    const end = o.end - sentence.start;
    examples.push({ term, sentence: sentence.text, start, end, voice: classifyVoice(sentence.text, start, end) });
  }
  return { id: doc.id, title: doc.title.slice(0, DOCUMENT_LIMITS.title), words: tokenise(doc.text).length, addedAt: doc.addedAt, occurrences: occurrences.length, examples, candidates };
}

