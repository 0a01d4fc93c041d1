import { sentenceAround, type Span } from '../text/sentences.ts';
import type { Finding } from './create-finder.ts';

/**
 * Matching the Chinese and Russian originals of the lexicon's families on a page.
 *
 * Chinese is matched on characters, simplified and traditional, never on word boundaries (there
 * are none between Chinese words): a form matches wherever its characters stand, except where the
 * browser's word segmenter reads them as part of a longer word ({@link insideLongerWord}).
 * Quotation marks inside a form ("“台独”势力") may be any quotation marks or none. Text with kana
 * or hangul is Japanese or Korean, not Chinese ({@link mayHoldOriginals}).
 *
 * Russian is matched on whole words against every form the build generated from a declension
 * model (lib/lexicon/learn/russian-forms.ts), case-insensitively, with ё and е the same letter;
 * a word the lexicon capitalises ("Русский мир", "коллективный Запад") must be capitalised.
 *
 * How each form is read, as for the English families: anywhere; `contextual`, only with a cue of
 * international affairs (lexicon/originals-context.yaml) or another term in its sentence or the
 * sentences beside it; `after` (所谓, так называемый), only when a quotation mark, a cue or another
 * term follows within a few words.
 *
 * Cost: one test for the scripts per text; in text without Chinese or Cyrillic, nothing more. Then
 * one pass per script over the text: a walk of a character trie (Chinese) or a word trie (Russian)
 * of the forms, with no regular expression of them to compile.
 */

/** One original form that can be matched. */
export interface CompiledOriginal {
  /** Index of the family in the compiled lexicon. */
  term: number;
  /** Index of the form among the family's originals (lexicon.json `originals`). */
  original: number;
  lang: 'zh' | 'ru';
  /** How it is read: 0 anywhere, 1 contextual, 2 after. */
  read: 0 | 1 | 2;
  /** As the lexicon writes it, and romanised. */
  form: string;
  romanised: string;
  /** Folded words that, in its sentence, mark another sense. */
  guards?: string[];
  /** Bit set of the topics (as the compiled lexicon's `context.topics`) one of whose cues a contextual form needs; absent when any cue will do. */
  topics?: number;
}

/** The originals as the build compiles them (`lexicon/generated/originals.json`). */
export interface CompiledOriginals {
  originals: CompiledOriginal[];
  /** Folded forms to match (every inflected form of a Russian phrase, both scripts of a Chinese one): [key, index into `originals`, bit set of the capitalised words]. */
  keys: [string, number, number][];
  /** Folded cues by language: [key, bit set of its capitalised words, bit set of the topics it names plus {@link GENERAL_CUE} when it is a cue of international affairs as such]. */
  cues: { zh: [string, number, number][]; ru: [string, number, number][] };
}

/** The bit of a cue's topic set that makes it a cue of international affairs as such; topic cues without it ("中国", "Россия") only tell the topic. */
export const GENERAL_CUE = 1 << 30;

/** Read codes. */
export const READ_ANYWHERE = 0;
export const READ_CONTEXTUAL = 1;
export const READ_AFTER = 2;

/** The ranges of Han characters (CJK unified ideographs, extension A, compatibility ideographs) and of Cyrillic letters. */
const HAN_RANGES = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const CYRILLIC_RANGES = '\\u0400-\\u04ff';
export const HAN = new RegExp(`[${HAN_RANGES}]`);
const CYRILLIC = new RegExp(`[${CYRILLIC_RANGES}]`);
const KANA_HANGUL = /[\u3040-\u30ff\u3130-\u318f\uac00-\ud7af]/;
/** Cyrillic or Han. */
const EITHER = new RegExp(`[${CYRILLIC_RANGES}${HAN_RANGES}]`);
/** Quotation marks Chinese text puts around a word. */
const ZH_QUOTES = '“”"「」『』‘’\'《》〈〉«»';
const ZH_QUOTE = new RegExp(`[${ZH_QUOTES}]`, 'g');
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;

/** True when the originals may match `text`: Russian, or Chinese (Han characters with no kana or hangul, which mark Japanese and Korean). */
export function mayHoldOriginals(text: string): boolean {
  // One pass over the (usually English) text; the finer tests only when it finds either script.
  if (!EITHER.test(text)) return false;
  return CYRILLIC.test(text) || !KANA_HANGUL.test(text);
}

/** True when `text` holds Cyrillic letters: on a page that declares Japanese or Korean, the only originals it may hold. */
export const mayHoldRussian = (text: string): boolean => CYRILLIC.test(text);

/** Every Han character (for counting them). */
export const HAN_CHARACTERS = new RegExp(`[${HAN_RANGES}]`, 'g');

/**
 * The key a form or a matched text is looked up by: lower case, ё as е, any run of spaces as one,
 * every dash as a hyphen; for Chinese, no spaces or quotation marks, and 臺 as 台.
 */
export function foldOriginal(text: string, lang: 'zh' | 'ru'): string {
  if (lang === 'zh') return text.replace(ZH_QUOTE, '').replace(/\s+/g, '').replace(/臺/g, '台');
  return text.toLowerCase().replace(/ё/g, 'е').replace(DASHES, '-').replace(/\s+/g, ' ').trim();
}

/** Bit i set when word i of a Russian form begins with a capital. */
export function capitalWords(form: string): number {
  return form
    .trim()
    .split(/\s+/)
    .reduce((bits, word, i) => (word[0] !== word[0]!.toLowerCase() ? bits | (1 << i) : bits), 0);
}

/** A trie of keys: by character (Chinese) or by word (Russian); `value` is the payload of a key ending here. */
interface KeyTrie<T> {
  /** By UTF-16 code unit (Chinese) or by word (Russian). */
  next: Map<string | number, KeyTrie<T>>;
  value?: T;
}

/** A match of a key trie: where it is in the text and its payload. */
interface KeyMatch<T> {
  start: number;
  end: number;
  value: T;
}

/** Builds the trie of a language's keys (first key wins). Chinese keys go by character, Russian by word. */
function keyTrie<T>(entries: Iterable<[string, T]>, lang: 'zh' | 'ru'): KeyTrie<T> {
  const root: KeyTrie<T> = { next: new Map() };
  for (const [key, value] of entries) {
    let node = root;
    for (const step of lang === 'zh' ? [...key].map((c) => c.charCodeAt(0)) : key.split(' ')) {
      let child = node.next.get(step);
      if (!child) node.next.set(step, (child = { next: new Map() }));
      node = child;
    }
    node.value ??= value;
  }
  return root;
}

const ZH_QUOTE_CODES = new Set([...ZH_QUOTES].map((c) => c.charCodeAt(0)));
/** 臺 read as 台 (keys are folded so). */
const foldHan = (code: number) => (code === 0x81fa ? 0x53f0 : code);

/**
 * Chinese keys in `text[from, to)`, leftmost-longest, on characters: quotation marks between the
 * characters of a key are stepped over ("“台独”势力"), none before its first.
 */
function matchHan<T>(trie: KeyTrie<T>, text: string, from: number, to: number): KeyMatch<T>[] {
  const out: KeyMatch<T>[] = [];
  let i = from;
  while (i < to) {
    let node = trie.next.get(foldHan(text.charCodeAt(i)));
    if (!node) {
      i++;
      continue;
    }
    let best: KeyMatch<T> | null = node.value !== undefined ? { start: i, end: i + 1, value: node.value } : null;
    let j = i + 1;
    while (j < to) {
      while (j < to && ZH_QUOTE_CODES.has(text.charCodeAt(j))) j++;
      if (j >= to) break;
      node = node.next.get(foldHan(text.charCodeAt(j)));
      if (!node) break;
      j++;
      if (node.value !== undefined) best = { start: i, end: j, value: node.value };
    }
    if (best) {
      out.push(best);
      i = best.end;
    } else i++;
  }
  return out;
}

/** A word of Russian text: letters and digits, with inner hyphens and dashes. */
const RU_WORD = /[\p{L}\p{N}]+(?:[-\u2010-\u2015\u2212][\p{L}\p{N}]+)*/gu;

/**
 * Russian keys in `text[from, to)`, leftmost-longest, on whole words folded as keys are (lower
 * case, ё as е, dashes as hyphens); the words of a key may be apart by spaces only.
 */
function matchWords<T>(trie: KeyTrie<T>, text: string, from: number, to: number): KeyMatch<T>[] {
  const words: { start: number; end: number; key: string }[] = [];
  RU_WORD.lastIndex = from;
  for (let m = RU_WORD.exec(text); m && m.index < to; m = RU_WORD.exec(text)) {
    if (m.index + m[0].length > to) break;
    words.push({ start: m.index, end: m.index + m[0].length, key: foldOriginal(m[0], 'ru') });
  }
  const out: KeyMatch<T>[] = [];
  let i = 0;
  while (i < words.length) {
    let node = trie.next.get(words[i]!.key);
    if (!node) {
      i++;
      continue;
    }
    let best: { at: number; value: T } | null = node.value !== undefined ? { at: i, value: node.value } : null;
    for (let j = i + 1; j < words.length; j++) {
      if (!/^\s+$/.test(text.slice(words[j - 1]!.end, words[j]!.start))) break;
      node = node.next.get(words[j]!.key);
      if (!node) break;
      if (node.value !== undefined) best = { at: j, value: node.value };
    }
    if (best) {
      out.push({ start: words[i]!.start, end: words[best.at]!.end, value: best.value });
      i = best.at + 1;
    } else i++;
  }
  return out;
}

const matchKeys = <T>(trie: KeyTrie<T>, text: string, from: number, to: number, lang: 'zh' | 'ru') => (lang === 'zh' ? matchHan(trie, text, from, to) : matchWords(trie, text, from, to));

/** True when every capitalised word of the key is capitalised in `matched` (or all of it is in capitals). */
function capitalsHold(matched: string, caps: number): boolean {
  if (caps === 0 || matched === matched.toUpperCase()) return true;
  const words = matched.split(/\s+/);
  return words.every((w, i) => !(caps & (1 << i)) || w[0] !== w[0]!.toLowerCase());
}

/** Characters that end a Chinese sentence. */
const ZH_END = /[。！？!?；;\n]/;
/** Characters that end a Chinese clause (the reach of 所谓). */
const ZH_CLAUSE_END = /[。！？!?；;，,、：:\n]/;

/** The Chinese sentence around `[start, end)`. */
function zhSentence(text: string, start: number, end: number): Span {
  let s = start;
  while (s > 0 && !ZH_END.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !ZH_END.test(text[e]!)) e++;
  return { start: s, end: Math.min(text.length, e + 1) };
}

/** Characters a Chinese word may carry after it without becoming another word (所谓的, 霸权们). */
const ZH_PARTICLES = new Set([...'的地得了们之等过着者']);

let segmenter: Intl.Segmenter | null | undefined;
/** The browser's Chinese word segmenter (ICU's dictionary), or null where there is none. */
function zhSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    try {
      segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
    } catch {
      segmenter = null;
    }
  }
  return segmenter;
}

/**
 * True when the Chinese match `[start, end)` is part of a longer word that merely contains its
 * characters: the browser's word segmenter (a dictionary, not spaces) reads a word that runs
 * across its first or its last character ("称霸权威": 称霸 | 权威 holds no 霸权; "舞台独白", "本台独家"
 * hold no 台独). A word that only adds a particle after it (所谓的) still counts as the form. Where
 * there is no segmenter, or it reads every character as a word, nothing is rejected.
 */
export function insideLongerWord(text: string, start: number, end: number, segments?: { of?: Intl.Segments }): boolean {
  // Nothing to join with: no Chinese character before it, and none after it but a particle.
  const after = text[end] ?? '';
  const joinsBefore = HAN.test(text[start - 1] ?? '');
  const joinsAfter = HAN.test(after) && !ZH_PARTICLES.has(after);
  if (!joinsBefore && !joinsAfter) return false;
  const seg = zhSegmenter();
  if (!seg) return false;
  // One segmentation of the text serves all its matches (ICU reads only around each position asked).
  const words = segments ? (segments.of ??= seg.segment(text)) : seg.segment(text);
  // The word that holds its first character must start with it; the word that holds its last
  // character must end with it, or run on with particles only.
  if (joinsBefore && words.containing(start)!.index < start) return true;
  if (joinsAfter) {
    const last = words.containing(end - 1)!;
    const tail = text.slice(end, last.index + last.segment.length);
    if ([...tail].some((c) => !ZH_PARTICLES.has(c))) return true;
  }
  return false;
}

/** The originals finder: Chinese and Russian forms in a text, with their reading rules. */
export interface OriginalsFinder {
  /** The originals in one block of text, leftmost-longest, each with its `original`; `others` are finds of other kinds in the text (they count as cues). */
  find(text: string, others?: readonly Span[]): Finding[];
  readonly originals: readonly CompiledOriginal[];
}

/** Words after an `after` form (Russian) that may hold its cue; characters for Chinese. */
const AFTER_WORDS = 5;
const AFTER_CHARS = 12;

/** Creates the finder of compiled originals. */
export function createOriginalsFinder(compiled: CompiledOriginals): OriginalsFinder {
  // Each trie is built the first time its language is read (a Japanese or English page with a
  // Chinese menu item builds the Chinese forms only, and no cues until a form needs them).
  const built: Partial<Record<string, KeyTrie<[number, number]>>> = {};
  const formsOf = (lang: 'zh' | 'ru') =>
    (built[`forms:${lang}`] ??= keyTrie(compiled.keys.filter(([, index]) => compiled.originals[index]!.lang === lang).map(([key, index, caps]) => [key, [index, caps]] as [string, [number, number]]), lang));
  const cuesOf = (lang: 'zh' | 'ru') => (built[`cues:${lang}`] ??= keyTrie(compiled.cues[lang].map(([k, caps, topics]) => [k, [caps, topics]] as [string, [number, number]]), lang));

  /** The first cue of international affairs in `text[from, to)` (of one of `topics`, when given), or null. */
  function cueIn(text: string, from: number, to: number, lang: 'zh' | 'ru', topics = 0): Span | null {
    for (const m of matchKeys(cuesOf(lang), text, from, to, lang)) {
      const [caps, cueTopics] = m.value;
      if (capitalsHold(text.slice(m.start, m.end), caps) && cueTopics & (topics === 0 ? GENERAL_CUE : topics)) return { start: m.start, end: m.end };
    }
    return null;
  }

  function sentenceOf(text: string, lang: 'zh' | 'ru', start: number, end: number): Span {
    return lang === 'zh' ? zhSentence(text, start, end) : sentenceAround(text, start, end);
  }

  /**
   * The cue of a contextual find: a cue or another term in its sentence, then in the sentences
   * beside it. A family tied to topics needs a cue of one of them (another term will not do).
   */
  function contextOf(text: string, lang: 'zh' | 'ru', at: Span, terms: readonly Span[], topics = 0): Finding['cue'] | null {
    const sentence = sentenceOf(text, lang, at.start, at.end);
    const termIn = (span: Span) => (topics ? undefined : terms.find((t) => t !== at && (t.end <= at.start || t.start >= at.end) && t.start >= span.start && t.end <= span.end));
    const own = cueIn(text, sentence.start, sentence.end, lang, topics) ?? termIn(sentence);
    if (own) return { where: 'sentence', start: own.start, end: own.end };
    const before = sentence.start > 0 ? sentenceOf(text, lang, Math.max(0, sentence.start - 2), Math.max(0, sentence.start - 1)) : null;
    const after = sentence.end < text.length ? sentenceOf(text, lang, sentence.end, Math.min(text.length, sentence.end + 1)) : null;
    const near = { start: before?.start ?? sentence.start, end: after?.end ?? sentence.end };
    const cue = cueIn(text, near.start, near.end, lang, topics) ?? termIn(near);
    return cue ? { where: 'nearby', start: cue.start, end: cue.end } : null;
  }

  /** The cue of an `after` find: a quotation mark opening, a cue or another term within a few words after it. */
  function afterOf(text: string, lang: 'zh' | 'ru', at: Span, terms: readonly Span[]): Finding['cue'] | null {
    let to = at.end;
    if (lang === 'zh') {
      while (to < text.length && to - at.end < AFTER_CHARS && !ZH_CLAUSE_END.test(text[to]!)) to++;
    } else {
      for (let words = 0; to < text.length && words < AFTER_WORDS; words++) {
        while (to < text.length && !/[\p{L}\p{N}.!?;]/u.test(text[to]!)) to++;
        while (to < text.length && /[\p{L}\p{N}-]/u.test(text[to]!)) to++;
      }
    }
    const term = terms.find((t) => t.start >= at.end && t.start < to);
    if (term) return { where: 'after', start: term.start, end: term.end };
    const cue = cueIn(text, at.end, to, lang);
    if (cue) return { where: 'after', ...cue };
    const quote = text.slice(at.end, to).search(lang === 'zh' ? /[“「『"《]/ : /[«“"„]/);
    if (quote < 0) return null;
    // In Russian, «так называемый» takes quotation marks only when the writer distances themself
    // from the name (style guides call them redundant otherwise: «так называемый эффект плацебо»).
    if (lang === 'ru' && /^\s*$/.test(text.slice(at.end, at.end + quote))) return { where: 'after', start: at.end + quote, end: at.end + quote + 1 };
    // Chinese quotes sayings too ("所谓“熟能生巧”"): scare quotes count in a sentence about
    // international affairs ("所谓“民主峰会”").
    if (lang === 'ru') return null;
    const sentence = sentenceOf(text, lang, at.start, at.end);
    return cueIn(text, sentence.start, sentence.end, lang) ? { where: 'after', start: at.end + quote, end: at.end + quote + 1 } : null;
  }

  function find(text: string, others: readonly Span[] = []): Finding[] {
    // Most blocks of a Chinese or Russian page's menus and English quotes hold neither script: one pass.
    if (!EITHER.test(text)) return [];
    const out: Finding[] = [];
    for (const lang of ['zh', 'ru'] as const) {
      // Japanese and Korean write Han characters too (覇権, 冷戦): a text with kana or hangul is not Chinese.
      if (lang === 'zh' ? !HAN.test(text) || KANA_HANGUL.test(text) : !CYRILLIC.test(text)) continue;
      const raw: (Finding & { read: number; topics: number })[] = [];
      const segments: { of?: Intl.Segments } = {};
      for (const m of matchKeys(formsOf(lang), text, 0, text.length, lang)) {
        const [index, caps] = m.value;
        if (lang === 'ru' && !capitalsHold(text.slice(m.start, m.end), caps)) continue;
        // A form that closes a quotation inside it ("“台独”分裂势力") takes the quotation mark that opens it.
        const start = m.start > 0 && /[”」』’]/.test(text.slice(m.start, m.end)) && /[“「『‘]/.test(text[m.start - 1]!) ? m.start - 1 : m.start;
        const end = m.end;
        if (lang === 'zh' && insideLongerWord(text, start, end, segments)) continue;
        const o = compiled.originals[index]!;
        if (o.guards) {
          const sentence = sentenceOf(text, lang, start, end);
          const folded = foldOriginal(text.slice(sentence.start, sentence.end), lang);
          if (o.guards.some((g) => folded.includes(g))) continue;
        }
        raw.push({ start, end, term: o.term, pattern: 0, original: { lang, form: o.form, romanised: o.romanised }, read: o.read, topics: o.topics ?? 0 });
      }
      const spans: Span[] = [...others, ...raw.filter((r) => r.read === READ_ANYWHERE)];
      for (const r of raw) {
        const { read, topics, ...finding } = r;
        if (read === READ_ANYWHERE) out.push(finding);
        else {
          const cue = read === READ_CONTEXTUAL ? contextOf(text, lang, r, spans, topics) : afterOf(text, lang, r, [...spans, ...raw.filter((x) => x !== r)]);
          if (cue) out.push({ ...finding, cue });
        }
      }
    }
    return out.sort((a, b) => a.start - b.start);
  }

  return { find, originals: compiled.originals };
}
