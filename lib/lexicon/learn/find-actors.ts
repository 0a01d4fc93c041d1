import type { ContextSource } from '../schema.ts';
import { parseSentence } from '../../report/parse-sentence.ts';

/** Spellings of one actor, merged under the name readers know. */
const ALIASES: Record<string, readonly string[]> = {
  'United States': ['US', 'U.S.', 'U.S', 'USA', 'U.S.A.', 'United States of America', 'America'],
  'United Kingdom': ['UK', 'U.K.', 'Britain', 'Great Britain'],
  China: ['PRC', "People's Republic of China", 'People’s Republic of China'],
  'Soviet Union': ['USSR'],
  'United Nations': ['UN', 'U.N.', 'U.N'],
  'European Union': ['EU'],
  NATO: ['North Atlantic Treaty Organization', 'the Alliance'],
};

/** Titles stripped from a person's name ("President Joe Biden" is Joe Biden). */
const TITLES = /^(?:(?:President|Vice President|Premier|Chairman|Prime Minister|Foreign Minister|Defence Minister|Defense Minister|Minister|Secretary(?: of State)?|State|Ambassador|General|Gen\.|Admiral|Senator|Sen\.|Mr\.?|MR\.?|Ms\.?|MS\.?|Mrs\.?|Dr\.?|Pope|Comrade|Spokesperson|Spokesman|Spokeswoman)\s+)+/u;

/** Places the context model lists with the states (they are cues) that are regions, not actors. */
const REGIONS = new Set(['Xinjiang', 'Tibet', 'Xizang', 'Crimea', 'Donbas', 'Donbass', 'Donetsk', 'Luhansk', 'Gaza', 'Kosovo', 'Hong Kong', 'Indo-Pacific', 'Asia-Pacific', 'Taiwan Strait', 'South China Sea']);

/** Cue groups whose phrases are actors (states, their capitals as metonyms, organisations, institutions, leaders). */
const ACTOR_GROUPS = ['states', 'states-in-capitals', 'capitals', 'organisations', 'organisations-in-capitals', 'institutions', 'leaders'];

export type ActorFinder = (sentence: string) => string[];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An actor finder for the corpus examples: the states, capitals, organisations, institutions and
 * leaders the context model lists (case-sensitive, longest first, with their aliases merged: "U.S"
 * and "USA" are the United States, "Putin" and "President Putin" are Vladimir Putin, "Xi" is Xi
 * Jinping), then the other people compromise names (two words or more once titles are stripped:
 * "Ray McGovern", not "President Joe"). Regions and seas are places, not actors, and are left out.
 */
export function createActorFinder(context: Pick<ContextSource, 'cues'>): ActorFinder {
  const canonical = new Map<string, string>();
  const groups = { ...context.cues.strong, ...context.cues.weak };
  const leaders = (groups.leaders ?? []).filter((n) => n.includes(' '));
  for (const group of ACTOR_GROUPS) for (const phrase of groups[group] ?? []) if (/^\p{Lu}/u.test(phrase)) canonical.set(phrase, phrase);
  // Regions are matched too (so "Taiwan Strait" is not read as "Taiwan"), but name no actor.
  for (const region of REGIONS) canonical.set(region, '');
  // A leader's single name ("Putin", "Xi") stands for the full name that holds it.
  for (const [name] of canonical) {
    if (name.includes(' ')) continue;
    const full = leaders.find((l) => l.split(' ').includes(name));
    if (full) canonical.set(name, full);
  }
  for (const [name, spellings] of Object.entries(ALIASES)) {
    canonical.set(name, name);
    for (const s of spellings) canonical.set(s, name);
  }
  const names = [...canonical.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}.])(?:${names.map(escapeRe).join('|')})(?![\\p{L}\\p{N}]|\\.\\p{L})`, 'gu');

  return (sentence) => {
    const out: string[] = [];
    const add = (name: string) => {
      if (!out.includes(name)) out.push(name);
    };
    const covered: [number, number][] = [];
    for (const m of sentence.matchAll(pattern)) {
      const name = canonical.get(m[0])!;
      if (name) add(name);
      covered.push([m.index, m.index + m[0].length]);
    }
    const people = parseSentence(sentence).people().json({ offset: true }) as { text: string; offset: { start: number; length: number } }[];
    for (const p of people) {
      const start = p.offset.start;
      if (covered.some(([a, b]) => start < b && a < start + p.offset.length)) continue;
      const name = p.text.replace(/^[\s"“”'‘’(]+|[\s"“”'‘’),.;:!?-]+$/gu, '').replace(/[’']s$/u, '').replace(TITLES, '');
      const words = name.split(/\s+/).filter(Boolean);
      if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) continue;
      add(canonical.get(name) ?? name);
    }
    return out;
  };
}
