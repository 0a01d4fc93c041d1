import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnLexicon, type LearnResult } from '../../lib/lexicon/learn/learn-lexicon.ts';
import { proposeCandidates, type Candidate } from '../../lib/lexicon/learn/propose-candidates.ts';
import { wordFrequencies } from '../../lib/lexicon/learn/word-frequencies.ts';
import { createFinder } from '../../lib/match/create-finder.ts';
import { splitSentences } from '../../lib/lexicon/learn/split-sentences.ts';
import type { CompiledLexicon, FullLexicon } from '../../lib/lexicon/schema.ts';
import { tokenise } from '../../lib/text/tokenise.ts';

const SOURCE = fileURLToPath(new URL('../../lexicon', import.meta.url));

/** A commentary written for this test: "strategic encirclement" three times in prose, a scare-quoted “peace dividend”, and "military blocs", which a family covers. */
const ARTICLE = `Why Europe fears strategic encirclement
The debate about strategic encirclement has returned to European capitals this winter. Officials in Warsaw and Vilnius describe a ring of pressure: troops to the east, energy leverage to the south and cyber campaigns at home. Analysts in Berlin reply that the picture is exaggerated, and that talk of strategic encirclement mostly serves budget requests.
Both camps agree on one thing. The “peace dividend” that followed the collapse of the Soviet Union has been spent. Defence ministers now speak openly of rebuilding stocks of ammunition, of longer conscription and of hardened pipelines. A retired general told a parliamentary hearing that the continent had lived for thirty years on borrowed comfort.
Critics say the vocabulary matters. Once governments adopt the language of strategic encirclement, every neighbour becomes a potential threat and every trade deal a vulnerability. They point to the growth of military blocs on both sides of the border as a sign that the argument feeds itself. Others answer that the military blocs are a symptom, not a cause, and that the real question is whether deterrence can be credible without a larger share of national income.
Parliaments will vote on new defence budgets in the spring. Whatever they decide, the comfortable assumptions of the nineteen-nineties are unlikely to return, and voters will be asked to pay for insurance they hoped never to need again.
`;

const METADATA = `- file: 005_test.txt
  title: Why Europe fears strategic encirclement
  author: not stated
  outlet: not stated
  date: not stated
  furniture:
    - Why Europe fears strategic encirclement
`;

let root: string;
let result: LearnResult;
let candidates: Candidate[];
const baseline = JSON.parse(readFileSync(join(SOURCE, 'generated', 'candidates.json'), 'utf8')) as Candidate[];
const full = JSON.parse(readFileSync(join(SOURCE, 'generated', 'lexicon.json'), 'utf8')) as FullLexicon;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'framing-lens-candidates-'));
  const dir = join(root, 'lexicon');
  cpSync(SOURCE, dir, { recursive: true });
  writeFileSync(join(dir, 'corpus', 'commentary', '005_test.txt'), ARTICLE);
  appendFileSync(join(dir, 'corpus', 'commentary', 'metadata.yaml'), METADATA);
  // Feeding one more article is all it takes: no notes, no other change.
  result = learnLexicon(dir);
  candidates = JSON.parse(result.files['candidates.json']!) as Candidate[];
}, 60_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('candidates: one more article proposes its recurring framing phrases', () => {
  it('the test article is about 250 words', () => {
    expect(tokenise(ARTICLE).length).toBeGreaterThanOrEqual(220);
  });

  it('the phrases are new: the committed candidates do not have them', () => {
    expect(baseline.map((c) => c.phrase)).not.toContain('strategic encirclement');
    expect(baseline.map((c) => c.phrase)).not.toContain('peace dividend');
  });

  it('proposes "strategic encirclement", counted in prose only (three times, not the headline)', () => {
    const c = candidates.find((x) => x.phrase === 'strategic encirclement');
    expect(c, candidates.map((x) => x.phrase).join(', ')).toBeDefined();
    expect(c!.count).toBe(3);
    expect(c!.docs).toBe(1);
    expect(c!.kinds).toContain('recurring');
    expect(c!.example.doc).toBe('005_test.txt');
    expect(ARTICLE).toContain(c!.example.sentence);
    expect(c!.example.sentence.toLowerCase()).toContain('strategic encirclement');
  });

  it('proposes the scare-quoted “peace dividend” although it occurs once', () => {
    const c = candidates.find((x) => x.phrase === 'peace dividend');
    expect(c, candidates.map((x) => x.phrase).join(', ')).toBeDefined();
    expect(c!.kinds).toContain('scare quotes');
    expect(c!.example.doc).toBe('005_test.txt');
  });

  it('lists both in candidates.md', () => {
    expect(result.files['candidates.md']).toMatch(/^\| strategic encirclement \|/m);
    expect(result.files['candidates.md']).toMatch(/^\| peace dividend \|/m);
  });

  it('does not propose a phrase a family covers ("military blocs" occurs twice in the article)', () => {
    expect(candidates.filter((c) => /\bmilitary blocs?\b/.test(c.phrase)).map((c) => c.phrase)).toEqual([]);
  });

  it('no candidate is a variant of an existing family', () => {
    const fold = (s: string) => tokenise(s).map((t) => t.key).join(' ');
    const variants = new Map(full.terms.flatMap((t) => t.variants.map((v) => [fold(v), t.id] as const)));
    expect(candidates.filter((c) => variants.has(c.phrase)).map((c) => `${c.phrase} (${variants.get(c.phrase)})`)).toEqual([]);
  });

  it('candidates are ranked by score and unique; after the best 200 come only phrases in scare quotes or after "so-called"', () => {
    const top = candidates.slice(0, 200);
    const scores = top.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const c of candidates.slice(200)) expect(c.kinds.some((k) => k === 'scare quotes' || k === 'so-called'), c.phrase).toBe(true);
    expect(new Set(candidates.map((c) => c.phrase)).size).toBe(candidates.length);

  });

  it('the article adds a document and its military blocs to the learned lexicon', () => {
    const learned = JSON.parse(result.files['lexicon.json']!) as FullLexicon;
    expect(learned.documents.map((d) => d.file)).toContain('005_test.txt');
    const blocs = learned.terms.find((t) => t.id === 'military-blocs')!;
    expect(blocs.occurrences.commentary).toBe(full.terms.find((t) => t.id === 'military-blocs')!.occurrences.commentary! + 2);
  });
});

describe('proposeCandidates: counting and scoring', () => {
  const compiled = JSON.parse(readFileSync(join(SOURCE, 'generated', 'compiled.json'), 'utf8')) as CompiledLexicon;
  const finder = createFinder(compiled);
  const noCue = () => false;
  /** Candidates of one plain-text document, nothing covered, no limit. */
  const propose = (text: string) => proposeCandidates([{ file: 'doc.txt', text, sentences: splitSentences(text, []) }], () => false, finder, noCue, 10_000, wordFrequencies());
  const find = (text: string, phrase: string) => propose(text).find((c) => c.phrase === phrase);

  it.each([
    ['They fear strategic encirclement. Strategic encirclement is a myth.', 'strategic encirclement', 2],
    ['The peace dividend was spent. The peace dividend is gone. Nobody misses the peace dividend.', 'peace dividend', 3],
    ['The “peace dividend” was spent long ago.', 'peace dividend', 1],
  ])('%j: %j is counted %i times (occurrences, not detections)', (text, phrase, count) => {
    expect(find(text, phrase)?.count).toBe(count);
  });

  it.each([
    ['strategic encirclement', 'rare words'],
    ['peace dividend', 'common words'],
  ])('one more occurrence of %j (%s) never lowers its score', (phrase) => {
    const twice = find(`They fear the ${phrase}. The ${phrase} is real.`, phrase)!;
    const thrice = find(`They fear the ${phrase}. The ${phrase} is real. The ${phrase} grows.`, phrase)!;
    expect(thrice.score).toBeGreaterThanOrEqual(twice.score);
  });

  it.each([
    ['strategic encirclement', 'rare words'],
    ['peace dividend', 'common words'],
  ])('scare quotes around %j (%s) never lower its score', (phrase) => {
    const plain = find(`They fear the ${phrase}. The ${phrase} is real.`, phrase)!;
    const quoted = find(`They fear the “${phrase}”. The ${phrase} is real.`, phrase)!;
    expect(quoted.kinds).toContain('scare quotes');
    expect(quoted.score).toBeGreaterThanOrEqual(plain.score);
  });

  it('a phrase the covered-callback claims is not proposed', () => {
    const text = 'They fear strategic encirclement. Strategic encirclement is a myth.';
    const sentences = splitSentences(text, []);
    const covered = proposeCandidates([{ file: 'doc.txt', text, sentences }], (_doc, start, end) => /encirclement/i.test(text.slice(start, end)), finder, noCue, 10_000, wordFrequencies());
    expect(covered.filter((c) => c.phrase.includes('encirclement'))).toEqual([]);
  });

  it('furniture sentences are not used', () => {
    const text = 'Strategic encirclement explained\nStrategic encirclement explained again.';
    const candidates = proposeCandidates([{ file: 'doc.txt', text, sentences: splitSentences(text, ['Strategic encirclement explained']) }], () => false, finder, noCue, 10_000, wordFrequencies());
    expect(candidates.find((c) => c.phrase === 'strategic encirclement')).toBeUndefined();
  });

  it('leaves out phrases of dates, quantities and site furniture, and the context model\'s own cues', () => {
    const text = 'Three years ago the TV channel changed. Three years ago the TV channel moved. The joint statement was signed. The joint statement was read.';
    const phrases = proposeCandidates([{ file: 'doc.txt', text, sentences: splitSentences(text, []) }], () => false, finder, (p) => p === 'joint statement', 10_000, wordFrequencies()).map((c) => c.phrase);
    expect(phrases).not.toContain('years ago');
    expect(phrases).not.toContain('tv channel');
    expect(phrases).not.toContain('joint statement');
  });

  it('ranks a phrase whose sentences are about international affairs above the same phrase elsewhere', () => {
    const at = (text: string) => proposeCandidates([{ file: 'doc.txt', text, sentences: splitSentences(text, []) }], () => false, finder, noCue, 10_000, wordFrequencies()).find((c) => c.phrase === 'strategic patience')!;
    const ir = at('Beijing and Washington practise strategic patience. NATO ministers urged strategic patience.');
    const plain = at('The coach practised strategic patience. Fans urged strategic patience.');
    expect(ir.context).toBe(1);
    expect(plain.context).toBe(0);
    expect(ir.score).toBeGreaterThan(plain.score);
  });
});
