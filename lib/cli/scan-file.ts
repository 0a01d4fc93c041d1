import { Window } from 'happy-dom';
import { createFinder, type Finder, type Finding } from '../match/create-finder.ts';
import { readWhy, whyLine, whyOf, type Why } from '../match/explain.ts';
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
  /** With `--explain`: what made it fire, as data and as the line the hover card shows. */
  why?: Why & { reason: string };
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

/**
 * Every framing term in one file's text, with offsets into that text, found by the same finder and
 * rules as the content script: block by block, and contextual finds without a cue nearby kept when
 * the file as a whole is about international affairs. With `explain` (each family's written
 * patterns by term index, `loadWritten`), every hit says why it fired.
 */
export function scanText(file: string, content: string, lexicon: CompiledLexicon, finder: Finder = createFinder(lexicon), options: { explain?: readonly (readonly string[])[] } = {}): ScanHit[] {
  const { text, runs } = fileRuns(file, content);
  const hits: ScanHit[] = [];
  const pending: { run: { start: number; text: string }; finding: Finding }[] = [];
  const hit = (run: { start: number; text: string }, f: Finding) => {
    const term = lexicon.terms[f.term]!;
    const start = run.start + f.start;
    const end = run.start + f.end;
    const out: ScanHit = { file, start, end, text: text.slice(start, end), term: term.id, category: term.category };
    if (options.explain) {
      const why = readWhy(whyOf(f, run.text), options.explain[f.term] ?? [], out.text);
      out.why = { ...why, reason: whyLine(why) };
    }
    hits.push(out);
  };
  for (const run of runs) {
    const { found, pending: undecided } = finder.find(run.text);
    for (const f of found) hit(run, f);
    for (const f of undecided) pending.push({ run, finding: f });
  }
  if (pending.length > 0) {
    // The page's points are counted over every run only when some find needs them, as the content script does.
    const whole = runs.reduce((sum, run) => {
      const p = finder.pagePoints(run.text);
      return { points: sum.points + p.points, words: sum.words + p.words, topics: sum.topics | p.topics };
    }, { points: 0, words: 0, topics: 0 });
    for (const { run, finding } of pending) if (finder.firesOnPage(finding, whole)) hit(run, { ...finding, cue: { where: 'page' } });
  }
  return hits.sort((a, b) => a.start - b.start);
}
