import { parseSentence } from './parse-sentence.ts';
import type { Voice } from '../lexicon/schema.ts';

/** Verbs that attribute words or views to someone ("the ministry said", "as Kortunov observed"). */
const SPEECH_VERBS = new Set([
  'say', 'state', 'note', 'stress', 'argue', 'tell', 'declare', 'call', 'condemn', 'urge', 'emphasize',
  'emphasise', 'point', 'claim', 'assert', 'describe', 'accuse', 'observe', 'write', 'add', 'insist',
  'warn', 'reiterate', 'confirm', 'announce', 'suggest', 'label', 'brand', 'dub', 'term', 'opine', 'vow',
  'proclaim', 'allege', 'refer', 'portray', 'highlight', 'put', 'oppose', 'believe', 'agree', 'answer', 'reply', 'respond', 'retort',
]);
/** Verbs of saying that are also common nouns ("states", "notes", "terms"): only their -ed/-ing forms count. */
const PAST_ONLY = new Set(['state', 'note', 'term', 'label', 'brand', 'point', 'call', 'add']);
const OPEN = new Set(['“', '‘', '«', '„', '‹']);
const CLOSE = new Set(['”', '’', '»', '‟', '›']);

/** Quoted spans `[open, close]` in a sentence; straight quotes pair up in order. */
function quotedSpans(sentence: string): [number, number][] {
  const spans: [number, number][] = [];
  const stack: number[] = [];
  let straight = -1;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i]!;
    if (c === '"') {
      if (straight < 0) straight = i;
      else {
        spans.push([straight, i]);
        straight = -1;
      }
    } else if (OPEN.has(c)) {
      // ‘ doubles as an apostrophe only when it closes; an opening one follows a non-letter.
      if (c !== '‘' || i === 0 || !/\p{L}/u.test(sentence[i - 1]!)) stack.push(i);
    } else if (CLOSE.has(c)) {
      const isApostrophe = c === '’' && i > 0 && /\p{L}/u.test(sentence[i - 1]!) && /\p{L}/u.test(sentence[i + 1] ?? '');
      if (!isApostrophe && stack.length > 0) spans.push([stack.pop()!, i]);
    }
  }
  return spans;
}

/** Curly double quotes opened minus closed in `text` (straight quotes are ambiguous and ignored). */
function balance(text: string): number {
  let n = 0;
  for (const c of text) {
    if (c === '“') n++;
    else if (c === '”') n--;
  }
  return n;
}

type Verb = { text: string; offset: { start: number }; verb?: { infinitive?: string } };

/** What compromise reads in a sentence, kept for the last sentences read: a page's occurrences often share one. */
const read = new Map<string, { attributed: boolean; verbs: Verb[] }>();

function readSentence(sentence: string): { attributed: boolean; verbs: Verb[] } {
  const known = read.get(sentence);
  if (known) return known;
  const doc = parseSentence(sentence);
  const result = {
    attributed: doc.has('according to') || doc.has('as [.+] (put|puts) it') || doc.has('as [.+] (points|pointed|point) out'),
    verbs: doc.verbs().json({ offset: true }) as Verb[],
  };
  if (read.size >= 256) read.delete(read.keys().next().value!);
  read.set(sentence, result);
  return result;
}

/**
 * The voice in which `sentence` uses the term at `[start, end)`:
 * - `distancing`: "so-called" before it, or scare quotes around just the term (four words or fewer);
 * - `quotation`: inside a longer quoted passage, also one that spans sentences of its paragraph, or
 *   a paragraph the writer marks as quoted ("(Italics added)");
 * - `attributed`: reported speech or views ("the joint statement says", "according to", "as X put it");
 * - `author`: otherwise, the writer's own words.
 * Uses compromise to find verbs of saying by their infinitive.
 */
export function classifyVoice(sentence: string, start: number, end: number, paragraph?: { before: string; after: string }): Voice {
  const before = sentence.slice(Math.max(0, start - 12), start).toLowerCase();
  if (/so[\s\u2010-\u2014-]called\s*["“‘«]?\s*$/u.test(before)) return 'distancing';
  for (const [open, close] of quotedSpans(sentence)) {
    const overlaps = open < end && close >= start;
    if (!overlaps) continue;
    const quoted = sentence.slice(open + 1, close).trim();
    const words = quoted.split(/\s+/).filter(Boolean).length;
    if (words <= 4) return 'distancing';
    if (open < start) return 'quotation';
  }
  // Inside a quotation that spans sentences: more openers than closers before the sentence in its
  // paragraph, or (a quotation whose opening mark the writer dropped) more closers than openers after it.
  if (balance(sentence.slice(0, start)) > 0) return 'quotation';
  if (paragraph && (balance(paragraph.before) > 0 || balance(paragraph.after) < 0)) return 'quotation';
  // "(Italics added)", "(emphasis added)": the writer marks the paragraph as quoted text they emphasised.
  if (paragraph && /\((?:italics|emphasis) (?:added|mine|ours)\)/i.test(`${paragraph.before} ${sentence} ${paragraph.after}`)) return 'quotation';
  const { attributed, verbs } = readSentence(sentence);
  if (attributed) return 'attributed';
  // A verb of saying governs the term when it comes before it ("X said that … TERM") or closes the
  // sentence after it ("TERM …, X said."). compromise gives each verb's infinitive and offset.
  for (const verb of verbs) {
    const words = (verb.verb?.infinitive ?? verb.text).toLowerCase().split(/\s+/);
    const surface = verb.text.toLowerCase();
    const saying = words.some((w) => SPEECH_VERBS.has(w) && (!PAST_ONLY.has(w) || /ed\b|ing\b/.test(surface)));
    if (!saying) continue;
    const at = verb.offset.start;
    if (at < start) return 'attributed';
    if (at >= end && /,[^,]{0,60}$/.test(sentence.slice(0, at + verb.text.length + 3)) && sentence.length - (at + verb.text.length) < 4) return 'attributed';
  }
  return 'author';
}
