import { ENTRY_CONTEXTUAL, ENTRY_LOWER_CASE, ENTRY_STANDARD, ENTRY_STOP, type CompiledContext, type CompiledLexicon } from '../lexicon/compiled.ts';
import { sentenceAround, type Span } from '../text/sentences.ts';
import { createMatcher, type Match, type Matcher } from './create-matcher.ts';

/** Where the cue that let a contextual family fire was. */
export type CueWhere = 'sentence' | 'nearby' | 'after' | 'page';

/** What made a contextual family fire: a cue (its offsets in the text searched) or the page as a whole. */
export type Cue = { where: Exclude<CueWhere, 'page'>; start: number; end: number } | { where: 'page' };

/** A framing term found in a text. Offsets are UTF-16 code units into that text. */
export interface Finding {
  start: number;
  end: number;
  /** Index of the family in the compiled lexicon. */
  term: number;
  /** Index of the pattern (in the family's `patterns`) the text is a form of. */
  pattern: number;
  /** For a contextual family, what let it fire. */
  cue?: Cue;
  /** For a Chinese or Russian original (lib/match/originals.ts): the form the lexicon writes, romanised. */
  original?: { lang: 'zh' | 'ru'; form: string; romanised: string };
}

/** What {@link Finder.find} returns: what fires, and the contextual finds only the page as a whole can decide. */
export interface Found {
  readonly found: readonly Finding[];
  /** Contextual finds without a cue in their sentence or its neighbours: they fire when the page qualifies ({@link Finder.firesOnPage}). */
  readonly pending: readonly Finding[];
}

/** What {@link Finder.find} returns for a text without a candidate (nearly every run of a page): one shared object, nothing allocated per run. */
const NOTHING: Found = Object.freeze({ found: Object.freeze([]), pending: Object.freeze([]) });

/** The cue points of a text, for the page-level decision. */
export interface PagePoints {
  points: number;
  words: number;
  /** Bit set of the topics whose words the text holds. */
  topics: number;
}

/** The lexicon's matcher with its context rules. */
export interface Finder {
  /** Framing terms in one block of text, longest-leftmost; standard wording and guarded senses left out. */
  find(text: string): Found;
  /** The cue points and words of a text (a page is the sum of its blocks). */
  pagePoints(text: string): PagePoints;
  /** True when a page with these points is about international affairs as a whole. */
  isInternational(page: PagePoints): boolean;
  /** True when a pending find fires on a page with these points: the page is about international affairs and, for a family tied to topics, holds one of them. */
  firesOnPage(finding: Finding, page: PagePoints): boolean;
  /** The words of a text, a match counting as one. */
  countWords(text: string): number;
  /** The cue that puts `text[start, end)` in international-affairs context, from its sentence or its neighbours; null when none does. */
  contextAt(text: string, start: number, end: number): Cue | null;
  /** The plain matcher of the variants (no context rules). */
  readonly matcher: Matcher;
}

/** The cues, guards and topics found in a window of text. */
interface Window {
  points: number;
  guards: number;
  topics: number;
  /** The strongest cue, first of equals. */
  cue: Span | null;
  /** The first topic cue. */
  topicCue: Span | null;
}

const TITLES = 'titles';
/** Points a framing term elsewhere in the window is worth (as much as a strong cue). */
const TERM_POINTS = 2;
/** Words after a family read in the `after` window ("so-called …") that may hold its cue. */
const AFTER_WORDS = 5;

/** True when the last word of `text[start, end)` begins with a capital letter. */
function lastWordCapitalised(text: string, start: number, end: number): boolean {
  let i = end;
  while (i > start && /[\p{L}\p{N}'’.]/u.test(text[i - 1]!)) i--;
  const c = text[i] ?? '';
  return c !== c.toLowerCase();
}

/** True when every letter of `text[start, end)` is a capital. */
function allCapitals(text: string, start: number, end: number): boolean {
  return !/\p{Ll}/u.test(text.slice(start, end));
}

/** A character that may be inside a token (letters, digits, marks, and what joins them: apostrophes, dots, soft hyphens, zero-width joiners). */
const INSIDE_WORD = /[\p{L}\p{N}\p{M}'’.\u00ad\u200b-\u200d\u2060\ufeff]/u;

/** True when offset `at` of `text` falls between two tokens, not inside one. */
function splitsNoWord(text: string, at: number): boolean {
  return at <= 0 || at >= text.length || !INSIDE_WORD.test(text[at - 1]!) || !INSIDE_WORD.test(text[at]!);
}

/** The words of a span (letters and digits), for title-case tests. */
function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
}

const capitalised = (word: string) => word[0] !== word[0]!.toLowerCase();

/**
 * True when the lexicon writes a pattern in lower case and it has a word of four letters or more
 * ("balance of power", not "Thucydides Trap" or "G7"): compiled into its entry's flags
 * (`ENTRY_LOWER_CASE`), so the content script needs no pattern text for {@link isTitleName}.
 */
export function writtenInLowerCase(pattern: string): boolean {
  const written = wordsOf(pattern).filter((w) => w.length >= 4);
  return written.length > 0 && !written.some(capitalised);
}

/**
 * True when a phrase the lexicon writes in lower case stands in the text Like A Title inside an
 * ordinary sentence: the name of a show, a film or a metro line ("a host of Balance of Power",
 * "the Red Line to Alewife"), not the phrase. Not at the start of a sentence, and not in a
 * headline (a sentence most of whose longer words are capitalised), where case says nothing. A
 * capitalised phrase followed by a sequel number ("Hegemony III") is a title wherever it stands.
 */
function isTitleName(text: string, start: number, end: number, lowerCase: boolean, sentence: Span): boolean {
  // A sequel number after it ("Hegemony III", "Balance of Power II"): a title whatever the case.
  if (/^\s+(?:II|III|IV|V|VI|VII|VIII|IX|X)\b/.test(text.slice(end, end + 6)) && capitalised(text.slice(start, end))) return true;
  if (!lowerCase) return false;
  const seen = wordsOf(text.slice(start, end)).filter((w) => w.length >= 4);
  if (seen.length === 0 || !seen.every(capitalised)) return false;
  if (start <= sentence.start + 1) return false;
  const rest = wordsOf(text.slice(sentence.start, start) + ' ' + text.slice(end, sentence.end)).filter((w) => w.length >= 4);
  const title = rest.filter(capitalised).length;
  return rest.length > 0 && title / rest.length < 0.6;
}

/** True when every word of four letters or more in `text` begins with a capital. */
function allCapitalised(text: string): boolean {
  const long = wordsOf(text).filter((w) => w.length >= 4);
  return long.length > 0 && long.every(capitalised);
}

/** The sentence before `span` in `text`, or null at the start. */
function previousSentence(text: string, span: Span): Span | null {
  let p = span.start - 1;
  while (p > 0 && /\s/.test(text[p]!)) p--;
  return p > 0 ? sentenceAround(text, p, p) : null;
}

/** The sentence after `span` in `text`, or null at the end. */
function nextSentence(text: string, span: Span): Span | null {
  let p = span.end;
  while (p < text.length && /\s/.test(text[p]!)) p++;
  return p < text.length ? sentenceAround(text, p, p + 1) : null;
}

/**
 * Creates the finder of a compiled lexicon: its matcher plus the rules that decide how each family
 * is read (see lexicon/README.md, "How a family is read").
 *
 * - A pattern of a `framing` family fires anywhere, unless a guard word of the family (or, for the
 *   `titles` guard, title case) in its sentence marks another sense.
 * - A `contextual` pattern fires where cues of international affairs around it reach the model's
 *   points: first in its sentence, then with the sentences before and after it; a framing term of
 *   another family counts as a strong cue. Otherwise it is pending: it fires when the page as a
 *   whole is about international affairs ({@link Finder.isInternational}).
 * - A family tied to topics (the camps in Xinjiang, Russia's "new regions") needs a cue of one of
 *   them in its sentence or beside it, or a page about international affairs that names one.
 * - A family read `after` ("so-called") needs its cue in the few words it qualifies, or nothing
 *   fires: elsewhere it is a voice signal, not a term.
 * - `standard` wording (the wire services' and the UN's) consumes its text but is not returned,
 *   unless `options.standard` asks for it (the lexicon build, which shows examples of it too).
 *
 * Cost: the matcher's, plus a scan of the context trie over a sentence or three for each
 * contextual or guarded find only; text without a candidate costs nothing more.
 */
export function createFinder(lexicon: Pick<CompiledLexicon, 'trie' | 'entries' | 'terms' | 'context'>, options: { standard?: boolean } = {}): Finder {
  const matcher = createMatcher(lexicon.trie);
  const context: CompiledContext = lexicon.context;
  const cues = createMatcher(context.trie);
  const titleBit = context.guards.indexOf(TITLES);
  const titles = titleBit < 0 ? 0 : 1 << titleBit;
  const { entries, terms } = lexicon;

  /** The text whose windows {@link cuesBetween} reads, their length so far, and its cue matches once scanned whole. */
  let current: string | null = null;
  let windowsRead = 0;
  let wholeCues: readonly Match[] | null = null;

  /**
   * The cue matches in `text[from, to)`, and the offset their `start` and `end` are relative to.
   * Windows that begin and end at sentence bounds (`aligned`) are scanned alone until they add up
   * to more than the text; from then on they are read from one scan of the whole text: a block
   * with many finds reads its sentences about twice, not once for every window around every find,
   * and a long block with one find still reads only its sentences. That scan finds in a window
   * exactly what the window's own scan finds unless one of its matches crosses a bound of the
   * window (a phrase across a line break, which ends a sentence but not a phrase); then, and for
   * other windows, the window is scanned alone.
   */
  function cuesBetween(text: string, from: number, to: number, aligned: boolean): { matches: readonly Match[]; base: number } {
    if (aligned) {
      if (text !== current) {
        current = text;
        windowsRead = 0;
        wholeCues = null;
      }
      if (wholeCues === null && (windowsRead += to - from) > text.length) wholeCues = cues.findMatches(text);
      // A sentence longer than `sentenceAround` reads is cut there, maybe inside a word: scanned alone.
      if (wholeCues !== null && splitsNoWord(text, from) && splitsNoWord(text, to)) {
        const inside: Match[] = [];
        let crossed = false;
        for (const m of wholeCues) {
          if (m.end <= from) continue;
          if (m.start >= to) break;
          if (m.start < from || m.end > to) {
            crossed = true;
            break;
          }
          inside.push(m);
        }
        if (!crossed) return { matches: inside, base: 0 };
      }
    }
    return { matches: cues.findMatches(text.slice(from, to)), base: from };
  }

  /**
   * Cue points and guard words in `text[from, to)`, leaving out phrases inside `[skipStart, skipEnd)`
   * (the find itself); `aligned` when the window begins and ends at sentence bounds (see {@link cuesBetween}).
   */
  function scanWindow(text: string, from: number, to: number, skipStart: number, skipEnd: number, aligned = false): Window {
    const { matches, base } = cuesBetween(text, from, to, aligned);
    const seen = new Set<string>();
    let points = 0;
    let guards = 0;
    let topics = 0;
    let topicCue: Span | null = null;
    let cue: Span | null = null;
    let best = 0;
    for (const m of matches) {
      const start = base + m.start;
      const end = base + m.end;
      // The find's own words say nothing about its context ("game" in "zero-sum game"); a cue or
      // guard phrase that reaches beyond it does ("multipolar expansion", "containment vessel").
      if (start >= skipStart && end <= skipEnd) continue;
      const weight = context.kinds[4 * m.entry]!;
      const rule = context.kinds[4 * m.entry + 2]!;
      if (rule === 1 && !lastWordCapitalised(text, start, end)) continue;
      if (rule === 2 && !allCapitals(text, start, end)) continue;
      guards |= context.kinds[4 * m.entry + 1]!;
      const topic = context.kinds[4 * m.entry + 3]!;
      if (topic !== 0) {
        topics |= topic;
        topicCue ??= { start, end };
      }
      if (weight === 0) continue;
      const key = text.slice(start, end).toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      points += weight;
      if (weight > best) {
        best = weight;
        cue = { start, end };
      }
    }
    return { points, guards, topics, cue, topicCue };
  }

  /**
   * The cue that puts `text[start, end)` in international-affairs context: the strongest cue of its
   * sentence when the sentence reaches the points (framing terms in `anchors` count as strong cues),
   * else of the sentence with its neighbours; null when neither does.
   */
  function contextAt(text: string, start: number, end: number, anchors: readonly Span[] = [], topics = 0): Cue | null {
    const termPoints = (span: Span) => TERM_POINTS * anchors.filter((a) => a.start >= span.start && a.end <= span.end).length;
    const anchorIn = (span: Span) => anchors.find((a) => a.start >= span.start && a.end <= span.end)!;
    const sentence = sentenceAround(text, start, end);
    const inSentence = scanWindow(text, sentence.start, sentence.end, start, end, true);
    if (topics !== 0) {
      // A family tied to topics needs one of their cues, in its sentence or beside it.
      if (inSentence.topics & topics) return { where: 'sentence', ...inSentence.topicCue! };
      const before = previousSentence(text, sentence);
      const after = nextSentence(text, sentence);
      const near = scanWindow(text, before?.start ?? sentence.start, after?.end ?? sentence.end, start, end, true);
      return near.topics & topics ? { where: 'nearby', ...near.topicCue! } : null;
    }
    if (inSentence.points + termPoints(sentence) >= context.points) {
      const at = inSentence.cue ?? anchorIn(sentence);
      return { where: 'sentence', start: at.start, end: at.end };
    }
    const before = previousSentence(text, sentence);
    const after = nextSentence(text, sentence);
    const near = { start: before?.start ?? sentence.start, end: after?.end ?? sentence.end };
    if (near.start === sentence.start && near.end === sentence.end) return null;
    const around = scanWindow(text, near.start, near.end, start, end, true);
    if (around.points + termPoints(near) < context.points) return null;
    const at = around.cue ?? anchorIn(near);
    return { where: 'nearby', start: at.start, end: at.end };
  }

  function find(text: string): Found {
    const raw = matcher.findMatches(text);
    if (raw.length === 0) return NOTHING;
    const found: Finding[] = [];
    const pending: Finding[] = [];
    /** Offsets of framing finds, which count as cues for contextual ones around them. */
    const anchors: Finding[] = [];
    const contextual: Finding[] = [];
    for (const m of raw) {
      const flags = entries[3 * m.entry + 2]!;
      if (flags & ENTRY_STOP || (flags & ENTRY_STANDARD && !options.standard)) continue;
      const term = entries[3 * m.entry]!;
      const finding: Finding = { start: m.start, end: m.end, term, pattern: entries[3 * m.entry + 1]! };
      const family = terms[term]!;
      const guards = family.guards ?? 0;
      if (guards !== 0 || flags & ENTRY_CONTEXTUAL) {
        const sentence = sentenceAround(text, m.start, m.end);
        if (guards & titles && isTitleName(text, m.start, m.end, (flags & ENTRY_LOWER_CASE) !== 0, sentence)) continue;
        if (guards & ~titles && scanWindow(text, sentence.start, sentence.end, m.start, m.end, true).guards & guards) continue;
      }
      if (flags & ENTRY_CONTEXTUAL) contextual.push(finding);
      else {
        anchors.push(finding);
        found.push(finding);
      }
    }
    const after: Finding[] = [];
    for (const finding of contextual) {
      const family = terms[finding.term]!;
      if (family.after) {
        after.push(finding);
        continue;
      }
      const cue = contextAt(text, finding.start, finding.end, anchors.filter((a) => a.term !== finding.term), family.topics ?? 0);
      if (cue) found.push({ ...finding, cue });
      // A capitalised match of a family that can be a title ("Balance of Power" in a menu or a
      // heading, where every word is capitalised) needs a cue of its own: the page is not enough.
      else if (!((family.guards ?? 0) & titles && allCapitalised(text.slice(finding.start, finding.end)))) pending.push(finding);
    }
    // Last, the families that qualify what follows them ("so-called …"): the words they qualify
    // must reach the points, or hold a term found above; elsewhere they are a voice signal, not a term.
    for (const finding of after) {
      const sentence = sentenceAround(text, finding.start, finding.end);
      let to = finding.end;
      for (let words = 0; to < sentence.end && words < AFTER_WORDS; words++) {
        while (to < sentence.end && !/[\p{L}\p{N}]/u.test(text[to]!)) to++;
        while (to < sentence.end && /[\p{L}\p{N}'’-]/u.test(text[to]!)) to++;
      }
      const window = scanWindow(text, finding.end, to, finding.start, finding.end);
      const anchor = found.find((a) => a.start >= finding.end && a.start < to);
      if (anchor) found.push({ ...finding, cue: { where: 'after', start: anchor.start, end: anchor.end } });
      else if (window.points >= context.points && window.cue) found.push({ ...finding, cue: { where: 'after', ...window.cue } });
    }
    if (contextual.length > 0 && found.length > 1) found.sort((a, b) => a.start - b.start);
    return { found, pending };
  }

  function isInternational(page: PagePoints): boolean {
    return page.points >= context.page.points && page.words > 0 && (page.points * 1000) / page.words >= context.page.per1000;
  }

  return {
    matcher,
    find,
    contextAt: (text, start, end) => contextAt(text, start, end),
    pagePoints(text) {
      // One pass: the window over the whole text is the text, so its matcher's count of what it read is the text's words.
      const window = scanWindow(text, 0, text.length, 0, 0);
      return { points: window.points, words: cues.wordsRead(), topics: window.topics };
    },
    isInternational,
    firesOnPage(finding, page) {
      const topics = terms[finding.term]!.topics ?? 0;
      return isInternational(page) && (topics === 0 || (page.topics & topics) !== 0);
    },
    countWords: (text) => matcher.countWords(text),
  };
}
