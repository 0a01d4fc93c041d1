import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { learnLexicon } from '../../lib/lexicon/learn/learn-lexicon.ts';
import { WORKING_NOTES, type CompiledLexicon, type DocumentMeta, type FullLexicon } from '../../lib/lexicon/schema.ts';
import { createFinder } from '../../lib/match/create-finder.ts';

const LEXICON = fileURLToPath(new URL('../../lexicon', import.meta.url));
const generated = (name: string) => readFileSync(`${LEXICON}/generated/${name}`, 'utf8');
const full = JSON.parse(generated('lexicon.json')) as FullLexicon;
const compiled = JSON.parse(generated('compiled.json')) as CompiledLexicon;
const corpora = ['commentary', 'official'];
const metadata = corpora.flatMap((corpus) => (parseYaml(readFileSync(`${LEXICON}/corpus/${corpus}/metadata.yaml`, 'utf8')) as DocumentMeta[]).map((m, i) => ({ ...m, corpus, index: i + 1 })));
const corpus = new Map(metadata.map((m) => [m.file, readFileSync(`${LEXICON}/corpus/${m.corpus}/${m.file}`, 'utf8')]));
const examples = full.terms.flatMap((t) => t.examples.map((e, i) => [`${t.id} #${i + 1}`, e] as const));

describe('the generated lexicon: families', () => {
  it('has at least 220 families in at least 6 categories', () => {
    expect(full.terms.length).toBeGreaterThanOrEqual(220);
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

  it('at most three examples per family and corpus, each from a listed document', () => {
    const docs = new Map(full.documents.map((d) => [d.file, d.corpus]));
    for (const t of full.terms) {
      for (const c of corpora) expect(t.examples.filter((e) => docs.get(e.doc) === c).length, `${t.id} in ${c}`).toBeLessThanOrEqual(3);
      for (const e of t.examples) expect(docs.has(e.doc)).toBe(true);
    }
  });

  it('every family that occurs in a corpus has at least one example from that corpus', () => {
    const docs = new Map(full.documents.map((d) => [d.file, d.corpus]));
    const missing = full.terms.flatMap((t) => corpora.filter((c) => (t.occurrences[c] ?? 0) > 0 && !t.examples.some((e) => docs.get(e.doc) === c)).map((c) => `${t.id} (${t.occurrences[c]} in ${c})`));
    expect(missing).toEqual([]);
  });

  it('both corpora have examples: the framing of each side is annotated', () => {
    const docs = new Map(full.documents.map((d) => [d.file, d.corpus]));
    for (const c of corpora) expect(full.terms.flatMap((t) => t.examples).filter((e) => docs.get(e.doc) === c).length, c).toBeGreaterThan(40);
  });

  it('per-family occurrence counts add up to each corpus\'s statistics per category', () => {
    for (const c of corpora) {
      const sums: Record<string, number> = Object.fromEntries(full.categories.map((cat) => [cat.id, 0]));
      for (const t of full.terms) sums[t.category]! += t.occurrences[c] ?? 0;
      expect(sums, c).toEqual(full.corpusStats[c]!.byCategory);
    }
  });

  it('corpus statistics are consistent', () => {
    for (const c of corpora) {
      const stats = full.corpusStats[c]!;
      expect(stats.occurrences).toBe(Object.values(stats.byCategory).reduce((a, b) => a + b, 0));
      expect(stats.words).toBeGreaterThan(1000);
    }
  });

  it('documents are listed as in each corpus\'s metadata.yaml, without furniture, with their corpus and place', () => {
    expect(full.documents).toEqual(metadata.map(({ furniture: _f, ...meta }) => meta));
    for (const c of corpora) {
      expect(readdirSync(`${LEXICON}/corpus/${c}`).filter((f) => f.endsWith('.txt')).sort()).toEqual(metadata.filter((m) => m.corpus === c).map((m) => m.file).sort());
    }
    expect(full.corpora.map((c) => c.id)).toEqual(corpora);
  });
});

describe('the generated lexicon: sources and even-handedness', () => {
  it('every family names a primary document, or says why its origin cannot be traced; at most 10 % cannot', () => {
    const untraced = full.terms.filter((t) => t.sources.length === 0);
    for (const t of untraced) expect(t.untraced, t.id).toBeTruthy();
    expect(untraced.length / full.terms.length).toBeLessThanOrEqual(0.1);
  });

  it('every source names who, what and when; addresses are http(s)', () => {
    for (const t of full.terms) {
      for (const src of t.sources) {
        expect(src.by.trim(), t.id).not.toBe('');
        expect(src.title.trim(), t.id).not.toBe('');
        expect(src.date, t.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
        if (src.url) expect(src.url, t.id).toMatch(/^https?:\/\//);
      }
    }
  });

  it('no field a reader sees carries working notes', () => {
    const leaks: string[] = [];
    for (const t of full.terms) {
      const fields = [t.label, t.gloss, t.meaning, t.presupposes, t.origin, t.users, t.neutral, ...t.questions, ...t.examples.map((e) => e.note)];
      for (const f of fields) for (const re of WORKING_NOTES) if (re.test(f)) leaks.push(`${t.id}: ${f.match(re)![0]}`);
    }
    expect(leaks).toEqual([]);
  });

  it('no neutral wording is a pattern of its own family', () => {
    const finder = createFinder(compiled);
    const own: string[] = [];
    full.terms.forEach((t, i) => {
      for (const wording of t.neutral.split(';')) {
        for (const m of finder.matcher.findMatches(wording)) if (compiled.entries[3 * m.entry] === i) own.push(`${t.id}: ${wording.trim()}`);
      }
    });
    expect(own).toEqual([]);
  });

  it.each([
    ['indo-pacific-strategy', 'global-security-initiative'],
    ['free-and-open-indo-pacific', 'global-security-initiative'],
    ['pgii', 'belt-and-road'],
    ['pgii', 'global-development-initiative'],
    ['invasion-of-ukraine', 'special-military-operation'],
    ['rules-based-international-order', 'un-centred-international-order'],
    ['malign-influence', 'external-forces'],
  ])('parallel wordings of the two sides sit in one category: %s and %s', (a, b) => {
    const cat = (id: string) => full.terms.find((t) => t.id === id)!.category;
    expect(cat(a)).toBe(cat(b));
  });

  it('standard wording (the UN\'s and the wire services\') is never highlighted: no standard family is among the finds of its own pattern', () => {
    const finder = createFinder(compiled);
    const standard = full.terms.filter((t) => t.reading === 'standard');
    expect(standard.map((t) => t.id)).toEqual(expect.arrayContaining(['invasion-of-ukraine', 'annexation']));
    for (const t of standard) {
      for (const p of t.patterns) expect(finder.find(`Reports in Kyiv and Moscow describe the ${p} at the UN.`).found.map((f) => compiled.terms[f.term]!.id), `${t.id}: ${p}`).not.toContain(t.id);
    }
  });
});

describe('the design-card terms exist', () => {
  const byId = new Map(full.terms.map((t) => [t.id, t]));
  it.each([
    ['multipolar-world', 'world-order', ['multipolar world', 'multi-polar world', 'multi polar world', 'multi-polar system', 'multi-polarity']],
    ['zero-sum', 'bloc-cold-war', ['zero-sum', 'zero sum game', 'zero-sum mindset']],
    ['cold-war-mentality', 'bloc-cold-war', ['cold war mentality', 'cold war-era attitude', 'cold war era attitude']],
    ['true-multilateralism', 'world-order', ['true multilateralism']],
    ['indivisible-security', 'security-doctrine', ['indivisible security']],
    ['long-arm-jurisdiction', 'economy-technology', ['long-arm jurisdiction']],
    ['no-limits-partnership', 'partnership', ['no-limits partnership']],
    ['collective-west', 'loaded-language', ['collective west']],
    ['special-military-operation', 'war-conflict', ['special military operation']],
    ['axis-of-autocracies', 'bloc-cold-war', ['axis of autocracies']],
    ['malign-influence', 'loaded-language', ['malign influence', 'malign activities']],
    ['debt-trap-diplomacy', 'economy-technology', ['debt-trap diplomacy']],
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
