import nlp from 'compromise';

/** Prefixes that are written closed up, hyphenated or spaced: "multipolar", "multi-polar", "multi polar". */
const PREFIXES = ['anti', 'bi', 'co', 'counter', 'geo', 'inter', 'multi', 'neo', 'non', 'post', 'pre', 'super', 'trans', 'uni'];
const DASHES = ['\u2010', '\u2011', '\u2013', '\u2014'];

/**
 * Regular English plurals and singulars ("mindset/mindsets", "policy/policies") are trusted;
 * anything else ("media/medium", "lies/ly", "others/otherses") only when ordinary English
 * (SUBTLEX-US) knows the form. Forms under four letters are never made.
 */
function isPlausibleInflection(word: string, form: string, knows: KnowsWord): boolean {
  if (form.length < 4) return false;
  const [short, long] = form.length < word.length ? [form, word] : [word, form];
  const regular = !short.endsWith('s') && (long === `${short}s` || long === `${short}es` || (short.endsWith('y') && long === `${short.slice(0, -1)}ies`));
  return regular || knows(form);
}

/** True when ordinary English knows a lower-case word (SUBTLEX-US: `word-frequencies.ts` in Node, the shipped word list in the options page). */
export type KnowsWord = (word: string) => boolean;

/** Prepositions after which a head noun comes first: "sphere of influence" → "spheres of influence". */
const HEAD_FIRST = new Set(['of', 'in', 'for', 'on', 'against', 'with', 'to', 'between', 'at', 'from', 'by', 'over', 'among', 'within']);

/** The singular and plural of the word at `index` of `words`, as whole phrases, when compromise reads it as a noun there. */
function inflectAt(words: readonly string[], index: number, knows: KnowsWord): string[] {
  const word = words[index]!;
  if (!/^[a-z]+$/i.test(word) || word.length < 3) return [];
  const inContext = nlp(words.filter((w) => w !== '*').join(' ')).terms().eq(words.slice(0, index).filter((w) => w !== '*').length);
  if (inContext.has('#Adjective') || (inContext.has('#Verb') && !inContext.has('#Noun'))) return [];
  // compromise's typings give nouns() the base View type; the plugin methods are there at run time.
  const alone = nlp(`the ${word}`).nouns() as unknown as { found: boolean; clone(): { toPlural(): { text(): string }; toSingular(): { text(): string } } };
  if (!alone.found) return [];
  const forms = new Set<string>();
  const plural = alone.clone().toPlural().text().replace(/^the /, '');
  const singular = alone.clone().toSingular().text().replace(/^the /, '');
  // The regular plural as well as compromise's ("referendums" beside "referenda").
  const regular = /(s|x|z|ch|sh)$/i.test(word) ? `${word}es` : /[^aeiou]y$/i.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
  for (const form of [plural, singular, ...(plural.toLowerCase() !== word.toLowerCase() ? [regular] : [])]) {
    if (form && /^[a-z]+$/i.test(form) && form.toLowerCase() !== word.toLowerCase() && isPlausibleInflection(word.toLowerCase(), form.toLowerCase(), knows)) forms.add(form);
  }
  return [...forms].map((form) => [...words.slice(0, index), form, ...words.slice(index + 1)].join(' '));
}

/**
 * Singular and plural forms of a phrase: of its last word ("red line" → "red lines") and, in a
 * phrase whose head comes first, of the word before its first preposition ("sphere of influence"
 * → "spheres of influence", "war of aggression" → "wars of aggression").
 */
function inflections(phrase: string, knows: KnowsWord): string[] {
  const words = phrase.split(' ');
  const out = inflectAt(words, words.length - 1, knows);
  const preposition = words.findIndex((w, i) => i > 0 && HEAD_FIRST.has(w.toLowerCase()));
  if (preposition > 0 && preposition < words.length - 1) out.push(...inflectAt(words, preposition - 1, knows));
  return out;
}

/**
 * The phrases a pattern with optional parts stands for: `[words]` may be left out, `[a|b]` is one
 * of its choices or nothing. "interference in [other countries'] internal affairs" → with and without.
 */
export function expandOptional(pattern: string): string[] {
  const open = pattern.indexOf('[');
  if (open < 0) return [pattern];
  const close = pattern.indexOf(']', open);
  if (close < 0) throw new Error(`"${pattern}": "[" without "]"`);
  const choices = ['', ...pattern.slice(open + 1, close).split('|').map((c) => c.trim())];
  const rest = expandOptional(pattern.slice(close + 1));
  return choices.flatMap((choice) => rest.map((tail) => `${pattern.slice(0, open)}${choice}${tail}`.replace(/\s+/g, ' ').trim()));
}

function spellings(phrase: string, knows: KnowsWord): string[] {
  const out = new Set<string>([phrase]);
  // Compounds: hyphen, space and closed-up forms of each hyphenated pair.
  if (phrase.includes('-')) {
    out.add(phrase.replace(/-/g, ' '));
    // Closed up only after a known prefix: "multi-polar" → "multipolar", never "Cold Warera".
    const closed = phrase.replace(/(^|[\s-])(\p{L}+)-(?=\p{L})/gu, (all, before: string, left: string) =>
      PREFIXES.includes(left.toLowerCase()) ? `${before}${left}` : all,
    );
    out.add(closed);
  }
  // Known prefixes written closed up get their hyphenated and spaced forms.
  for (const word of phrase.split(/[\s-]+/)) {
    const lower = word.toLowerCase();
    for (const prefix of PREFIXES) {
      const rest = lower.slice(prefix.length);
      // The rest must be a real word of five letters or more: "multi-polar", never "co-lour".
      if (lower.startsWith(prefix) && rest.length >= 5 && knows(rest)) {
        const head = word.slice(0, prefix.length);
        const tail = word.slice(prefix.length);
        out.add(phrase.replace(word, `${head}-${tail}`));
        out.add(phrase.replace(word, `${head} ${tail}`));
      }
    }
  }
  return [...out];
}

/**
 * The variants of one pattern: its optional parts left in and out, spellings (hyphen/space/closed-up),
 * singular and plural of the last word and of a head noun before a preposition (compromise's noun
 * inflection), each also with Unicode dashes where it has a hyphen. A `*` (one to three free words)
 * passes through as a word of its own. The matcher folds dashes and spaces itself; dash forms are
 * listed so readers and tests see them.
 * Sorted, lower-case, no duplicates.
 */
export function generateVariantsWith(knows: KnowsWord, pattern: string, exclude: readonly string[] = []): string[] {
  const out = new Set<string>();
  for (const base of expandOptional(pattern.trim().replace(/\s+/g, ' '))) {
    for (const spelling of spellings(base, knows)) {
      out.add(spelling);
      for (const form of inflections(spelling, knows)) out.add(form);
    }
  }
  for (const form of [...out]) {
    if (form.includes('-')) for (const dash of DASHES) out.add(form.replaceAll('-', dash));
  }
  const excluded = new Set(exclude.map((e) => e.toLowerCase()));
  return [...new Set([...out].map((v) => v.toLowerCase()))].filter((v) => !excluded.has(v)).sort();
}
