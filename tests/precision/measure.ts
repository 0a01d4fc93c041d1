import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { scanText } from '../../lib/cli/scan-file.ts';
import type { Finder } from '../../lib/match/create-finder.ts';
import { readWhy, whyLine, whyOf } from '../../lib/match/explain.ts';
import { loadWritten } from '../../lib/cli/load-generated.ts';
import type { CompiledLexicon } from '../../lib/lexicon/schema.ts';
import { foldOriginal, type CompiledOriginals } from '../../lib/match/originals.ts';

/**
 * Precision and recall of the lexicon on three hand-written or hand-labelled sets (see
 * tests/fixtures/precision/README.md): ordinary sentences holding look-alikes of lexicon phrases,
 * framed sentences in wordings the corpus never uses with the families they carry, and real
 * published texts labelled by hand. Each sentence of the first two sets is read as a page of its
 * own, with the finder the content script uses.
 */

export const FIXTURES = fileURLToPath(new URL('../fixtures/precision/', import.meta.url));

/** A look-alike sentence: it must not be highlighted at all. */
export interface LookalikeCase {
  line: number;
  domain: string;
  resembles: string;
  sentence: string;
}

/** A framed sentence and every family it carries. */
export interface FramedCase {
  line: number;
  families: string[];
  register: string;
  sentence: string;
}

function readTsv(file: string, columns: number): { line: number; cells: string[] }[] {
  return readFileSync(`${FIXTURES}${file}`, 'utf8')
    .split('\n')
    .map((text, i) => ({ line: i + 1, cells: text.split('\t') }))
    .filter((row) => row.cells.length === columns && row.cells[columns - 1]!.trim() !== '' && !row.cells[0]!.startsWith('#'));
}

export const readLookalikes = (file = 'lookalikes.tsv'): LookalikeCase[] =>
  readTsv(file, 3).map(({ line, cells: [domain, resembles, sentence] }) => ({ line, domain: domain!, resembles: resembles!, sentence: sentence! }));

export const readFramed = (file = 'framed.tsv'): FramedCase[] =>
  readTsv(file, 3).map(({ line, cells: [families, register, sentence] }) => ({ line, families: families!.split(',').map((f) => f.trim()).filter(Boolean), register: register!, sentence: sentence! }));

/** Each family's written patterns, read once per lexicon (the hover card's source: cards.json). */
const writtenByLexicon = new WeakMap<CompiledLexicon, string[][]>();
function writtenOf(lexicon: CompiledLexicon): string[][] {
  let written = writtenByLexicon.get(lexicon);
  if (!written) writtenByLexicon.set(lexicon, (written = loadWritten(lexicon)));
  return written;
}

/** What the finder highlights in one sentence read as a page of its own: `[text, family id, why]`. */
export function highlights(lexicon: CompiledLexicon, finder: Finder, sentence: string): { text: string; term: string; why: string }[] {
  const { found, pending } = finder.find(sentence);
  const page = finder.pagePoints(sentence);
  const all = [...found, ...pending.filter((f) => finder.firesOnPage(f, page)).map((f) => ({ ...f, cue: { where: 'page' as const } }))];
  return all.map((f) => ({ text: sentence.slice(f.start, f.end), term: lexicon.terms[f.term]!.id, why: whyLine(readWhy(whyOf(f, sentence), writtenOf(lexicon)[f.term] ?? [], sentence.slice(f.start, f.end))) }));
}

/** Figures of the look-alike set. */
export interface LookalikeResult {
  cases: number;
  highlighted: { c: LookalikeCase; hits: { text: string; term: string; why: string }[] }[];
  rate: number;
  byDomain: Record<string, { cases: number; highlighted: number }>;
}

export function measureLookalikes(lexicon: CompiledLexicon, finder: Finder, cases: readonly LookalikeCase[]): LookalikeResult {
  const highlighted: LookalikeResult['highlighted'] = [];
  const byDomain: LookalikeResult['byDomain'] = {};
  for (const c of cases) {
    const hits = highlights(lexicon, finder, c.sentence);
    const d = (byDomain[c.domain] ??= { cases: 0, highlighted: 0 });
    d.cases++;
    if (hits.length > 0) {
      d.highlighted++;
      highlighted.push({ c, hits });
    }
  }
  return { cases: cases.length, highlighted, rate: cases.length ? highlighted.length / cases.length : 0, byDomain };
}

/** Figures of the framed set. */
export interface FramedResult {
  expected: number;
  found: number;
  recall: number;
  missed: { c: FramedCase; family: string; hits: { text: string; term: string }[] }[];
  /** Families highlighted that the sentence's labels do not list. */
  unexpected: { c: FramedCase; text: string; term: string }[];
  byFamily: Record<string, { expected: number; found: number }>;
}

export function measureFramed(lexicon: CompiledLexicon, finder: Finder, cases: readonly FramedCase[]): FramedResult {
  const result: FramedResult = { expected: 0, found: 0, recall: 0, missed: [], unexpected: [], byFamily: {} };
  for (const c of cases) {
    const hits = highlights(lexicon, finder, c.sentence);
    const got = new Set(hits.map((h) => h.term));
    for (const family of c.families) {
      const f = (result.byFamily[family] ??= { expected: 0, found: 0 });
      f.expected++;
      result.expected++;
      if (got.has(family)) {
        f.found++;
        result.found++;
      } else result.missed.push({ c, family, hits });
    }
    for (const h of hits) if (!c.families.includes(h.term)) result.unexpected.push({ c, text: h.text, term: h.term });
  }
  result.recall = result.expected ? result.found / result.expected : 0;
  return result;
}

/** A real text with its hand labels. */
export interface RealText {
  file: string;
  text: string;
  kind: string;
  side: string;
  /** Labelled spans: offsets in the text, the label (a family id, `other:…` or `lookalike:<id>`). */
  labels: { start: number; end: number; phrase: string; label: string }[];
}

/** Reads tests/fixtures/precision/real: each text, its labels (phrase, occurrence, label) turned into offsets. */
export function readRealTexts(): RealText[] {
  const dir = `${FIXTURES}real/`;
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  } catch {
    return [];
  }
  const sources = parseYaml(readFileSync(`${dir}sources.yaml`, 'utf8')) as { file: string; kind: string; side: string }[];
  return files.map((file) => {
    const text = readFileSync(dir + file, 'utf8');
    const meta = sources.find((s) => s.file === file);
    if (!meta) throw new Error(`tests/fixtures/precision/real/sources.yaml does not describe ${file}`);
    const labels: RealText['labels'] = [];
    const tsv = readFileSync(dir + file.replace(/\.txt$/, '.labels.tsv'), 'utf8');
    for (const [i, row] of tsv.split('\n').entries()) {
      if (!row.trim() || row.startsWith('#')) continue;
      const [phrase, occurrence, label] = row.split('\t');
      if (!phrase || !occurrence || !label) throw new Error(`${file.replace(/\.txt$/, '.labels.tsv')}:${i + 1}: needs phrase, occurrence and label`);
      let at = -1;
      for (let n = 0; n < Number(occurrence); n++) at = text.indexOf(phrase, at + 1);
      if (at < 0) throw new Error(`${file.replace(/\.txt$/, '.labels.tsv')}:${i + 1}: "${phrase}" has no occurrence ${occurrence} in the text`);
      labels.push({ start: at, end: at + phrase.length, phrase, label: label.trim() });
    }
    return { file, text, kind: meta.kind, side: meta.side, labels };
  });
}

/** Figures of the real texts. */
export interface RealResult {
  texts: number;
  framing: number;
  found: number;
  recall: number;
  lookalikes: number;
  lookalikesHighlighted: number;
  /** Framing labels (family ids) no highlight of that family overlaps. */
  missed: { file: string; phrase: string; label: string }[];
  /** Look-alike labels a highlight overlaps. */
  falseHits: { file: string; phrase: string; label: string; term: string }[];
  /** Labelled `other:`: framing no family covers. */
  other: number;
  /** Highlights that overlap no label at all: for review by hand. */
  unlabelled: { file: string; text: string; term: string }[];
}

export function measureReal(lexicon: CompiledLexicon, finder: Finder, texts: readonly RealText[]): RealResult {
  const r: RealResult = { texts: texts.length, framing: 0, found: 0, recall: 0, lookalikes: 0, lookalikesHighlighted: 0, missed: [], falseHits: [], other: 0, unlabelled: [] };
  for (const t of texts) {
    const hits = scanText(t.file, t.text, lexicon, finder);
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
    for (const l of t.labels) {
      if (l.label.startsWith('other:')) {
        r.other++;
        continue;
      }
      if (l.label.startsWith('lookalike:')) {
        r.lookalikes++;
        const hit = hits.find((h) => overlaps(h, l));
        if (hit) {
          r.lookalikesHighlighted++;
          r.falseHits.push({ file: t.file, phrase: l.phrase, label: l.label, term: hit.term });
        }
        continue;
      }
      r.framing++;
      if (hits.some((h) => h.term === l.label && overlaps(h, l))) r.found++;
      else r.missed.push({ file: t.file, phrase: l.phrase, label: l.label });
    }
    for (const h of hits) if (!t.labels.some((l) => overlaps(h, l))) r.unlabelled.push({ file: t.file, text: h.text, term: h.term });
  }
  r.recall = r.framing ? r.found / r.framing : 0;
  return r;
}

/**
 * Recall within the lexicon's reach: of the labelled framing phrases, those whose text holds a
 * form (a generated variant) of the family they are labelled with, and how many of those are found.
 * The rest are paraphrases ("no one threatened Russia" labelled as the unprovoked framing) that no
 * phrase lexicon matches; they measure coverage, not matching.
 */
export function reachable(result: RealResult, variants: ReadonlyMap<string, readonly string[]>): { labels: number; found: number; recall: number; paraphrases: number } {
  const fold = (s: string) => s.toLowerCase().replace(/[-\u2010-\u2014]/g, ' ').replace(/[’']/g, "'").replace(/\s+/g, ' ');
  const formal = result.missed.filter((m) => (variants.get(m.label) ?? []).some((v) => !v.includes('*') && fold(m.phrase).includes(fold(v))));
  const labels = result.found + formal.length;
  return { labels, found: result.found, recall: labels ? result.found / labels : 0, paraphrases: result.missed.length - formal.length };
}

/** The generated originals (lexicon/generated/originals.json). */
export const readCompiledOriginals = (): CompiledOriginals => JSON.parse(readFileSync(fileURLToPath(new URL('../../lexicon/generated/originals.json', import.meta.url)), 'utf8')) as CompiledOriginals;

/**
 * True when `sentence` holds a form of `family` in `lang` as the lexicon generated it (any case, ё
 * as е; Chinese in either script, without quotation marks; Russian as whole words), whatever the
 * reading rules would say. A label whose sentence holds none is a wording without a sourced original.
 */
export function holdsOriginal(compiled: CompiledOriginals, lexicon: CompiledLexicon, family: string, lang: 'zh' | 'ru', sentence: string): boolean {
  const folded = foldOriginal(sentence, lang);
  return compiled.keys.some(([key, index]) => {
    const o = compiled.originals[index]!;
    if (o.lang !== lang || lexicon.terms[o.term]!.id !== family) return false;
    if (lang === 'zh') return folded.includes(key);
    for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + 1)) {
      if (!/\p{L}/u.test(folded[at - 1] ?? '') && !/\p{L}/u.test(folded[at + key.length] ?? '')) return true;
    }
    return false;
  });
}

/** Figures of a framed set in Chinese or Russian. */
export interface OriginalsFramedResult extends FramedResult {
  /** Labels whose sentence holds a form of their family (the recall below counts these). */
  reach: number;
  foundInReach: number;
  recallInReach: number;
  /** Labels in wordings the lexicon has no sourced original for, by family. */
  otherWording: Record<string, number>;
  /** Misses within reach: the matcher's failures. */
  missedInReach: FramedResult['missed'];
}

export function measureOriginalsFramed(lexicon: CompiledLexicon, finder: Finder, compiled: CompiledOriginals, lang: 'zh' | 'ru', cases: readonly FramedCase[]): OriginalsFramedResult {
  const base = measureFramed(lexicon, finder, cases);
  const otherWording: Record<string, number> = {};
  let reach = 0;
  let foundInReach = 0;
  const missedInReach: FramedResult['missed'] = [];
  for (const c of cases) {
    const got = new Set(highlights(lexicon, finder, c.sentence).map((h) => h.term));
    for (const family of c.families) {
      if (!holdsOriginal(compiled, lexicon, family, lang, c.sentence)) {
        otherWording[family] = (otherWording[family] ?? 0) + 1;
        continue;
      }
      reach++;
      if (got.has(family)) foundInReach++;
      else missedInReach.push(base.missed.find((m) => m.c === c && m.family === family)!);
    }
  }
  return { ...base, reach, foundInReach, recallInReach: reach ? foundInReach / reach : 0, otherWording, missedInReach };
}
