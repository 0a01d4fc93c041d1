import { describe, expect, it } from 'vitest';
import { classifyVoice } from '../../lib/report/classify-voice.ts';
import type { Voice } from '../../lib/lexicon/schema.ts';

const TERM = 'Cold War mentality';
/** The voice of the first TERM in `sentence`. */
function voiceOf(sentence: string, paragraph?: { before: string; after: string }): Voice {
  const at = sentence.indexOf(TERM);
  if (at < 0) throw new Error(`no "${TERM}" in ${sentence}`);
  return classifyVoice(sentence, at, at + TERM.length, paragraph);
}

describe('classifyVoice: the author’s own words', () => {
  it.each([
    `Washington still clings to a ${TERM} in Asia.`,
    `The ${TERM} of the alliance shapes every decision.`,
    `Russia’s ${TERM} is a myth.`,
    // an apostrophe is not a quotation mark
    `The West’s ${TERM} and Beijing’s reply deserve scrutiny.`,
    // a quotation elsewhere in the sentence does not make the term quoted
    `After the “reset” failed, a ${TERM} took hold in both capitals.`,
    // "answer" as a noun is not a verb of saying
    `The answer to a ${TERM} is patient diplomacy.`,
    // a quotation in the paragraph that is already closed does not either
    [`NATO clings to a ${TERM}.`, { before: '“Closed quote.” ', after: ' More prose.' }],
  ] as (string | [string, { before: string; after: string }])[])('%j → author', (c) => {
    const [sentence, paragraph] = Array.isArray(c) ? c : [c, undefined];
    expect(voiceOf(sentence, paragraph)).toBe('author');
  });
});

describe('classifyVoice: attributed (reported speech or views)', () => {
  it.each([
    `The ministry said that Washington clings to a ${TERM}.`,
    `The joint statement says NATO must abandon its ${TERM}.`,
    `According to the ministry, Washington clings to a ${TERM}.`,
    `As Lavrov put it, Washington clings to a ${TERM}.`,
    `Lavrov accused NATO of a ${TERM}.`,
    `Officials insisted the ${TERM} is real.`,
    `Washington clings to a ${TERM}, the ministry said.`,
    `The ${TERM} persists, he warned.`,
    `The foreign ministry answered that Brussels had slipped into a ${TERM}.`,
    `Officials in Tokyo replied that the ${TERM} was Beijing’s, not theirs.`,
    `The embassy responded that it saw no ${TERM} in the new guidelines.`,
  ])('%j → attributed', (sentence) => {
    expect(voiceOf(sentence)).toBe('attributed');
  });
});

describe('classifyVoice: quotation (inside a longer quoted passage)', () => {
  it.each([
    `“Washington must abandon its ${TERM} and return to dialogue,” Wang said.`,
    `He called it “a ${TERM} that endangers everyone in the region”.`,
    `He called it ‘a ${TERM} that endangers everyone in the region’.`,
    `“Russia’s ${TERM} must end now and for good,” the minister said.`,
    `This "long quoted passage about the ${TERM} in Washington" was cited.`,
    `“We reject the ${TERM},” he said, “and we always will.”`,
  ])('%j → quotation', (sentence) => {
    expect(voiceOf(sentence)).toBe('quotation');
  });

  it.each<[string, { before: string; after: string }]>([
    ['an unclosed quote opens earlier in the paragraph', { before: '“The alliance has learned nothing. ', after: '' }],
    ['the quote closes later in the paragraph (opening mark dropped)', { before: '', after: ' It must change,” he said.' }],
  ])('paragraph context: %s → quotation', (_rule, paragraph) => {
    expect(voiceOf(`NATO clings to a ${TERM}.`, paragraph)).toBe('quotation');
  });

  it('an opening quote earlier in the same sentence that never closes → quotation', () => {
    expect(voiceOf(`“NATO has learned nothing, and its ${TERM} is dangerous.`)).toBe('quotation');
  });
});

describe('classifyVoice: distancing (scare quotes, so-called)', () => {
  it.each([
    `Washington’s “${TERM}” is blamed for everything.`,
    `Critics fear a "${TERM}" in Washington.`,
    `The West’s ‘${TERM}’ is blamed.`,
    `They reject what they call a «${TERM}».`,
    `Washington's so-called ${TERM} is blamed.`,
    `The so-called “${TERM}” is blamed.`,
    `The so–called ${TERM} is blamed.`,
    `The so called ${TERM} is blamed.`,
    // distancing wins over a verb of saying
    `The ministry said the “${TERM}” was to blame.`,
  ])('%j → distancing', (sentence) => {
    expect(voiceOf(sentence)).toBe('distancing');
  });
});

describe('classifyVoice: offsets', () => {
  it('judges the term at the given offsets, not another occurrence', () => {
    const sentence = `A “${TERM}” is not the same as a ${TERM}.`;
    const second = sentence.lastIndexOf(TERM);
    expect(classifyVoice(sentence, second, second + TERM.length)).toBe('author');
    const first = sentence.indexOf(TERM);
    expect(classifyVoice(sentence, first, first + TERM.length)).toBe('distancing');
  });
});
