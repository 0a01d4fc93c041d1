import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanText } from '../../lib/cli/scan-file.ts';
import { expandOptional } from '../../lib/lexicon/learn/generate-variants.ts';
import { generateVariants } from '../../lib/lexicon/learn/variants.ts';
import { ENTRY_LOWER_CASE, ENTRY_STOP, type CardTexts, type CompiledLexicon, type FullLexicon } from '../../lib/lexicon/schema.ts';
import { createFinder, writtenInLowerCase } from '../../lib/match/create-finder.ts';
import { tokenise } from '../../lib/text/tokenise.ts';

const LEXICON = fileURLToPath(new URL('../../lexicon/', import.meta.url));
const compiled = JSON.parse(readFileSync(`${LEXICON}generated/compiled.json`, 'utf8')) as CompiledLexicon;
const cards = JSON.parse(readFileSync(`${LEXICON}generated/cards.json`, 'utf8')) as CardTexts;
const full = JSON.parse(readFileSync(`${LEXICON}generated/lexicon.json`, 'utf8')) as FullLexicon;
const finder = createFinder(compiled);
const matcher = finder.matcher;
/** The family of a matcher entry. */
const termOf = (entry: number) => compiled.terms[compiled.entries[3 * entry]!]!.id;
/** The texts a pattern stands for: optional parts in and out, a gap filled with two words. */
const instances = (pattern: string) => expandOptional(pattern).map((p) => p.replace(/\s\*\s/g, ' their own '));

/** What the matcher makes of `phrase` in a neutral sentence: "" when it finds exactly that phrase as `id`, else a description. */
function problem(phrase: string, id: string): string {
  const sentence = `Readers met the phrase ${phrase} in the report.`;
  const tokens = tokenise(phrase);
  const at = sentence.indexOf(phrase);
  // The phrase's words, without leading or trailing quotes (a match starts and ends on a word).
  const want = { start: at + tokens[0]!.start, end: at + tokens[tokens.length - 1]!.end };
  const found = matcher.findMatches(sentence).map((m) => ({ ...m, id: termOf(m.entry) }));
  if (found.length === 1 && found[0]!.id === id && found[0]!.start === want.start && found[0]!.end === want.end) return '';
  const got = found.map((m) => `“${sentence.slice(m.start, m.end)}” as ${m.id}`).join('; ') || 'no match';
  return `${JSON.stringify(phrase)} → ${got}`;
}

const problems = (phrases: readonly string[], id: string) => phrases.flatMap(instances).map((p) => problem(p, id)).filter(Boolean);
const dashed = (p: string) => p.replaceAll('-', '\u2013').replaceAll(' ', '\u00a0');

describe.each(full.terms.map((t) => [t.id, t] as const))('family %s', (id, family) => {
  it('every pattern matches itself, whole, as this family', () => {
    expect(problems(family.patterns, id)).toEqual([]);
  });
  it('every pattern matches in upper case', () => {
    expect(problems(family.patterns.map((p) => p.toUpperCase()), id)).toEqual([]);
  });
  it('every pattern matches with en dashes for hyphens and no-break spaces for spaces', () => {
    expect(problems(family.patterns.map(dashed), id)).toEqual([]);
  });
  it('every generated variant matches as this family', () => {
    expect(family.variants.length).toBeGreaterThanOrEqual(family.patterns.length > 0 ? 1 : 0);
    expect(problems(family.variants, id)).toEqual([]);
  });
  it('the compiled lexicon has the family at the same index with the same category (no reader text, no patterns), and the card its label, gloss, patterns and first originals', () => {
    const index = full.terms.indexOf(family);
    expect(compiled.terms[index]).toMatchObject({ id, category: family.category });
    expect(compiled.terms[index]).not.toHaveProperty('gloss');
    expect(compiled.terms[index]).not.toHaveProperty('patterns');
    const card = cards[id]!;
    expect(card).toMatchObject({ label: family.label, gloss: family.gloss, patterns: [...family.patterns, ...family.contextual] });
    for (const lang of ['zh', 'ru'] as const) {
      const first = family.originals.find((o) => o.lang === lang);
      if (first) expect(card.original).toContain(`${first.form} ${first.romanised}`);
    }
    if (family.originals.length === 0) expect(card).not.toHaveProperty('original');
  });
});

describe('look-alikes that are not framing produce no match at all', () => {
  it.each([
    'He was diagnosed with bipolar disorder last year.',
    'They live in a block of flats near the station.',
    'The physicist measured wave interference in the lab.',
    'The cold, war-weary troops marched home.',
    'She placed a new order of pizza for the team.',
    'Birds migrate to the south of the globe in winter.',
    'The museum explains how the Cold War ended in 1991.',
    'Engineers inspected the reactor containment vessel.',
    'Add a decoupling capacitor next to the chip.',
    'An interference pattern appeared on the screen.',
    'The team played back-to-back games on Sunday.',
    'The axis of rotation is tilted.',
    'The partnership agreement was signed by both law firms.',
    'The doctor found the root causes of the rash.',
    'Settlements in the West Bank were discussed.',
    'A new age of computing began with the transistor.',
    'Oil paint is a Western medium that reached Japan in the sixteenth century.',
    'The stories were fabricated; he lies often.',
    'A multipolar magnet has several poles.',
  ])('%j', (text) => {
    const found = finder.find(text).found.map((m) => `“${text.slice(m.start, m.end)}” as ${compiled.terms[m.term]!.id}`);
    expect(found).toEqual([]);
  });
});

describe('variant generation makes only real spellings', () => {
  it.each([
    ['fabricated lies', 'fabricated ly'],
    ['security at the expense of others', 'security at the expense of otherses'],
    ['to the detriment of the security of others', 'to the detriment of the security of otherses'],
    ['colour revolution', 'co-lour revolution'],
  ])('%j does not yield %j', (pattern, wrong) => {
    expect(generateVariants(pattern)).not.toContain(wrong);
  });

describe('exclusions in the sources remove generated variants that mean something else', () => {
  it('"Western media" never yields "western medium" (an art form) in the shipped lexicon', () => {
    const family = full.terms.find((t) => t.id === 'western-media')!;
    expect(generateVariants('Western media')).toContain('western medium');
    expect(family.variants).not.toContain('western medium');
    expect(finder.find('Oil paint is a Western medium that reached Japan.').found).toEqual([]);
  });
  it('a longer excluded phrase hides the pattern inside it ("bully pulpit", "Anglo-Saxon race"), even with cues around', () => {
    const pulpit = 'The US president used the bully pulpit of the White House to press NATO allies on defence spending.';
    expect(finder.find(pulpit)).toEqual({ found: [], pending: [] });
    const race = 'Cecil Rhodes dreamed of uniting the Anglo-Saxon race of Britain and the United States.';
    expect(finder.find(race)).toEqual({ found: [], pending: [] });
    // The pattern itself still fires where it is the framing.
    const bully = 'Beijing accused the United States of trying to bully smaller countries in the South China Sea.';
    expect(finder.find(bully).found.map((f) => compiled.terms[f.term]!.id)).toEqual(['bullying']);
  });
});

describe('the page as a whole is not enough for a capitalised phrase that can be a title', () => {
  it('"Balance of Power" in a menu waits for no page, "balance of power" in prose does', () => {
    const menu = finder.find('Bloomberg Radio Balance of Power Bloomberg Surveillance');
    expect(menu.found).toEqual([]);
    expect(menu.pending).toEqual([]);
    const prose = finder.find('Analysts said the balance of power had shifted after the election.');
    expect(prose.pending.map((f) => compiled.terms[f.term]!.id)).toEqual(['balance-of-power']);
  });

  it('a show\'s name mid-sentence is passed over by the case the lexicon writes, which each entry carries as a flag', () => {
    // "wolf-warrior" is a framing family (no cue needed): only the title test stands between the film and a highlight.
    expect(finder.find('Millions of viewers queued to watch Wolf Warrior in cinemas that summer.')).toEqual({ found: [], pending: [] });
    expect(finder.find('The diplomats were praised for their wolf warrior style by state media.').found.map((f) => compiled.terms[f.term]!.id)).toEqual(['wolf-warrior']);
    expect(finder.find('Hegemony III sold well among strategy gamers this spring.')).toEqual({ found: [], pending: [] });
    // Which patterns are written in lower case: four letters or more, none capitalised.
    expect(['balance of power', 'so-called', 'Thucydides Trap', 'G7', 'the West'].map(writtenInLowerCase)).toEqual([true, true, false, false, false]);
    for (let e = 0; e < compiled.entries.length / 3; e++) {
      const [term, pattern, flags] = compiled.entries.slice(3 * e, 3 * e + 3) as [number, number, number];
      if (flags & ENTRY_STOP) continue;
      const written = cards[compiled.terms[term]!.id]!.patterns[pattern]!;
      expect((flags & ENTRY_LOWER_CASE) !== 0, written).toBe(writtenInLowerCase(written));
    }
  });
});

  it.each([
    ['multi-polar system', ['multi-polar system', 'multi polar system', 'multipolar system', 'multi-polar systems', 'multi\u2013polar system']],
    ['multipolar world', ['multipolar world', 'multi-polar world', 'multi polar world', 'multipolar worlds']],
    ['Cold War-era attitude', ['cold war-era attitude', 'cold war era attitude', 'cold war-era attitudes']],
    ['zero-sum game', ['zero-sum game', 'zero sum game', 'zero-sum games', 'zero\u2014sum game']],
  ])('%j yields %j', (pattern, expected) => {
    expect(generateVariants(pattern)).toEqual(expect.arrayContaining(expected));
  });

  it('never closes up a compound without a known prefix ("Cold Warera")', () => {
    expect(generateVariants('Cold War-era attitude')).not.toContain('cold warera attitude');
  });

  it('excluded variants are dropped, case-insensitively', () => {
    expect(generateVariants('zero-sum game', ['Zero Sum Game'])).not.toContain('zero sum game');
    expect(generateVariants('zero-sum game', ['Zero Sum Game'])).toContain('zero-sum game');
  });

  it('variants are sorted, lower-case and unique', () => {
    const list = generateVariants('US-led World Order');
    expect(list).toEqual([...new Set(list)].sort());
    for (const v of list) expect(v).toBe(v.toLowerCase());
  });
});

describe('the corpora: scanning each document finds the framing it is known for', () => {
  const hits = ['commentary', 'official'].flatMap((corpus) =>
    readdirSync(`${LEXICON}corpus/${corpus}/`)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .flatMap((file) => {
        const content = readFileSync(`${LEXICON}corpus/${corpus}/${file}`, 'utf8');
        return scanText(file, content, compiled, finder).map((hit) => ({ ...hit, content }));
      }),
  );

  it.each([
    ['multi-polar system', 'multipolar-world'],
    ['true multilateralism', 'true-multilateralism'],
    ['zero-sum” mindsets', 'zero-sum'],
    ['Cold War-era attitude', 'cold-war-mentality'],
    ['long-arm jurisdiction', 'long-arm-jurisdiction'],
    ['ideologized cold war approaches', 'cold-war-mentality'],
    ['has no limits', 'no-limits-partnership'],
    ['special military operation', 'special-military-operation'],
    ['axis of autocracies', 'axis-of-autocracies'],
    ['collective West', 'collective-west'],
    ['alliance of democracies', 'alliance-of-democracies'],
    ['strategic failure', 'strategic-failure'],
    ['indivisible security', 'indivisible-security'],
  ])('finds %j as %s', (text, id) => {
    const hit = hits.find((h) => h.text === text);
    expect(hit, `no hit with text ${JSON.stringify(text)}`).toBeDefined();
    expect(hit!.term).toBe(id);
    expect(hit!.content.slice(hit!.start, hit!.end)).toBe(text);
  });

  it('the scare-quoted “zero-sum” mindsets is found with its opening quote just before the match', () => {
    const hit = hits.find((h) => h.term === 'zero-sum' && h.text.startsWith('zero-sum'))!;
    expect(hit.content.slice(hit.start - 1, hit.end)).toBe('“zero-sum” mindsets');
  });

  it('every hit names a family and category of the compiled lexicon', () => {
    const ids = new Map(compiled.terms.map((t) => [t.id, t.category]));
    expect(hits.length).toBeGreaterThan(100);
    for (const h of hits) expect(ids.get(h.term)).toBe(h.category);
  });
});
