// The compiled lexicon as the content script reads it (lexicon/generated/compiled.json). Plain
// types and constants only: importing this module costs the content script nothing.
import type { TrieRoot } from '../match/trie.ts';

/** The languages of the originals, by code (zod-free here, so the popup need not load the schema library to name them). */
export const ORIGINAL_LANGUAGES = { zh: 'Chinese', ru: 'Russian' } as const;

/** Flags of a compiled pattern entry. */
export const ENTRY_CONTEXTUAL = 1;
export const ENTRY_STANDARD = 2;
/** A longer phrase a family's `exclude` names ("bully pulpit"): matched so that it hides the shorter pattern in it, never shown. */
export const ENTRY_STOP = 4;
/**
 * A pattern written in lower case with a word of four letters or more ("balance of power"): for a
 * family with the titles guard, the same words in capitals mid-sentence may be a name ("Balance
 * of Power", a television programme). A pattern that is itself a name ("Thucydides Trap") never is.
 */
export const ENTRY_LOWER_CASE = 8;

/** A family as the content script needs it to match: no reader text (that is in {@link CardTexts}), not even its patterns. */
export interface CompiledTerm {
  id: string;
  category: string;
  /** Bit set of the guard sets (bit i is `context.guards[i]`) that mark other senses; absent when none. */
  guards?: number;
  /** 1 when its cues must be in the words it qualifies ("so-called"), not around it. */
  after?: 1;
  /** Bit set of the topics (bit i is `context.topics[i]`) one of whose cues its contextual patterns need; absent when any cue will do. */
  topics?: number;
}

/** What the hover card says of a family: `lexicon/generated/cards.json`, kept by the background and asked for on first hover, so the content script of every frame does not carry it. */
export interface CardText {
  label: string;
  gloss: string;
  /** Its first Chinese and first Russian form with their romanisations ("冷战思维 lěngzhàn sīwéi"). */
  original?: string;
  /** Its patterns as the lexicon writes them (`patterns`, then `contextual`): a find's pattern index names one, for "why is this highlighted?". */
  patterns: string[];
}

/** Card texts by family id. */
export type CardTexts = Record<string, CardText>;

/** The context model, compiled: cue and guard phrases in one trie. */
export interface CompiledContext {
  /** Trie of cue, guard and topic phrases; a value indexes `kinds` in fours. */
  trie: TrieRoot;
  /** Per kind k: `kinds[4k]` the cue weight (0 none, 1 weak, 2 strong), `kinds[4k+1]` the bit set of guard sets, `kinds[4k+2]` the case rule (0 any, 1 proper, 2 capitals), `kinds[4k+3]` the bit set of topics. */
  kinds: number[];
  /** Guard set names by bit. */
  guards: string[];
  /** Topic names by bit. */
  topics: string[];
  /** Points a sentence or its neighbours need. */
  points: number;
  /** A page is about international affairs when its cues reach `points` and `per1000` points per 1,000 words. */
  page: { points: number; per1000: number };
}

/** The compact lexicon for the content script, `lexicon/generated/compiled.json`: no examples. */
export interface CompiledLexicon {
  categories: { id: string; label: string; colour: string; underline: 'solid' | 'dashed' | 'dotted' | 'wavy' | 'double'; line: 'under' | 'under-over' | 'over' }[];
  terms: CompiledTerm[];
  /** Trie of every variant; a value indexes `entries` in threes. */
  trie: TrieRoot;
  /** Per entry e: `entries[3e]` the term index, `entries[3e+1]` its pattern index, `entries[3e+2]` flags ({@link ENTRY_CONTEXTUAL}, {@link ENTRY_STANDARD}, {@link ENTRY_STOP}, {@link ENTRY_LOWER_CASE}). */
  entries: number[];
  context: CompiledContext;
}

