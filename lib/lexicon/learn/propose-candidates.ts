import nlp from 'compromise';
import type { CompiledContext } from '../compiled.ts';
import { parseSentence } from '../../report/parse-sentence.ts';
import type { Finder } from '../../match/create-finder.ts';
import { createMatcher } from '../../match/create-matcher.ts';
import { tokenise } from '../../text/tokenise.ts';
import type { Sentence } from './split-sentences.ts';
import { STOP_WORDS } from '../../text/stop-words.ts';

/** A phrase proposed to the curator. */
export interface Candidate {
  phrase: string;
  /** How it was found: a recurring n-gram, a noun phrase, a quoted phrase or scare quotes. */
  kinds: string[];
  count: number;
  docs: number;
  /** Mean rarity of its words against ordinary English: -log10(frequency per million + 0.01). */
  distinctiveness: number;
  /** Share of its places whose sentence is about international affairs (the context model's cues). */
  context: number;
  /** How one-sided its use is across the corpora, 0 (every corpus alike, per word) to 1 (one corpus only). */
  side: number;
  score: number;
  example: { doc: string; sentence: string };
}

const STOP = STOP_WORDS;

/** True when every content word of a run of tokens is capitalised in the text: names, not framing. */
function isNameLike(tokens: readonly { key: string; start: number }[], text: string): boolean {
  const content = tokens.filter((t) => !STOP.has(t.key));
  return content.length > 0 && content.every((t) => /\p{Lu}/u.test(text[t.start] ?? ''));
}

interface Doc {
  file: string;
  /** The corpus the document belongs to: a phrase one corpus uses and the other does not is a side's vocabulary. */
  corpus?: string;
  text: string;
  sentences: Sentence[];
}

/** Head nouns of descriptive categories and of actors: "the Pacific region", "the private sector", "G7 leaders", "developing countries". */
const DESCRIPTIVE_HEADS = new Set(
  ('region regions area areas sector sectors century centuries term markets transition assistance health infrastructure economy ' +
    'chain chains supply food challenges base society leaders partners people workers countries nations businesses officials governments members groups')
    .split(' '),
);

/** Words of dates, quantities and site furniture: a phrase with one is never framing ("years ago", "tv channel"). */
const FURNITURE = new Set(
  ('year years ago day days week weeks month months today yesterday tomorrow time times percent cent billion million thousand hundred ' +
    'tv channel video website site click read italics added photo image caption copyright page pages link subscribe newsletter').split(' '),
);

/** True when compromise reads the phrase as a noun phrase: it ends in a noun and starts with no verb, adverb or preposition. */
function isNounPhrase(phrase: string): boolean {
  const terms = nlp(phrase).terms();
  return terms.last().has('#Noun') && !terms.first().has('#Verb') && !terms.first().has('#Adverb') && !terms.first().has('#Preposition');
}

/**
 * True for a phrase that is, whole, one of the context model's weighted cues ("joint statement",
 * "state visit"): the field's descriptive vocabulary, never proposed as framing.
 */
export function contextCueTest(context: CompiledContext): (phrase: string) => boolean {
  const cues = createMatcher(context.trie);
  return (phrase) => {
    const cue = cues.findMatches(phrase)[0];
    // kinds are in fours: weight, guards, case rule, topics.
    return cue !== undefined && cue.start === 0 && cue.end === phrase.length && context.kinds[4 * cue.entry]! > 0;
  };
}

/**
 * Proposes phrases that recur in the corpora, look like framing and no family covers yet: noun
 * phrases of two to four words (compromise's chunks, and n-grams compromise reads as noun phrases)
 * and every quoted phrase of one to five words (scare quotes and slogans). A phrase with a word of
 * dates, quantities or site furniture, a name, or one of the context model's own cues ("joint
 * statement", "state visit": descriptive vocabulary of the field, not framing) is left out. Ranked
 * by distinctiveness² against ordinary English (SUBTLEX-US) × log2(1 + count) × (1 + log2(documents)) × (1.5
 * when quoted) × (0.5 + the share of its sentences that are about international affairs) × (0.25 +
 * how one-sided its use is across the corpora: the vocabulary of one side, not of the field).
 * The best `limit` are returned, and after them every phrase in scare quotes or after "so-called"
 * (the writer marking someone else's framing). `isCovered(doc, start, end)` says when a span
 * already overlaps a lexicon match, `isCue(phrase)`
 * when a phrase is one of the context model's cues; `freq` gives ordinary English. Deterministic:
 * ties break alphabetically.
 */
export function proposeCandidates(
  docs: readonly Doc[],
  isCovered: (doc: string, start: number, end: number) => boolean,
  finder: Finder,
  isCue: (phrase: string) => boolean,
  limit: number,
  /** Frequencies of ordinary English per million words (SUBTLEX-US: `wordFrequencies()` in Node, `parseFrequencyTable` in the options page). */
  freq: ReadonlyMap<string, number>,
): Candidate[] {
  // Rarity in orders of magnitude below one in a million words: always positive, 8 for unseen words.
  const rarity = (word: string) => 6 - Math.log10((freq.get(word) ?? 0) + 0.01);
  const table = new Map<string, { kinds: Set<string>; places: Map<string, boolean>; docs: Set<string>; byCorpus: Map<string, number>; example: { doc: string; sentence: string } }>();
  const corpusOf = new Map(docs.map((d) => [d.file, d.corpus ?? '']));
  const wordsIn = new Map<string, number>();
  for (const d of docs) wordsIn.set(d.corpus ?? '', (wordsIn.get(d.corpus ?? '') ?? 0) + d.sentences.reduce((n, s) => n + (s.prose ? tokenise(s.text).length : 0), 0));
  let inContext = false;
  const add = (phrase: string, kind: string, doc: string, sentence: string, at: number) => {
    if (phrase.split(' ').some((w) => FURNITURE.has(w))) return;
    let entry = table.get(phrase);
    if (!entry) table.set(phrase, (entry = { kinds: new Set(), places: new Map(), docs: new Set(), byCorpus: new Map(), example: { doc, sentence } }));
    entry.kinds.add(kind);
    // One count per place in the corpus, however many detectors found it there.
    const place = `${doc}:${at}`;
    if (!entry.places.has(place)) entry.byCorpus.set(corpusOf.get(doc) ?? '', (entry.byCorpus.get(corpusOf.get(doc) ?? '') ?? 0) + 1);
    entry.places.set(place, inContext);
    entry.docs.add(doc);
  };

  for (const { file, text, sentences } of docs) {
    for (const sentence of sentences) {
      if (!sentence.prose) continue;
      // A zero-width point: every cue of the sentence counts (a span would leave out the cues inside it).
      inContext = finder.contextAt(text, sentence.start, sentence.start) !== null;
      const tokens = tokenise(sentence.text);
      for (let n = 2; n <= 4; n++) {
        for (let i = 0; i + n <= tokens.length; i++) {
          const run = tokens.slice(i, i + n);
          if (run.slice(1).some((t) => !t.softBefore)) continue;
          const keys = run.map((t) => t.key);
          if (STOP.has(keys[0]!) || STOP.has(keys[n - 1]!) || keys.some((k) => /^\d/.test(k))) continue;
          const start = sentence.start + run[0]!.start;
          const end = sentence.start + run[n - 1]!.end;
          if (isCovered(file, start, end) || isNameLike(run, sentence.text)) continue;
          add(keys.join(' '), 'recurring', file, sentence.text, start);
        }
      }
      for (const np of parseSentence(sentence.text).nouns().out('array') as string[]) {
        // Stop words trimmed at the ends only, so "allies and partners" stays one phrase with its n-gram.
        const all = tokenise(np).map((t) => t.key);
        let from = 0;
        let to = all.length;
        while (from < to && STOP.has(all[from]!)) from++;
        while (to > from && STOP.has(all[to - 1]!)) to--;
        const keys = all.slice(from, to);
        if (keys.length < 2 || keys.length > 4 || isNameLike(tokenise(np), np)) continue;
        const at = sentence.text.indexOf(np);
        if (at >= 0 && isCovered(file, sentence.start + at, sentence.start + at + np.length)) continue;
        // Counted where its first content word stands, as the n-gram of the same words is.
        const firstContent = tokenise(np).find((t) => !STOP.has(t.key));
        const first = at >= 0 && firstContent ? at + firstContent.start : -1;
        add(keys.join(' '), 'noun phrase', file, sentence.text, first >= 0 ? sentence.start + first : -1 - table.size);
      }
      for (const quoted of sentence.text.matchAll(/[“"‘]([^”"’“‘]{2,60})[”"’]/gu)) {
        const inner = quoted[1]!.trim();
        const words = inner.split(/\s+/).length;
        if (words > 5 || !/\p{L}/u.test(inner)) continue;
        const at = sentence.start + (quoted.index ?? 0);
        if (isCovered(file, at, at + quoted[0].length)) continue;
        const prefix = sentence.text.slice(Math.max(0, (quoted.index ?? 0) - 10), quoted.index).toLowerCase();
        const innerAt = at + quoted[0].indexOf(inner);
        add(tokenise(inner).map((t) => t.key).join(' '), /so.called\s*$/.test(prefix) ? 'so-called' : words <= 3 ? 'scare quotes' : 'quoted', file, sentence.text, innerAt);
      }
    }
  }

  const out: Candidate[] = [];
  for (const [phrase, entry] of table) {
    const words = phrase.split(' ');
    const quoted = entry.kinds.has('scare quotes') || entry.kinds.has('quoted') || entry.kinds.has('so-called');
    const count = entry.places.size;
    if (!quoted && count < 2) continue;
    // The cheap tests first: a parse (isNounPhrase) costs milliseconds, and most n-grams fail these.
    if (isCue(phrase)) continue;
    const content = words.filter((w) => !STOP.has(w));
    // Everyday words throughout ("work together", "long term"): not a phrase a curator needs to see.
    if (!quoted && content.every((w) => rarity(w) < 4.5)) continue;
    if (!quoted && DESCRIPTIVE_HEADS.has(words[words.length - 1]!)) continue;
    if (!quoted && !entry.kinds.has('noun phrase') && !isNounPhrase(phrase)) continue;
    // Per-word rates in each corpus: a phrase every corpus uses alike is the field's shared vocabulary.
    const rates = [...wordsIn].filter(([, n]) => n > 0).map(([c, n]) => (entry.byCorpus.get(c) ?? 0) / n);
    const side = rates.length < 2 ? 1 : (Math.max(...rates) - Math.min(...rates)) / Math.max(...rates);
    const distinctiveness = content.reduce((s, w) => s + rarity(w), 0) / Math.max(1, content.length);
    const context = [...entry.places.values()].filter(Boolean).length / count;
    const score = distinctiveness ** 2 * Math.log2(1 + count) * (1 + Math.log2(entry.docs.size)) * (quoted ? 1.5 : 1) * (0.5 + context) * (0.25 + side);
    out.push({
      phrase,
      kinds: [...entry.kinds].sort(),
      count,
      docs: entry.docs.size,
      distinctiveness: Math.round(distinctiveness * 100) / 100,
      context: Math.round(context * 100) / 100,
      side: Math.round(side * 100) / 100,
      score: Math.round(score * 100) / 100,
      example: entry.example,
    });
  }
  // Drop phrases contained in a better-scoring longer candidate with the same count.
  out.sort((a, b) => b.score - a.score || (a.phrase < b.phrase ? -1 : 1));
  const kept = out.filter((c) => !out.some((d) => d !== c && d.count >= c.count && d.phrase.length > c.phrase.length && ` ${d.phrase} `.includes(` ${c.phrase} `)));
  // Scare quotes and "so-called" are the writer marking a phrase as someone else's framing: always listed.
  const top = kept.slice(0, limit);
  const marked = kept.slice(limit).filter((c) => c.kinds.includes('scare quotes') || c.kinds.includes('so-called'));
  return [...top, ...marked];
}
