import nlp from 'compromise';

type Doc = ReturnType<typeof nlp>;

/** compromise's reading of the sentences read last: the voice reader and the candidate finder read the same sentences, and a parse costs milliseconds. */
const parsed = new Map<string, Doc>();
const KEEP = 512;

/**
 * compromise's parse of one sentence, shared by everything that reads sentences (voices, candidate
 * noun phrases, actors): parsed once while it is among the last {@link KEEP} read. Callers only
 * read the document (json, out, has); none changes it.
 */
export function parseSentence(sentence: string): Doc {
  let doc = parsed.get(sentence);
  if (doc) return doc;
  doc = nlp(sentence);
  if (parsed.size >= KEEP) parsed.delete(parsed.keys().next().value!);
  parsed.set(sentence, doc);
  return doc;
}
