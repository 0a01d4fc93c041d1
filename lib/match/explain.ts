import { ORIGINAL_LANGUAGES, type CompiledTerm } from '../lexicon/compiled.ts';
import type { CueWhere, Finding } from './create-finder.ts';

/** Why a term fired, as plain data: the pattern it is a form of and, for a contextual family, its cue. */
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


const WHERE: Record<CueWhere, string> = {
  sentence: 'in the same sentence',
  nearby: 'in the sentence next to it',
  after: 'in the words it qualifies',
  page: 'the page as a whole is about international affairs',
};

/** The {@link Why} of a finding in `text` (the text the finder searched). */
export function whyOf(term: Pick<CompiledTerm, 'patterns'>, finding: Finding, text: string): Why {
  const why: Why = finding.original
    ? { pattern: finding.original.form, original: { lang: finding.original.lang, romanised: finding.original.romanised } }
    : { pattern: term.patterns[finding.pattern] ?? '' };
  if (finding.cue) {
    why.where = finding.cue.where;
    if (finding.cue.where !== 'page') why.cue = text.slice(finding.cue.start, finding.cue.end);
  }
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
