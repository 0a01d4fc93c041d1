import nlp from 'compromise';
import { tokenise } from '../../text/tokenise.ts';
import type { Sentence } from './split-sentences.ts';
import { wordFrequencies } from './word-frequencies.ts';

/** A phrase proposed to the curator. */
export interface Candidate {
  phrase: string;
  /** How it was found: a recurring n-gram, a noun phrase, a quoted phrase or scare quotes. */
  kinds: string[];
  count: number;
  docs: number;
  /** Mean rarity of its words against ordinary English: -log10(frequency per million + 0.01). */
  distinctiveness: number;
  score: number;
  example: { doc: string; sentence: string };
}

const STOP = new Set(
  ('a an the and or but of to in on at by for with from as is are was were be been being it its this that these those ' +
    'their there they them he she his her we our you your i not no nor so than then such which who whom whose what when ' +
    'where how all any both each few more most other some own same too very can will just should would could may might must ' +
    'has have had do does did also into over under about after before between through during against among up down out off ' +
    'again further once here why only said says one two three new many much well like').split(' '),
);

/** True when every content word of a run of tokens is capitalised in the text: names, not framing. */
function isNameLike(tokens: readonly { key: string; start: number }[], text: string): boolean {
  const content = tokens.filter((t) => !STOP.has(t.key));
  return content.length > 0 && content.every((t) => /\p{Lu}/u.test(text[t.start] ?? ''));
}

interface Doc {
  file: string;
  sentences: Sentence[];
}

/**
 * Proposes phrases that recur in the corpus, look like framing and no family covers yet: n-grams
 * of two to four words and compromise noun phrases, ranked by distinctiveness against ordinary
 * English (SUBTLEX-US) times their spread across documents and their count, plus every quoted
 * phrase of one to five words (scare quotes and slogans). `isCovered(doc, start, end)` says when a
 * span already overlaps a lexicon match. Deterministic: ties break alphabetically.
 */
export function proposeCandidates(docs: readonly Doc[], isCovered: (doc: string, start: number, end: number) => boolean, limit = 80): Candidate[] {
  const freq = wordFrequencies();
  // Rarity in orders of magnitude below one in a million words: always positive, 8 for unseen words.
  const rarity = (word: string) => 6 - Math.log10((freq.get(word) ?? 0) + 0.01);
  const table = new Map<string, { kinds: Set<string>; places: Set<string>; docs: Set<string>; example: { doc: string; sentence: string } }>();
  const add = (phrase: string, kind: string, doc: string, sentence: string, at: number) => {
    let entry = table.get(phrase);
    if (!entry) table.set(phrase, (entry = { kinds: new Set(), places: new Set(), docs: new Set(), example: { doc, sentence } }));
    entry.kinds.add(kind);
    // One count per place in the corpus, however many detectors found it there.
    entry.places.add(`${doc}:${at}`);
    entry.docs.add(doc);
  };

  for (const { file, sentences } of docs) {
    for (const sentence of sentences) {
      if (!sentence.prose) continue;
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
          add(keys.join(' '), 'n-gram', file, sentence.text, start);
        }
      }
      for (const np of nlp(sentence.text).nouns().out('array') as string[]) {
        const keys = tokenise(np).map((t) => t.key).filter((k) => !STOP.has(k));
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
    const distinctiveness = words.filter((w) => !STOP.has(w)).reduce((s, w) => s + rarity(w), 0) / Math.max(1, words.filter((w) => !STOP.has(w)).length);
    const score = distinctiveness * Math.log2(1 + count) * entry.docs.size * (quoted ? 1.5 : 1);
    out.push({
      phrase,
      kinds: [...entry.kinds].sort(),
      count,
      docs: entry.docs.size,
      distinctiveness: Math.round(distinctiveness * 100) / 100,
      score: Math.round(score * 100) / 100,
      example: entry.example,
    });
  }
  // Drop phrases contained in a better-scoring longer candidate with the same count.
  out.sort((a, b) => b.score - a.score || (a.phrase < b.phrase ? -1 : 1));
  const kept = out.filter((c) => !out.some((d) => d !== c && d.count >= c.count && d.phrase.length > c.phrase.length && ` ${d.phrase} `.includes(` ${c.phrase} `)));
  return kept.slice(0, limit);
}
