import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { learnDocument } from '../../lib/lexicon/learn/learn-document.ts';
import { contextCueTest } from '../../lib/lexicon/learn/propose-candidates.ts';
import { wordFrequencies } from '../../lib/lexicon/learn/word-frequencies.ts';
import type { CompiledLexicon, FullLexicon } from '../../lib/lexicon/schema.ts';
import { createFinder } from '../../lib/match/create-finder.ts';
import { classifyVoice } from '../../lib/report/classify-voice.ts';
import { DOCUMENT_LIMITS, examplesOf, parseStoredDocuments, refuseText } from '../../lib/user-terms/user-documents.ts';

const LEXICON = fileURLToPath(new URL('../../lexicon/', import.meta.url));
const compiled = JSON.parse(readFileSync(`${LEXICON}generated/compiled.json`, 'utf8')) as CompiledLexicon;
const full = JSON.parse(readFileSync(`${LEXICON}generated/lexicon.json`, 'utf8')) as FullLexicon;
const learner = { lexicon: compiled, finder: createFinder(compiled), freq: wordFrequencies(), isCue: contextCueTest(compiled.context) };
const learn = (text: string, title = 'A reader’s document') => learnDocument({ id: 'doc-test', title, text, addedAt: '2026-12-01T22:00:00.000Z' }, learner);

// A reader's own document: a commentary of the kind a seminar reads, with framing of both sides,
// a quotation, an attribution, scare quotes and a phrase it repeats that the lexicon lacks.
const SEMINAR = `Europe and the new vocabulary of rivalry
Officials in Brussels now speak of de-risking rather than decoupling, and they insist that the change of word is a change of policy. The Chinese foreign ministry answered that the talk of de-risking is decoupling under another name and a sign of a Cold War mentality.
“We reject the zero-sum game,” the spokesperson told reporters, adding that technology sovereignty for Europe would serve neither side.
Several analysts argue that technology sovereignty has become a slogan in its own right. They note that the so-called “economic security agenda” of the Commission borrows its logic from Washington, while capitals in the south of the union fear that technology sovereignty will cost them their export markets.
The ministers of trade will meet again in the spring. Their agenda covers electric vehicles, medical supplies and the rules for public procurement.`;

describe('learning from a reader’s document with the build’s steps', () => {
  const doc = learn(SEMINAR, 'Europe and the new vocabulary of rivalry');

  it('finds every family the build would, with one verbatim example per sentence and its voice', () => {
    const terms = doc.examples.map((e) => e.term);
    expect(terms).toEqual(expect.arrayContaining(['de-risking', 'cold-war-mentality', 'zero-sum']));
    for (const e of doc.examples) {
      expect(SEMINAR).toContain(e.sentence);
      expect(e.voice).toBe(classifyVoice(e.sentence, e.start, e.end));
    }
    const zeroSum = doc.examples.find((e) => e.term === 'zero-sum')!;
    expect(zeroSum.sentence.slice(zeroSum.start, zeroSum.end)).toBe('zero-sum game');
    expect(zeroSum.voice).toBe('quotation');
    expect(doc.words).toBeGreaterThan(120);
  });

  it('proposes the phrase it repeats that no family covers, and its scare-quoted one', () => {
    const phrases = doc.candidates.map((c) => c.phrase);
    expect(phrases).toContain('technology sovereignty');
    expect(phrases).toContain('economic security agenda');
    expect(doc.candidates.find((c) => c.phrase === 'technology sovereignty')!.count).toBe(3);
    expect(phrases).not.toContain('cold war mentality');
  });

  it('on a corpus document, finds every family the build took an example from there', () => {
    const file = 'ref-01-state-blinken-approach-to-prc-excerpt.txt';
    const text = readFileSync(`${LEXICON}corpus/official/${file}`, 'utf8');
    const learned = learn(text);
    const byTerm = new Map<string, number>();
    for (const e of learned.examples) byTerm.set(e.term, (byTerm.get(e.term) ?? 0) + 1);
    // Every family the build found in this document's prose has examples learned here too.
    const built = full.terms.filter((t) => t.examples.some((x) => x.doc === file)).map((t) => t.id);
    expect(built.length).toBeGreaterThan(0);
    for (const id of built) expect(byTerm.has(id), id).toBe(true);
  });

  it('keeps examples by family across documents, with their titles', () => {
    const other = learn(`The debate about the zero-sum game
Critics in Canberra called the policy a zero-sum game that leaves smaller states with no room to manoeuvre, and the minister rejected the charge at length in a speech to parliament on Monday.`, 'Canberra debate');
    const list = examplesOf([doc, other], 'zero-sum');
    expect(list.map((e) => e.title)).toEqual(['Europe and the new vocabulary of rivalry', 'Canberra debate']);
  });
});

describe('what a reader may not learn from, with the reason', () => {
  it.each([
    ['a 2 MB paste', 'word '.repeat(400_000), 'at most 300 kB'],
    ['a binary file', `\u0089PNG\r\n\u001a\n${'\u0000'.repeat(8)}IHDR and then some words of a header`, 'is not text'],
    ['a few words', 'Cold War mentality, again.', 'fewer than 20 words'],
  ])('%s', (_name, text, message) => {
    expect(refuseText(text, 'The pasted text')).toContain(message);
  });
  it('accepts an article', () => expect(refuseText(SEMINAR, 'The pasted text')).toBeNull());
  it('a text just within the limit is accepted', () => expect(refuseText(`${SEMINAR}\n`.repeat(Math.floor(DOCUMENT_LIMITS.chars / (SEMINAR.length + 1))), 'The pasted text')).toBeNull());
});

describe('stored documents, read back', () => {
  it('keeps the sound documents and names the ones it leaves out', () => {
    const good = learn(SEMINAR);
    const { documents, warnings } = parseStoredDocuments({ documents: [good, { ...good, id: 'not an id' }, 'junk'] });
    expect(documents).toEqual([good]);
    expect(warnings).toEqual(['your documents: document 2 is malformed (id); left out', 'your documents: document 3 is malformed (document); left out']);
    expect(parseStoredDocuments(42).warnings).toEqual(['your documents: the stored list is not a list of documents; none are used']);
  });
});
