import { sentenceSpans } from '../../text/sentences.ts';

/** A sentence of a corpus document; offsets are UTF-16 code units into the document text. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** False for navigation, captions and other furniture (from the metadata). */
  prose: boolean;
  /** Index of the line (paragraph) the sentence is in. */
  line: number;
}

/** A line of a document with its offset. Lines are the blocks the matcher scans separately. */
export interface Line {
  start: number;
  text: string;
}

/** The document's lines (paragraphs), with offsets; empty lines are kept so indices are stable. */
export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    out.push({ start, text: line.replace(/\r$/, '') });
    start += line.length + 1;
  }
  return out;
}

/**
 * Splits a document into sentences, paragraph by paragraph, with the splitter the page uses
 * (`lib/text/sentences.ts`: abbreviations, initialisms and closing quotes do not end a sentence).
 * Every sentence is a verbatim substring of the document at `[start, end)`. Sentences that overlap
 * a furniture span are marked not prose.
 */
export function splitSentences(text: string, furniture: readonly string[]): Sentence[] {
  const furnitureSpans: [number, number][] = [];
  for (const piece of furniture) {
    for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) furnitureSpans.push([at, at + piece.length]);
  }
  const out: Sentence[] = [];
  splitLines(text).forEach((line, lineIndex) => {
    for (const span of sentenceSpans(line.text)) {
      const start = line.start + span.start;
      const end = line.start + span.end;
      const prose = !furnitureSpans.some(([a, b]) => a < end && b > start);
      out.push({ start, end, text: text.slice(start, end), prose, line: lineIndex });
    }
  });
  return out;
}
