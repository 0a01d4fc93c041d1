import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { learnLexicon } from '../../lib/lexicon/build/learn-lexicon.ts';
import type { CompiledLexicon, DocumentMeta, FullLexicon } from '../../lib/lexicon/schema.ts';

const LEXICON = fileURLToPath(new URL('../../lexicon', import.meta.url));
const generated = (name: string) => readFileSync(`${LEXICON}/generated/${name}`, 'utf8');
const full = JSON.parse(generated('lexicon.json')) as FullLexicon;
const compiled = JSON.parse(generated('compiled.json')) as CompiledLexicon;
const metadata = parseYaml(readFileSync(`${LEXICON}/corpus/metadata.yaml`, 'utf8')) as DocumentMeta[];
const corpus = new Map(metadata.map((m) => [m.file, readFileSync(`${LEXICON}/corpus/${m.file}`, 'utf8')]));
const examples = full.terms.flatMap((t) => t.examples.map((e, i) => [`${t.id} #${i + 1}`, e] as const));

describe('the generated lexicon: families', () => {
  it('has at least 60 families in at least 6 categories', () => {
    expect(full.terms.length).toBeGreaterThanOrEqual(60);
    expect(full.categories.length).toBeGreaterThanOrEqual(6);
  });

  it('family ids are unique', () => {
    const ids = full.terms.map((t) => t.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('category ids are unique and every category is used by at least one family', () => {
    const ids = full.categories.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !full.terms.some((t) => t.category === id))).toEqual([]);
  });

  it('every family names a known category', () => {
    const ids = new Set(full.categories.map((c) => c.id));
    expect(full.terms.filter((t) => !ids.has(t.category)).map((t) => t.id)).toEqual([]);
  });

  it.each(full.terms.map((t) => [t.id, t] as const))('%s: gloss ≤ 140 characters, 2–3 questions, known related ids, every text field filled', (_id, t) => {
    expect(t.gloss.length).toBeLessThanOrEqual(140);
    expect(t.questions.length).toBeGreaterThanOrEqual(2);
    expect(t.questions.length).toBeLessThanOrEqual(3);
    const ids = new Set(full.terms.map((x) => x.id));
    expect(t.related.filter((r) => !ids.has(r))).toEqual([]);
    expect(t.related).not.toContain(t.id);
    for (const field of ['label', 'gloss', 'meaning', 'presupposes', 'origin', 'users', 'neutral'] as const) expect(t[field].trim()).not.toBe('');
    expect(t.patterns.length).toBeGreaterThan(0);
  });

  it('families are grouped by category in categories.yaml order', () => {
    const order = full.categories.map((c) => c.id);
    const seen = full.terms.map((t) => order.indexOf(t.category));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('compiled.json lists the same families in the same order as lexicon.json', () => {
    expect(compiled.terms.map((t) => t.id)).toEqual(full.terms.map((t) => t.id));
    expect(compiled.categories.map((c) => c.id)).toEqual(full.categories.map((c) => c.id));
  });
});

describe('the generated lexicon: corpus examples', () => {
  it('there are examples at all', () => {
    expect(examples.length).toBeGreaterThan(60);
  });

  it.each(examples)('%s: the sentence is the document sliced at [sentenceStart, sentenceEnd) and holds the term', (_name, e) => {
    const text = corpus.get(e.doc);
    expect(text, `unknown document ${e.doc}`).toBeDefined();
    expect(text!.slice(e.sentenceStart, e.sentenceEnd)).toBe(e.sentence);
    expect(e.sentenceStart).toBeLessThanOrEqual(e.start);
    expect(e.start).toBeLessThan(e.end);
    expect(e.end).toBeLessThanOrEqual(e.sentenceEnd);
    expect(e.note.trim()).not.toBe('');
    expect(['author', 'quotation', 'attributed', 'distancing']).toContain(e.voice);
    expect(Array.isArray(e.actors)).toBe(true);
  });

  it('no example sentence overlaps a furniture line of its document', () => {
    const overlapping: string[] = [];
    for (const [name, e] of examples) {
      const text = corpus.get(e.doc)!;
      for (const line of metadata.find((m) => m.file === e.doc)!.furniture ?? []) {
        for (let at = text.indexOf(line); at >= 0; at = text.indexOf(line, at + 1)) {
          if (at < e.sentenceEnd && at + line.length > e.sentenceStart) overlapping.push(`${name}: “${line}”`);
        }
      }
    }
    expect(overlapping).toEqual([]);
  });

  it('at most three examples per family, each from a listed document', () => {
    const docs = new Set(full.documents.map((d) => d.file));
    for (const t of full.terms) {
      expect(t.examples.length).toBeLessThanOrEqual(3);
      for (const e of t.examples) expect(docs.has(e.doc)).toBe(true);
    }
  });

  it('every family that occurs in the corpus has at least one example', () => {
    expect(full.terms.filter((t) => t.occurrences > 0 && t.examples.length === 0).map((t) => `${t.id} (${t.occurrences} occurrences)`)).toEqual([]);
  });

  it('per-family occurrence counts add up to the corpus statistics per category', () => {
    const sums: Record<string, number> = Object.fromEntries(full.categories.map((c) => [c.id, 0]));
    for (const t of full.terms) sums[t.category]! += t.occurrences;
    expect(sums).toEqual(full.corpusStats.byCategory);
  });

  it('corpus statistics are consistent', () => {
    const byCategory = Object.values(full.corpusStats.byCategory).reduce((a, b) => a + b, 0);
    expect(full.corpusStats.occurrences).toBe(byCategory);
    expect(full.corpusStats.words).toBeGreaterThan(1000);
  });

  it('documents are listed as in metadata.yaml, without furniture', () => {
    expect(full.documents).toEqual(metadata.map(({ file, title, author, outlet, date }) => ({ file, title, author, outlet, date })));
    expect(readdirSync(`${LEXICON}/corpus`).filter((f) => f.endsWith('.txt')).sort()).toEqual(metadata.map((m) => m.file).sort());
  });
});

describe('the design-card terms exist', () => {
  const byId = new Map(full.terms.map((t) => [t.id, t]));
  it.each([
    ['multipolar-world', 'world-order', ['multipolar world', 'multi-polar world', 'multi polar world', 'multi-polar system', 'multi-polarity']],
    ['zero-sum', 'bloc-cold-war', ['zero-sum', 'zero sum game', 'zero-sum mindset']],
    ['cold-war-mentality', 'bloc-cold-war', ['cold war mentality', 'cold war-era attitude', 'cold war era attitude']],
  ])('%s in %s with variants %j', (id, category, variants) => {
    const t = byId.get(id);
    expect(t).toBeDefined();
    expect(t!.category).toBe(category);
    expect(t!.variants).toEqual(expect.arrayContaining(variants));
  });
});

describe('freshness', () => {
  it('learnLexicon over lexicon/ reproduces lexicon/generated/* byte for byte', { timeout: 60_000 }, () => {
    const result = learnLexicon(LEXICON);
    expect(result.missingNotes).toBe('');
    expect(Object.keys(result.files).sort()).toEqual(readdirSync(`${LEXICON}/generated`).sort());
    const stale = Object.entries(result.files)
      .filter(([name, content]) => generated(name) !== content)
      .map(([name]) => name);
    expect(stale, 'stale generated files: run `npm run lexicon`').toEqual([]);
    expect(result.stats.families).toBe(full.terms.length);
    expect(result.stats.categories).toBe(full.categories.length);
  });
});
