import nlp from 'compromise';
import type { CompiledContext, ContextSource } from '../schema.ts';
import { LexiconError } from '../schema.ts';
import { buildTrie, phraseKeys } from '../../match/compile-trie.ts';

/** A cue phrase of the context model, with where it came from. */
export interface Cue {
  phrase: string;
  /** 1 weak, 2 strong. */
  weight: number;
  /** 0 any case, 1 last word capitalised, 2 all capitals. */
  rule: number;
  /** The `context.yaml` group, or `learned: people|organisations|places` for what compromise found. */
  group: string;
}

/** The most guard sets a family can name (bits of one 32-bit integer, sign bit left alone). */
const MAX_GUARD_SETS = 31;

/** The cues `context.yaml` lists, each with its weight and case rule. */
export function curatedCues(source: ContextSource): Cue[] {
  const out: Cue[] = [];
  for (const [strength, weight] of [['strong', 2], ['weak', 1]] as const) {
    for (const [group, phrases] of Object.entries(source.cues[strength])) {
      const rule = source.case.capitals.includes(group) ? 2 : source.case.proper.includes(group) ? 1 : 0;
      for (const phrase of phrases) out.push({ phrase, weight, rule, group });
    }
  }
  return out;
}

/** Titles compromise keeps in a person's name ("President Joe Biden"): dropped, so the name is learned once. */
const TITLES = /^(?:(?:President|Vice President|Prime Minister|Premier|Chancellor|Secretary|Deputy Secretary|General|Minister|Foreign Minister|Ambassador|Chairman|Senator|Mr|Mrs|Ms|Dr|Sir|Lord|King|Queen)\.?\s+)+/u;
/** Small words a proper name may hold in lower case ("Ministry of Foreign Affairs"). */
const NAME_GLUE = new Set(['of', 'and', 'for', 'the', 'on', 'de', 'du', 'von', 'van', 'al']);

/** True when every word of a name is capitalised, small glue words aside ("Royal Castle", not "Russian gas"). */
function isProperName(name: string): boolean {
  const words = name.split(/[\s-]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => NAME_GLUE.has(w) || /^[\p{Lu}\d]/u.test(w));
}

/**
 * What compromise's named-entity views return for one document, cleaned: quotes and possessives
 * trimmed, titles dropped from people, and only names capitalised throughout. A person needs a
 * first name and a surname (a lone "Joe" or "Wendy" says nothing about the text).
 */
function named(text: string): { people: string[]; organisations: string[]; places: string[] } {
  const doc = nlp(text);
  const clean = (list: string[]) => list.map((name) => name.replace(/^[\s"“”'‘’(]+|[\s"“”'‘’),.;:!?]+$/gu, '').replace(/[’']s$/u, '')).filter((name) => name.length > 2 && isProperName(name));
  return {
    people: clean(doc.people().out('array') as string[]).map((name) => name.replace(TITLES, '')).filter((name) => name.split(/\s+/).length >= 2 && isProperName(name)),
    organisations: clean(doc.organizations().out('array') as string[]),
    places: clean(doc.places().out('array') as string[]),
  };
}

/**
 * Cues learned from the corpora: the people and organisations (strong) and places (weak) that
 * compromise names at least twice across the documents, capitalised, and that no curated cue or
 * lexicon variant already covers. Sorted by phrase, so the build is deterministic.
 */
export function learnCues(texts: readonly string[], known: ReadonlySet<string>): Cue[] {
  const counts = new Map<string, { phrase: string; count: number; kind: 'people' | 'organisations' | 'places' }>();
  for (const text of texts) {
    const found = named(text);
    for (const kind of ['people', 'organisations', 'places'] as const) {
      for (const phrase of found[kind]) {
        const keys = phraseKeys(phrase);
        if (!keys || keys.length > 4) continue;
        const key = keys.join(' ');
        if (known.has(key)) continue;
        const entry = counts.get(key) ?? { phrase, count: 0, kind };
        entry.count++;
        counts.set(key, entry);
      }
    }
  }
  return [...counts.values()]
    .filter((e) => e.count >= 2)
    .map((e) => ({ phrase: e.phrase, weight: e.kind === 'places' ? 1 : 2, rule: 1, group: `learned: ${e.kind}` }))
    .sort((a, b) => (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
}

/**
 * Compiles cues, guards and topics into one trie. Each phrase's value indexes a small table of
 * kinds (weight, guard sets, case rule, topics), shared by every phrase of the same kind. Throws a
 * {@link LexiconError} naming `file` for a phrase the matcher cannot read, a phrase that is both a
 * cue and a guard, or too many guard sets.
 */
export function compileContext(source: ContextSource, cues: readonly Cue[], file: string): CompiledContext {
  const guardNames = Object.keys(source.guards);
  const topicNames = Object.keys(source.topics);
  if (guardNames.length > MAX_GUARD_SETS) throw new LexiconError(`${file}: field "guards": at most ${MAX_GUARD_SETS} guard sets`);
  if (topicNames.length > MAX_GUARD_SETS) throw new LexiconError(`${file}: field "topics": at most ${MAX_GUARD_SETS} topics`);
  const byKey = new Map<string, { phrase: string; weight: number; guards: number; rule: number; topics: number }>();
  const keyOf = (phrase: string, where: string) => {
    const keys = phraseKeys(phrase);
    if (!keys) throw new LexiconError(`${file}: ${where}: "${phrase}" has punctuation the matcher never spans`);
    return keys.join(' ');
  };
  for (const cue of cues) {
    const key = keyOf(cue.phrase, `field "cues.${cue.group}"`);
    const entry = byKey.get(key);
    // Listed twice (in two groups, or learned too): the stronger weight and the looser case rule win.
    if (entry) {
      entry.weight = Math.max(entry.weight, cue.weight);
      entry.rule = Math.min(entry.rule, cue.rule);
    } else byKey.set(key, { phrase: cue.phrase, weight: cue.weight, guards: 0, rule: cue.rule, topics: 0 });
  }
  guardNames.forEach((name, bit) => {
    for (const phrase of source.guards[name]!) {
      const key = keyOf(phrase, `field "guards.${name}"`);
      const entry = byKey.get(key);
      if (entry && entry.weight > 0) throw new LexiconError(`${file}: field "guards.${name}": "${phrase}" is also a cue; a word cannot both mark international affairs and another sense`);
      if (entry) entry.guards |= 1 << bit;
      else byKey.set(key, { phrase, weight: 0, guards: 1 << bit, rule: 0, topics: 0 });
    }
  });
  // A topic word is also an international-affairs cue: it counts 1 unless it is a stronger cue already.
  topicNames.forEach((name, bit) => {
    for (const phrase of source.topics[name]!) {
      const key = keyOf(phrase, `field "topics.${name}"`);
      const entry = byKey.get(key);
      if (entry && entry.guards !== 0) throw new LexiconError(`${file}: field "topics.${name}": "${phrase}" is also a guard word`);
      if (entry) entry.topics |= 1 << bit;
      else byKey.set(key, { phrase, weight: 1, guards: 0, rule: 0, topics: 1 << bit });
    }
  });
  const kinds: number[] = [];
  const kindIndex = new Map<string, number>();
  const pairs: [string, number][] = [];
  for (const entry of byKey.values()) {
    const id = `${entry.weight},${entry.guards},${entry.rule},${entry.topics}`;
    let k = kindIndex.get(id);
    if (k === undefined) {
      k = kinds.length / 4;
      kinds.push(entry.weight, entry.guards, entry.rule, entry.topics);
      kindIndex.set(id, k);
    }
    pairs.push([entry.phrase, k]);
  }
  const { trie, conflicts } = buildTrie(pairs);
  // Two spellings of one phrase fold to the same keys with different kinds: name them.
  if (conflicts.length > 0) throw new LexiconError(`${file}: "${conflicts[0]!.variant}" is listed with two different meanings (cue and guard, or two case rules)`);
  return { trie, kinds, guards: guardNames, topics: topicNames, points: source.window.points, page: source.page };
}
