import type { CueWhere, Finder, PagePoints } from '../../match/create-finder.ts';
import { splitLines, type Sentence } from './split-sentences.ts';

/** One occurrence of a family in a corpus document. */
export interface Occurrence {
  doc: string;
  term: number;
  /** Offsets in the document. */
  start: number;
  end: number;
  sentence: Sentence | undefined;
  /** How it fired: `framing` anywhere, or where the cue of a contextual family was. */
  fired: 'framing' | CueWhere;
}

/** A document to search: its file name, text and sentences. */
export interface SearchDoc {
  file: string;
  text: string;
  sentences: Sentence[];
}

/**
 * Every occurrence of every family in the documents, found line by line (lines are the blocks
 * the matcher never joins) with the same finder and rules as the page: a document is one page, so
 * a contextual family without a cue nearby fires when the whole document is about international
 * affairs. Returns the occurrences in document order.
 */
export function findOccurrences(docs: readonly SearchDoc[], finder: Finder): Occurrence[] {
  const out: Occurrence[] = [];
  for (const doc of docs) {
    const lines = splitLines(doc.text);
    const page: PagePoints = { points: 0, words: 0, topics: 0 };
    const pending: Omit<Occurrence, 'fired'>[] = [];
    const sentenceOf = (start: number, end: number) => doc.sentences.find((s) => s.start <= start && end <= s.end);
    for (const line of lines) {
      if (!line.text.trim()) continue;
      const { found, pending: undecided } = finder.find(line.text);
      for (const f of found) {
        const start = line.start + f.start;
        const end = line.start + f.end;
        out.push({ doc: doc.file, term: f.term, start, end, sentence: sentenceOf(start, end), fired: f.cue?.where ?? 'framing' });
      }
      for (const f of undecided) pending.push({ doc: doc.file, term: f.term, start: line.start + f.start, end: line.start + f.end, sentence: sentenceOf(line.start + f.start, line.start + f.end) });
      const points = finder.pagePoints(line.text);
      page.points += points.points;
      page.words += points.words;
      page.topics |= points.topics;
    }
    for (const p of pending) if (finder.firesOnPage({ start: 0, end: 0, term: p.term, pattern: 0 }, page)) out.push({ ...p, fired: 'page' });
  }
  return out.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start));
}
