import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFinder } from '../../lib/match/create-finder.ts';
import { createMatcher, type Match } from '../../lib/match/create-matcher.ts';
import { buildTrie, phraseKeys } from '../../lib/match/compile-trie.ts';
import { ALONE, firstKeyFilter, mayStart, pairHash, type TrieNode, type TrieRoot } from '../../lib/match/trie.ts';
import { lexicon as compiled } from '../helpers/dom-fakes.ts';
import { hashKey } from '../../lib/text/tokenise.ts';
import { sentenceSpans } from '../../lib/text/sentences.ts';

/** Prints `text` with every match wrapped as [[match|name]], so a failure reads like prose. */
function serializeMatches(text: string, matches: readonly Match[], names: readonly string[]): string {
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += `${text.slice(at, m.start)}[[${text.slice(m.start, m.end)}|${names[m.entry] ?? `#${m.entry}`}]]`;
    at = m.end;
  }
  return out + text.slice(at);
}

/** A matcher over a small hand-made lexicon: each entry is [variant, name]. */
function small(entries: readonly (readonly [string, string])[]) {
  const names = [...new Set(entries.map(([, name]) => name))];
  const { trie, conflicts } = buildTrie(entries.map(([variant, name]) => [variant, names.indexOf(name)] as const));
  expect(conflicts).toEqual([]);
  const matcher = createMatcher(trie);
  return { matcher, mark: (text: string) => serializeMatches(text, matcher.findMatches(text), names) };
}

const lexicon = small([
  ['cold war', 'cold-war'],
  ['cold war mentality', 'mentality'],
  ['cold war era alliance', 'alliances'],
  ['war mentality', 'war-mentality'],
  ['new cold war', 'new-cold-war'],
  ['zero-sum', 'zero-sum'],
  ['zero-sum game', 'zero-sum'],
  ['us-led', 'us-led'],
  ['hegemony', 'hegemony'],
  ['russia’s sphere', 'sphere'],
  ['multipolar world', 'multipolar'],
]);

describe('serializeMatches (test helper)', () => {
  it('wraps each match and keeps the text around it', () => {
    expect(serializeMatches('a cold war b', [{ start: 2, end: 10, entry: 0 }], ['cold-war'])).toBe('a [[cold war|cold-war]] b');
    expect(serializeMatches('no match', [], [])).toBe('no match');
  });
});

describe('matcher: longest-leftmost, non-overlapping', () => {
  it.each([
    ['The Cold War mentality persists.', 'The [[Cold War mentality|mentality]] persists.'],
    ['The Cold War ended.', 'The [[Cold War|cold-war]] ended.'],
    // leftmost wins over a longer match starting later
    ['a new cold war mentality', 'a [[new cold war|new-cold-war]] mentality'],
    // a longer match starting at the same token wins
    ['a zero-sum game', 'a [[zero-sum game|zero-sum]]'],
    ['a zero-sum bet', 'a [[zero-sum|zero-sum]] bet'],
    // a dead-end continuation falls back to the last complete variant
    ['Cold War era attitude', '[[Cold War|cold-war]] era attitude'],
    ['Cold War era alliances', '[[Cold War|cold-war]] era alliances'],
    ['Cold War era alliance', '[[Cold War era alliance|alliances]]'],
    // a prefix that is not a variant matches nothing, and scanning continues at the next word
    ['cold weather, war mentality', 'cold weather, [[war mentality|war-mentality]]'],
    // consecutive matches
    ['hegemony hegemony', '[[hegemony|hegemony]] [[hegemony|hegemony]]'],
    ['Cold War hegemony and a zero-sum game', '[[Cold War|cold-war]] [[hegemony|hegemony]] and a [[zero-sum game|zero-sum]]'],
    // whole words only
    ['hegemonyé, hegemonic, coldwar', 'hegemonyé, hegemonic, coldwar'],
    ['scold warnings', 'scold warnings'],
  ])('%j → %j', (text, expected) => {
    expect(lexicon.mark(text)).toBe(expected);
  });

  it('returns matches in text order with start < end and no overlap', () => {
    const text = 'Cold War mentality, new cold war, zero-sum game, hegemony, the U.S.-led order.';
    const matches = lexicon.matcher.findMatches(text);
    expect(matches).toHaveLength(5);
    for (let i = 0; i < matches.length; i++) {
      expect(matches[i]!.start).toBeLessThan(matches[i]!.end);
      if (i > 0) expect(matches[i]!.start).toBeGreaterThanOrEqual(matches[i - 1]!.end);
    }
  });
});

describe('matcher: soft gaps join a phrase, hard punctuation never does', () => {
  it.each([
    ['Cold-War mentality', '[[Cold-War mentality|mentality]]'],
    ['Cold\u2013War\u00a0mentality', '[[Cold\u2013War\u00a0mentality|mentality]]'],
    ['COLD   WAR\nmentality', '[[COLD   WAR\nmentality|mentality]]'],
    ['the “Cold War” mentality', 'the “[[Cold War” mentality|mentality]]'],
    ['a "zero-sum" game', 'a "[[zero-sum" game|zero-sum]]'],
    ['a zero sum game', 'a [[zero sum game|zero-sum]]'],
    ['a zero\u2014sum game', 'a [[zero\u2014sum game|zero-sum]]'],
    ['the U.S.-led order', 'the [[U.S.-led|us-led]] order'],
    ['the US led order', 'the [[US led|us-led]] order'],
    ['Russia’s sphere', '[[Russia’s sphere|sphere]]'],
    ["Russia's sphere", "[[Russia's sphere|sphere]]"],
    // a soft hyphen is invisible: "multi\u00adpolar" is the closed-up "multipolar"
    ['a multi\u00adpolar world', 'a [[multi\u00adpolar world|multipolar]]'],
    ['hege\u00admony', '[[hege\u00admony|hegemony]]'],
    ['ﬁne hegemony', 'ﬁne [[hegemony|hegemony]]'],
    // hard punctuation
    ['cold, war-weary troops', 'cold, war-weary troops'],
    ['It was cold. War came.', 'It was cold. War came.'],
    ['cold: war', 'cold: war'],
    ['cold (war) mentality', 'cold (war) mentality'],
    ['Cold War; mentality', '[[Cold War|cold-war]]; mentality'],
    ['a zero-sum, game', 'a [[zero-sum|zero-sum]], game'],
    ['new, cold war', 'new, [[cold war|cold-war]]'],
  ])('%j → %j', (text, expected) => {
    expect(lexicon.mark(text)).toBe(expected);
  });
});

describe('matcher: offsets are UTF-16 code units in the original text', () => {
  it.each([
    ['😀 the Cold War mentality', 'Cold War mentality', 7],
    ['🇺🇳🇺🇳 hegemony', 'hegemony', 9],
    ['ﬁnance and hegemony', 'hegemony', 11],
    ['e\u0301lan and hegemony', 'hegemony', 10],
    ['hege\u200bmony', 'hege\u200bmony', 0],
  ])('%j: match %j at %i', (text, matched, at) => {
    const [m] = lexicon.matcher.findMatches(text);
    expect(m).toBeDefined();
    expect(m!.start).toBe(at);
    expect(text.slice(m!.start, m!.end)).toBe(matched);
  });
});

describe('matcher: countWords', () => {
  it.each([
    ['', 0],
    ['one two three', 3],
    ['Cold War mentality', 1],
    ['the Cold War mentality, again', 3],
    ['cold, war', 2],
    ['Cold War era alliances', 3],
  ])('%j has %i words (a match counts as one)', (text, n) => {
    expect(lexicon.matcher.countWords(text)).toBe(n);
  });

  it('does not disturb the matches found between calls', () => {
    const text = 'a Cold War mentality and hegemony';
    const before = lexicon.matcher.findMatches(text);
    expect(lexicon.matcher.countWords('one two three four')).toBe(4);
    expect(lexicon.matcher.findMatches(text)).toEqual(before);
  });
});

describe('matcher: free words, possessives and slashes', () => {
  const forms = small([
    ['interference in * internal affairs', 'interference'],
    ['interference in internal affairs', 'interference'],
    ['collective west', 'collective-west'],
    ['great powers rivalry', 'rivalry'],
    ['anti-access/area denial', 'a2ad'],
    ['small yard, high fence', 'yard'],
  ]);
  it.each([
    ['no interference in internal affairs', 'no [[interference in internal affairs|interference]]'],
    ["interference in China's internal affairs", "[[interference in China's internal affairs|interference]]"],
    ["interference in other countries' internal affairs", "[[interference in other countries' internal affairs|interference]]"],
    ['interference in the domestic and internal affairs', '[[interference in the domestic and internal affairs|interference]]'],
    // at most three free words, joined by soft gaps only
    ['interference in the very many domestic internal affairs', 'interference in the very many domestic internal affairs'],
    ['interference in China, and internal affairs', 'interference in China, and internal affairs'],
    // a possessive "'s" on the last word ends the phrase before it
    ["the collective West's sanctions", "the [[collective West|collective-west]]'s sanctions"],
    ['the collective West’s sanctions', 'the [[collective West|collective-west]]’s sanctions'],
    // a plural possessive keeps its apostrophe outside the phrase
    ["the great powers' rivalry", "the [[great powers' rivalry|rivalry]]"],
    // a slash joins alternatives like a hyphen
    ['anti-access/area denial bubbles', '[[anti-access/area denial|a2ad]] bubbles'],
    ['a small yard, high fence policy', 'a [[small yard, high fence|yard]] policy'],
  ])('%j → %j', (text, expected) => {
    expect(forms.mark(text)).toBe(expected);
  });

  it('finds possessive and gapped phrases in any case, and ends a possessive before its apostrophe', () => {
    const { trie } = buildTrie([['collective west', 0], ['interference in * internal affairs', 1]]);
    const text = "The collective West's claims of interference in Beijing's internal affairs; COLLECTIVE WEST’S views.";
    const found = createMatcher(trie).findMatches(text).map((m) => [text.slice(m.start, m.end), m.entry]);
    expect(found).toEqual([
      ['collective West', 0],
      ["interference in Beijing's internal affairs", 1],
      ['COLLECTIVE WEST', 0],
    ]);
  });

  it('phraseKeys keys a gap as "*" and refuses one at either end', () => {
    expect(phraseKeys('interference in * internal affairs')).toEqual(['interference', 'in', '*', 'internal', 'affairs']);
    expect(phraseKeys('* internal affairs')).toBeNull();
  });
});

describe('buildTrie', () => {
  it('reports a variant claimed by two families, and an empty one', () => {
    const { conflicts } = buildTrie([
      ['Cold War', 0],
      ['cold-war', 1],
      ['—', 2],
    ]);
    expect(conflicts).toEqual(
      expect.arrayContaining([
        { variant: '—', term: 2, claimedBy: -1 },
        expect.objectContaining({ term: 1, claimedBy: 0 }),
      ]),
    );
    expect(conflicts).toHaveLength(2);
  });

  it('the same variant twice for the same family is no conflict', () => {
    expect(buildTrie([['cold war', 0], ['Cold War', 0]]).conflicts).toEqual([]);
  });

  it('is independent of input order and keys are sorted', () => {
    const a = buildTrie([['b a', 0], ['a b', 1], ['a', 2]]).trie;
    const b = buildTrie([['a', 2], ['a b', 1], ['b a', 0]]).trie;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(Object.keys(a.c!)).toEqual(['a', 'b']);
  });

  it('phraseKeys folds a phrase like the matcher folds text', () => {
    expect(phraseKeys('Cold War–era “attitude”')).toEqual(['cold', 'war', 'era', 'attitude']);
    expect(phraseKeys('U.S.-led')).toEqual(['us', 'led']);
  });

  it('ships the first-token filter of its first-level keys, so a page builds nothing', () => {
    const { trie } = buildTrie([['cold war', 0], ['zero-sum', 1], ['U.S.-led', 2]]);
    expect(Object.keys(trie.c!)).toEqual(['cold', 'us', 'zero']);
    expect(trie.f).toHaveLength(4096);
    // Exactly the bits of the three keys' hashes are set (65,536 bits, bit = hash & 0xffff).
    const set: number[] = [];
    for (let i = 0; i < trie.f.length; i++) for (let b = 0; b < 16; b++) if (trie.f.charCodeAt(i) & (1 << b)) set.push(i * 16 + b);
    expect(set).toEqual([...new Set(['cold', 'us', 'zero'].map((k) => hashKey(k) & 0xffff))].sort((x, y) => x - y));
    for (const k of ['cold', 'us', 'zero']) expect(mayStart(trie.f, hashKey(k))).toBe(true);
    for (const other of ['warm', 'war', 'sum', 'led']) expect(mayStart(trie.f, hashKey(other))).toBe(set.includes(hashKey(other) & 0xffff));
  });

  it('the filter survives JSON (the lexicon ships it in compiled.json): lone surrogates and control characters included', () => {
    // Unit 5 gets the value 0xd800 (a lone high surrogate: bits 11, 12, 14, 15), unit 9 the value
    // 0x001f (a control character: bits 0–4), unit 4095 0xffff; a hash's high bits do not count.
    const bits = (unit: number, ...b: number[]) => b.map((x) => unit * 16 + x);
    const hashes = [...bits(5, 11, 12, 14, 15), ...bits(9, 0, 1, 2, 3, 4), ...bits(4095, ...Array.from({ length: 16 }, (_, i) => i)), 0x7fff0000 + 9 * 16 + 0];
    const f = firstKeyFilter(hashes);
    expect([f.charCodeAt(5), f.charCodeAt(9), f.charCodeAt(4095)]).toEqual([0xd800, 0x1f, 0xffff]);
    const back = JSON.parse(JSON.stringify(f)) as string;
    expect(back).toBe(f);
    for (const h of hashes) expect(mayStart(back, h)).toBe(true);
    expect(mayStart(back, 5 * 16)).toBe(false);
    expect(mayStart(back, 9 * 16 + 5)).toBe(false);
  });

  it('ships the pair filter: each first key with the keys that may follow it, or ALONE when it may match by itself', () => {
    const { trie } = buildTrie([
      ['cold war', 0],
      ['zero-sum', 1],
      ['hegemony', 2],
      ['interfere * internal affairs', 3],
      ['peace, stability and development', 4],
      ['the collective West', 5],
    ]);
    const pair = (a: string, b: string) => mayStart(trie.p, pairHash(hashKey(a), hashKey(b)));
    const alone = (a: string) => mayStart(trie.p, pairHash(hashKey(a), ALONE));
    expect(trie.p).toHaveLength(4096);
    for (const [a, b] of [['cold', 'war'], ['zero', 'sum'], ['the', 'collective']] as const) expect(pair(a, b)).toBe(true);
    // A one-word variant, a gap right after the first word, a comma right after it: the word after tells nothing.
    for (const key of ['hegemony', 'interfere', 'peace']) expect(alone(key)).toBe(true);
    for (const key of ['cold', 'zero', 'the']) expect(alone(key)).toBe(false);
    // Second words of other phrases, and ordinary followers, are not pairs (65,536 bits, 6 set: a collision is one chance in 10,000).
    for (const [a, b] of [['the', 'weather'], ['the', 'war'], ['cold', 'sum'], ['cold', 'collective']] as const) expect(pair(a, b)).toBe(false);
  });

  it('an empty trie matches nothing', () => {
    const matcher = createMatcher(buildTrie([]).trie);
    expect(matcher.findMatches('Cold War mentality')).toEqual([]);
    expect(matcher.countWords('Cold War mentality')).toBe(3);
  });
});

describe('trie lookups use own keys only', () => {
  it('words that name Object.prototype members never match or throw', () => {
    const { trie } = buildTrie([['cold war mentality', 0]]);
    const matcher = createMatcher(trie);
    expect(matcher.findMatches('the constructor, __proto__, toString and hasOwnProperty of a cold war')).toEqual([]);
    expect(matcher.findMatches('constructor cold war mentality')).toEqual([{ start: 12, end: 30, entry: 0 }]);
  });
});

describe('matcher: characters in and around words', () => {
  // Each line as the lexicon's matcher reads it: what it finds, in order.
  it.each([
    ['hege\u00admony and NATO’s expansion', ['hege\u00admony'], 'a soft hyphen inside a word joins it'],
    ['ﬁve principles and hegemony', ['hegemony'], 'a ligature is read as its letters'],
    ['under_hegemony, hegemony_ and hegemony', ['hegemony', 'hegemony', 'hegemony'], 'an underscore is punctuation'],
    ['éhegemony hegemonyé hegemony', ['hegemony'], 'an accented letter belongs to the word'],
    ['the U.S.-led order, U.S. hegemony and US-led blocs', ['U.S.-led order', 'hegemony', 'US-led blocs'], 'abbreviations with and without dots'],
    ['Russia’s sphere and Russia\'s sphere of influence', ['sphere of influence'], 'apostrophes'],
    ["l'hegemony o'cold war", [], 'an apostrophe before a word joins it to the letter before'],
    ['e.g.hegemony i.e. hegemony', ['hegemony', 'hegemony'], 'dots before a word'],
  ])('%j → %j (%s)', (text, expected) => {
    const matcher = createMatcher(compiled.trie);
    expect(matcher.findMatches(text).map((m) => text.slice(m.start, m.end))).toEqual(expected);
  });

  it('the first words of phrases without the rest of them find nothing', () => {
    const matcher = createMatcher(compiled.trie);
    expect(matcher.findMatches('The cold water of the western lake; the world cup.')).toEqual([]);
  });
});

describe('matcher: words counted in the same pass', () => {
  it.each([
    'The collective West and its Cold War mentality, said the spokesperson.',
    'hege\u00admony, U.S.-led blocs and NATO’s expansion: three words the ministry repeats.',
    'A recipe for lemon cake, with no politics in it at all.',
    '',
  ])('wordsRead() after findMatches equals countWords: %j', (text) => {
    const matcher = createMatcher(compiled.trie);
    const counted = matcher.countWords(text);
    matcher.findMatches('an unrelated text read in between');
    matcher.findMatches(text);
    expect(matcher.wordsRead()).toBe(counted);
  });

  it('a page block is read once for its cue points and its words (a cue phrase counting as one word)', () => {
    const finder = createFinder(compiled);
    const cues = createMatcher(compiled.context.trie);
    for (const text of ['The Foreign Ministry spokesperson told reporters in Beijing that NATO keeps expanding eastward.', 'Add the flour, then the eggs, and bake for forty minutes.']) {
      expect(finder.pagePoints(text).words).toBe(cues.countWords(text));
    }
  });
});

describe('matcher: the pair filter changes nothing but the work', () => {
  const full = JSON.parse(readFileSync(new URL('../../lexicon/generated/lexicon.json', import.meta.url), 'utf8')) as { terms: { variants: string[] }[] };
  const variants = full.terms.flatMap((t) => t.variants);
  /** The lexicon's matcher as it was before the pair filter: every pair passes, so every candidate is walked. */
  const everyPair: TrieRoot = { ...compiled.trie, p: String.fromCharCode(0xffff).repeat(4096) };
  const filtered = createMatcher(compiled.trie);
  const unfiltered = createMatcher(everyPair);
  // The first words of many phrases, and words that follow them in ordinary prose.
  const words = ['the', 'to', 'in', 'for', 'our', 'are', 'on', 'as', 'a', 'weather', 'Kremlin', 'Beijing', 'said', 'its', "West's", 'world', 'order', 'security', 'United', 'States', 'of', 'and', 'partnership', 'with', 'Microsoft'];
  const piece = fc.oneof(
    fc.constantFrom(...variants),
    fc.constantFrom(...variants).map((v) => v.toUpperCase()),
    fc.constantFrom(...variants).map((v) => `${v}'s`),
    fc.constantFrom(...words),
  );
  const gap = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '-', ' — ', '\n', ' "', '" ');
  const text = fc.array(fc.tuple(piece, gap), { minLength: 1, maxLength: 14 }).map((parts) => parts.map(([p, g]) => p + g).join(''));

  it('finds exactly what the unfiltered matcher finds, over the whole lexicon in random prose (300 runs)', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(filtered.findMatches(t)).toEqual(unfiltered.findMatches(t));
        expect(filtered.wordsRead()).toBe(unfiltered.wordsRead());
      }),
      { numRuns: 300 },
    );
  });

  it('finds what the unfiltered matcher finds for every variant of every family standing in a sentence', () => {
    const missed: string[] = [];
    for (const v of variants) {
      const sentence = `Officials in the capital spoke of ${v} to the press on Tuesday.`;
      const found = filtered.findMatches(sentence);
      if (JSON.stringify(found) !== JSON.stringify(unfiltered.findMatches(sentence))) missed.push(v);
    }
    expect(missed).toEqual([]);
  });

  it('passes few ordinary pairs: a first key followed by a word that begins no phrase with it', () => {
    const root = compiled.trie.c!;
    const firsts = Object.keys(root).filter((k) => root[k]!.t === undefined && root[k]!.c && !Object.keys(root[k]!.c!).some((c) => c === '*' || c.startsWith(',')));
    const followers = ['weather', 'be', 'report', 'monday', 'city', 'new', 'first', 'company', 'school', 'game', 'season', 'market', 'price', 'team', 'family'];
    let passed = 0;
    let tried = 0;
    for (const first of firsts) {
      for (const next of followers) {
        if (root[first]!.c![next]) continue;
        tried++;
        if (mayStart(compiled.trie.p, pairHash(hashKey(first), hashKey(next)))) passed++;
      }
    }
    // The filter has ~1,900 of 65,536 bits set: about 3 % of pairs that are not in it pass.
    expect(tried).toBeGreaterThan(5000);
    expect(passed / tried).toBeLessThan(0.06);
  });
});

describe("finder: a block's cue windows read from one scan of the block", () => {
  // Once a block's sentence-bounded windows add up to more than the block, the finder scans the
  // block for cues once and reads each window from that scan, unless a match of it crosses the
  // window's bounds. This is the fact it rests on, over the real cue phrases: a window's own scan
  // finds exactly the whole scan's matches inside it then.
  const cues = createMatcher(compiled.context.trie);
  const phrases: string[] = [];
  const collect = (node: TrieNode, words: string[]) => {
    if (node.t !== undefined) phrases.push(words.join(' '));
    for (const [key, child] of Object.entries(node.c ?? {})) if (key !== '*' && !key.startsWith(',')) collect(child, [...words, key]);
  };
  collect(compiled.context.trie, []);
  const capitalise = (p: string) => p.replace(/\b\w/g, (c) => c.toUpperCase());
  const word = fc.oneof(
    fc.constantFrom(...phrases).map(capitalise),
    fc.constantFrom(...phrases),
    // Two-word cues broken by a line break: a sentence ends there, the phrase does not.
    fc.constantFrom('Foreign\nMinister', 'United\nNations', 'Security\nCouncil', 'Prime\nMinister', 'Cold\nWar', 'East\nAsia'),
    fc.constantFrom('officials', 'said', 'on', 'Tuesday', 'the', 'talks', 'were', 'a', 'new', 'game', 'season', 'and'),
  );
  const end = fc.constantFrom(' ', ' ', ' ', ' ', '. ', '.\n', '\n', '! ', ', ', '? ');
  const text = fc.array(fc.tuple(word, end), { minLength: 2, maxLength: 24 }).map((parts) => parts.map(([w, e]) => w + e).join(''));

  it("inside windows of one to three sentences no whole-text match crosses, the window's own scan finds the same (300 texts)", () => {
    let compared = 0;
    let crossed = 0;
    fc.assert(
      fc.property(text, (t) => {
        const whole = cues.findMatches(t).map((m) => ({ ...m }));
        const spans = sentenceSpans(t);
        for (let i = 0; i < spans.length; i++) {
          for (let j = i; j < Math.min(spans.length, i + 3); j++) {
            const from = spans[i]!.start;
            const to = spans[j]!.end;
            if (whole.some((m) => m.start < to && m.end > from && (m.start < from || m.end > to))) {
              crossed++;
              continue;
            }
            compared++;
            const own = cues.findMatches(t.slice(from, to)).map((m) => ({ ...m, start: m.start + from, end: m.end + from }));
            expect(own).toEqual(whole.filter((m) => m.start >= from && m.end <= to));
          }
        }
      }),
      { numRuns: 300 },
    );
    // Both cases were met: windows compared, and windows a phrase crossed (read alone by the finder).
    expect(compared).toBeGreaterThan(1000);
    expect(crossed).toBeGreaterThan(20);
  });
});
