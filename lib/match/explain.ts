import { ORIGINAL_LANGUAGES } from '../lexicon/compiled.ts';
import type { CueWhere, Finding } from './create-finder.ts';

/** Why a term fired, as a reader reads it: the pattern it is a form of and, for a contextual family, its cue. */
export interface Why {
  /** The lexicon's pattern, as written. */
  pattern: string;
  /** The cue's text as the page writes it; absent for `framing` readings and for the page as a whole. */
  cue?: string;
  /** Where the cue was; absent for `framing` readings. */
  where?: CueWhere;
  /** For a Chinese or Russian original: its language and romanisation (`pattern` is the form). */
  original?: { lang: 'zh' | 'ru'; romanised: string };
}

/**
 * Why a term fired, as the content script records it and reports it: the index of the pattern
 * among the family's written ones (`patterns`, then `contextual`), which the content script does
 * not carry; whoever shows it reads the text with {@link readWhy} (the popup from its glossary,
 * the hover card from the card texts). An original carries its form, which the originals finder has.
 */
export interface FoundWhy {
  pattern: number;
  cue?: string;
  where?: CueWhere;
  original?: { lang: 'zh' | 'ru'; form: string; romanised: string };
}

const WHERE: Record<CueWhere, string> = {
  sentence: 'in the same sentence',
  nearby: 'in the sentence next to it',
  after: 'in the words it qualifies',
  page: 'the page as a whole is about international affairs',
};

/** The {@link FoundWhy} of a finding in `text` (the text the finder searched). */
export function whyOf(finding: Finding, text: string): FoundWhy {
  const why: FoundWhy = { pattern: finding.pattern };
  if (finding.original) why.original = finding.original;
  if (finding.cue) {
    why.where = finding.cue.where;
    if (finding.cue.where !== 'page') why.cue = text.slice(finding.cue.start, finding.cue.end);
  }
  return why;
}

/**
 * A {@link FoundWhy} with its pattern read from the family's written patterns, or `fallback` (the
 * words the page has) when the index names none: the hover card when the background did not answer.
 */
export function readWhy(found: FoundWhy, written: readonly string[], fallback: string): Why {
  const why: Why = { pattern: found.original ? found.original.form : (written[found.pattern] ?? fallback) };
  if (found.original) why.original = { lang: found.original.lang, romanised: found.original.romanised };
  if (found.cue !== undefined) why.cue = found.cue;
  if (found.where !== undefined) why.where = found.where;
  return why;
}

/**
 * One line a reader can check: what made a term fire. "Matches “sphere of influence”, framing
 * wherever it appears." or "Matches “red line”; international context: “NATO” in the same sentence."
 */
export function whyLine(why: Why): string {
  const written = `Matches “${why.pattern.replace(/\s*\[[^\]]*\]\s*/g, ' ').replace(/\s+\*\s+/g, ' … ').trim()}”`;
  const pattern = why.original ? `${written}, the ${ORIGINAL_LANGUAGES[why.original.lang]} original (${why.original.romanised})` : written;
  if (!why.where) return `${pattern}, framing wherever it appears.`;
  if (why.where === 'page') return `${pattern}; international context: ${WHERE.page}.`;
  return `${pattern}; international context: “${why.cue ?? ''}” ${WHERE[why.where]}.`;
}
