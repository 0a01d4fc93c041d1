import { describe, expect, it } from 'vitest';
import { sentenceAround, sentenceSpans } from '../../lib/text/sentences.ts';

const split = (text: string) => sentenceSpans(text).map((s) => text.slice(s.start, s.end));

describe('sentenceSpans: one splitter for the build and the page', () => {
  it.each([
    ['Mr. Wang said the U.S. officials keep a Cold War mentality. Moscow agreed.', ['Mr. Wang said the U.S. officials keep a Cold War mentality.', 'Moscow agreed.']],
    ['Dr. Li and Prof. Kortunov spoke. Then Amb. Fu replied.', ['Dr. Li and Prof. Kortunov spoke.', 'Then Amb. Fu replied.']],
    ['The U.N. Security Council met on Jan. 5 to vote. It failed.', ['The U.N. Security Council met on Jan. 5 to vote.', 'It failed.']],
    ['Resolution No. 2758 was adopted in 1971. Taiwan left the U.N.', ['Resolution No. 2758 was adopted in 1971.', 'Taiwan left the U.N.']],
    ['“We oppose hegemonism.” The spokesperson then left.', ['“We oppose hegemonism.”', 'The spokesperson then left.']],
    ['He called it “a zero-sum game.” Others disagreed.', ['He called it “a zero-sum game.”', 'Others disagreed.']],
    ['Is this a new Cold War?! Many think so.', ['Is this a new Cold War?!', 'Many think so.']],
    ['Version 2.0 shipped. It works.', ['Version 2.0 shipped.', 'It works.']],
    ['J. Smith wrote it, e.g. in 2019. Fine.', ['J. Smith wrote it, e.g. in 2019.', 'Fine.']],
    ['Talks resumed. one delegate, lower case, went on.', ['Talks resumed. one delegate, lower case, went on.']],
    ['The talks went on… and on. Then they ended.', ['The talks went on… and on.', 'Then they ended.']],
    ['First line without stop\nSecond line.', ['First line without stop', 'Second line.']],
    ['They met at 9 a.m. on Monday. Nothing came of it.', ['They met at 9 a.m. on Monday.', 'Nothing came of it.']],
    ['(The treaty was signed in 2001.) It still holds.', ['(The treaty was signed in 2001.)', 'It still holds.']],
    ['   ', []],
  ])('%j', (text, sentences) => {
    expect(split(text)).toEqual(sentences);
  });
});

describe('sentenceAround: the sentence that holds a phrase', () => {
  const around = (text: string, phrase: string) => {
    const at = text.indexOf(phrase);
    const s = sentenceAround(text, at, at + phrase.length);
    return text.slice(s.start, s.end);
  };
  it.each([
    ['Mr. Wang said the U.S. officials keep a Cold War mentality.', 'Cold War mentality', 'Mr. Wang said the U.S. officials keep a Cold War mentality.'],
    ['One. The U.S.-led alliance system is old. Two.', 'U.S.-led alliance system', 'The U.S.-led alliance system is old.'],
    ['Intro! “A zero-sum game,” he said. Next.', 'zero-sum game', '“A zero-sum game,” he said.'],
    ['No stop at all here with collective West inside', 'collective West', 'No stop at all here with collective West inside'],
  ])('%j around %j', (text, phrase, sentence) => {
    expect(around(text, phrase)).toBe(sentence);
  });

  it('agrees with sentenceSpans on every phrase of a paragraph', () => {
    const text = 'Dr. Li spoke first. “Multipolarity is here,” she said. The U.S. delegation left at 5 p.m. sharp. Why? Nobody knows.';
    for (const span of sentenceSpans(text)) {
      const mid = span.start + Math.floor((span.end - span.start) / 2);
      expect(sentenceAround(text, mid, mid + 1)).toEqual(span);
    }
  });
});

describe('sentences: whitespace and letters without a regular expression per character', () => {
  it('trims exactly the characters /\\s/ matches, every one of the 65,536 code units', () => {
    for (let c = 0; c < 65536; c++) {
      const ch = String.fromCharCode(c);
      // Line breaks and the Chinese full stop, exclamation and question marks end a sentence of their own.
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 0x3002 || c === 0xff01 || c === 0xff1f) continue;
      const text = `${ch}Talks resumed.${ch}`;
      const spans = sentenceSpans(text);
      const trimmed = /\s/.test(ch) ? 'Talks resumed.' : text;
      expect(spans.map((s) => text.slice(s.start, s.end)), `U+${c.toString(16).padStart(4, '0')}`).toEqual([trimmed]);
    }
  });

  it('reads letters of any script before a dot as an abbreviation or an initial', () => {
    expect(split('Talks with Ж. Петров went on. Then Li came.')).toEqual(['Talks with Ж. Петров went on.', 'Then Li came.']);
    expect(split('The minister met J. Smith in Geneva. Talks resumed.')).toEqual(['The minister met J. Smith in Geneva.', 'Talks resumed.']);
  });
});

describe('sentences: Chinese full stops end a sentence without a space', () => {
  it.each([
    ['中方坚决反对冷战思维。美方应当停止对华遏制打压！这难道不是零和博弈吗？', ['中方坚决反对冷战思维。', '美方应当停止对华遏制打压！', '这难道不是零和博弈吗？']],
    ['发言人说：“我们反对霸权主义。”随后记者提问。', ['发言人说：“我们反对霸权主义。”', '随后记者提问。']],
    ['他引用了「一个中国原则。」接着谈到台湾问题。', ['他引用了「一个中国原则。」', '接着谈到台湾问题。']],
    ['The ministry called it 零和博弈。 Then it moved on.', ['The ministry called it 零和博弈。', 'Then it moved on.']],
  ])('%j', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('the sentence around a Chinese term stops at its full stops, not hundreds of characters away', () => {
    const text = '外交部发言人表示，中方注意到有关报道。美方一再渲染所谓中国威胁，充满冷战思维。中方将采取必要措施。';
    const at = text.indexOf('冷战思维');
    const span = sentenceAround(text, at, at + 4);
    expect(text.slice(span.start, span.end)).toBe('美方一再渲染所谓中国威胁，充满冷战思维。');
  });
});
