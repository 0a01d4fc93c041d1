import type { Voice } from '../lexicon/schema.ts';

/** The voices in reading order, as the filters list them. */
export const VOICES: readonly Voice[] = ['author', 'quotation', 'attributed', 'distancing'];

/** The voices as a reader sees them named (term view, side panel, export). */
export const VOICE_WORDS: Record<Voice, string> = {
  author: 'author’s own words',
  quotation: 'quotation',
  attributed: 'attributed to someone',
  distancing: 'distancing (scare quotes or “so-called”)',
};
