import { Window } from 'happy-dom';
import { createMatcher, type Matcher } from '../match/create-matcher.ts';
import type { CompiledLexicon } from '../lexicon/schema.ts';
import { collectRuns } from '../page/collect-runs.ts';

/** One match reported by `framing-lens scan`. */
export interface ScanHit {
  file: string;
  start: number;
  end: number;
  text: string;
  term: string;
  category: string;
}

/**
 * The runs of a file's text: for HTML, the page's visible text as the content script collects it
 * (one run per block, runs joined by "\n" into the visible text); for anything else, its lines.
 * Offsets in the returned text are UTF-16 code units.
 */
export function fileRuns(name: string, content: string): { text: string; runs: { start: number; text: string }[] } {
  if (/\.x?html?$/i.test(name)) {
    const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true } } });
    const document = new window.DOMParser().parseFromString(content, 'text/html');
    const runs: { start: number; text: string }[] = [];
    let text = '';
    for (const run of collectRuns((document.body ?? document.documentElement) as unknown as Node)) {
      if (text) text += '\n';
      runs.push({ start: text.length, text: run.text });
      text += run.text;
    }
    void window.happyDOM.close();
    return { text, runs };
  }
  const runs: { start: number; text: string }[] = [];
  let start = 0;
  for (const line of content.split('\n')) {
    runs.push({ start, text: line });
    start += line.length + 1;
  }
  return { text: content, runs };
}

/** Every match in one file's text, with offsets into that text. */
export function scanText(file: string, content: string, lexicon: CompiledLexicon, matcher: Matcher = createMatcher(lexicon.trie)): ScanHit[] {
  const { text, runs } = fileRuns(file, content);
  const hits: ScanHit[] = [];
  for (const run of runs) {
    for (const m of matcher.findMatches(run.text)) {
      const term = lexicon.terms[m.term]!;
      const start = run.start + m.start;
      const end = run.start + m.end;
      hits.push({ file, start, end, text: text.slice(start, end), term: term.id, category: term.category });
    }
  }
  return hits;
}
