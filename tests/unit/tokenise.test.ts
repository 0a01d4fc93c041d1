import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashKey, tokenise, tokenKey, TokenScanner } from '../../lib/text/tokenise.ts';

/** Token keys of a text. */
const keys = (text: string) => tokenise(text).map((t) => t.key);
/** `softBefore` of every token after the first (the first never follows a gap). */
const gaps = (text: string) => tokenise(text).slice(1).map((t) => t.softBefore);

describe('tokenise: token keys are folded', () => {
  it.each([
    // case folding
    ['Cold War', ['cold', 'war']],
    ['COLD WAR MENTALITY', ['cold', 'war', 'mentality']],
    ['cOlD wAr', ['cold', 'war']],
    ['ÉLITE Ünion', ['élite', 'ünion']],
    // curly and straight apostrophes between letters stay in the word, always straight
    ['Russia’s role', ["russia's", 'role']],
    ["Russia's role", ["russia's", 'role']],
    ['rock’n’roll', ["rock'n'roll"]],
    // ligatures are expanded
    ['ﬁnance', ['finance']],
    ['ﬂow', ['flow']],
    ['eﬀort', ['effort']],
    ['oﬃcial', ['official']],
    ['baﬄe', ['baffle']],
    // soft hyphen and zero-width characters inside a word are invisible
    ['hege\u00admony', ['hegemony']],
    ['hege\u200bmony', ['hegemony']],
    ['hege\u200cmony', ['hegemony']],
    ['hege\u200dmony', ['hegemony']],
    ['hege\u2060mony', ['hegemony']],
    ['hege\ufeffmony', ['hegemony']],
    // abbreviations drop their dots and keep their closing dot
    ['U.S.-led', ['us', 'led']],
    ['U.K. policy', ['uk', 'policy']],
    ['U.S.A.', ['usa']],
    ['e.g. the', ['eg', 'the']],
    // a dot after a longer word is a sentence end, not part of the word
    ['war. Peace', ['war', 'peace']],
    // letters of other scripts are word characters
    ['hegemonyé', ['hegemonyé']],
    ['Москва Запад', ['москва', 'запад']],
    ['ΕΛΛΆΔΑ', ['ελλάδα']],
    ['中国 美国', ['中国', '美国']],
    ['العالم الغربي', ['العالم', 'الغربي']],
    ['naïve', ['naïve']],
    // combining marks stay inside the word
    ['nai\u0308ve', ['nai\u0308ve']],
    // digits are word characters; a dot between single characters joins them like an abbreviation,
    // so "Cold War 2.0" stays one phrase (the lexicon has it as a pattern)
    ['Cold War 2.0', ['cold', 'war', '20']],
    ['G20 summit', ['g20', 'summit']],
  ])('%j → %j', (text, expected) => {
    expect(keys(text)).toEqual(expected);
  });
});

describe('tokenise: the gap before a token is soft or hard', () => {
  it.each([
    // spaces of every kind are soft
    ['Cold War', [true]],
    ['Cold\u00a0War', [true]], // no-break space
    ['Cold\u202fWar', [true]], // narrow no-break space
    ['Cold\u2009War', [true]], // thin space
    ['Cold\u2002War', [true]], // en space
    ['Cold\u3000War', [true]], // ideographic space
    ['Cold\tWar', [true]],
    ['Cold\nWar', [true]],
    ['Cold   War', [true]],
    // every dash is soft
    ['Cold-War', [true]],
    ['Cold\u2010War', [true]], // ‐ hyphen
    ['Cold\u2011War', [true]], // ‑ non-breaking hyphen
    ['Cold\u2013War', [true]], // – en dash
    ['Cold\u2014War', [true]], // — em dash
    ['Cold\u2212War', [true]], // − minus
    ['Cold - War', [true]],
    // quotes are soft
    ['“zero-sum” mindsets', [true, true]],
    ['"zero-sum" mindsets', [true, true]],
    ['‘Cold’ War', [true]],
    ['«Cold» War', [true]],
    // an abbreviation's closing dot does not harden the gap
    ['U.S.-led', [true]],
    ['U.S. led', [true]],
    // hard punctuation breaks a phrase
    ['cold, war', [false]],
    ['cold. war', [false]],
    ['cold: war', [false]],
    ['cold; war', [false]],
    ['cold! war', [false]],
    ['cold? war', [false]],
    ['cold (war)', [false]],
    // A slash joins alternatives inside a phrase ("anti-access/area denial", "A2/AD"): soft, like a hyphen.
    ['cold/war', [true]],
    ['cold…war', [false]],
    ['cold, war-weary troops', [false, true, true]],
    // a soft gap stays soft only if nothing hard is in it
    ['cold - , war', [false]],
    ['cold “, war', [false]],
  ])('%j → softBefore %j', (text, expected) => {
    expect(gaps(text)).toEqual(expected);
  });

  it('the first token of a text never counts as following a soft gap', () => {
    expect(tokenise('  Cold War')[0]!.softBefore).toBe(false);
    expect(tokenise('— Cold War')[0]!.softBefore).toBe(false);
  });
});

describe('tokenise: offsets point into the original string', () => {
  it.each([
    ['Cold War', ['Cold', 'War']],
    ['  “Cold War” mentality', ['Cold', 'War', 'mentality']],
    ['Russia’s role', ['Russia’s', 'role']],
    ['ﬁnance ministry', ['ﬁnance', 'ministry']],
    ['hege\u00admony rules', ['hege\u00admony', 'rules']],
    ['the U.S.-led bloc', ['the', 'U.S.', 'led', 'bloc']],
    ['Cold\u00a0War\u2013era', ['Cold', 'War', 'era']],
    ['👍 cold war', ['👍', 'cold', 'war']],
    ['Москва, Запад', ['Москва', 'Запад']],
  ])('%j → slices %j', (text, slices) => {
    expect(tokenise(text).map((t) => text.slice(t.start, t.end))).toEqual(slices);
  });

  it('offsets after an astral character are UTF-16 code units', () => {
    const text = '😀 Cold War';
    const [, cold] = tokenise(text);
    expect(cold!.start).toBe(3);
    expect(text.slice(cold!.start, cold!.end)).toBe('Cold');
  });

  it('token keys are exactly tokenKey over the token offsets', () => {
    const text = 'The U.S.-led “Cold\u00a0War” ﬁnance hege\u00admony of Russia’s élite.';
    for (const token of tokenise(text)) expect(tokenKey(text, token.start, token.end)).toBe(token.key);
  });
});

describe('TokenScanner', () => {
  it.each([
    'Cold War mentality',
    'The U.S.-led bloc, Russia’s “zero-sum” ﬁnance and hege\u00admony',
    'Москва ΕΛΛΆΔΑ 中国 العالم İstanbul naïve',
    'e.g. A.B.C. K.O. 3.5 x',
  ])('the scanner hash of every token equals hashKey of its key: %j', (text) => {
    const scanner = new TokenScanner().reset(text);
    const tokens = tokenise(text);
    let i = 0;
    while (scanner.next()) {
      const token = tokens[i++]!;
      expect([scanner.start, scanner.end, scanner.softBefore]).toEqual([token.start, token.end, token.softBefore]);
      expect(scanner.hash).toBe(hashKey(token.key));
    }
    expect(i).toBe(tokens.length);
  });

  it('key() (a native lower-casing for plain ASCII words) always equals tokenKey and matches the hash', () => {
    // Letters, digits and every character class the tokeniser knows, in random mixes.
    const alphabet = [...'aZq9 \t-\u2014\'\u2019"\u201c.,;!É\u00e9\u0130\u212a\ufb01\u00ad\u200b\u00a0\u4e2d\u0416\u05d0'];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const scanner = new TokenScanner().reset(t);
        while (scanner.next()) {
          const key = tokenKey(t, scanner.start, scanner.end);
          expect(scanner.key()).toBe(key);
          expect(scanner.hash).toBe(hashKey(key));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('hashes differ for different keys (no trivial hash)', () => {
    expect(hashKey('cold')).not.toBe(hashKey('war'));
    expect(hashKey('ab')).not.toBe(hashKey('ba'));
  });

  it('reset(text, from) resumes mid-text and judges the gap before the next token', () => {
    const text = 'cold, war and peace';
    const scanner = new TokenScanner().reset(text, 4);
    expect(scanner.next()).toBe(true);
    expect(text.slice(scanner.start, scanner.end)).toBe('war');
    expect(scanner.softBefore).toBe(false);
    expect(scanner.next()).toBe(true);
    expect(scanner.softBefore).toBe(true);
    scanner.reset('cold war', 4);
    expect(scanner.next()).toBe(true);
    expect(scanner.softBefore).toBe(true);
  });

  it('a scanner can be reused for a new text', () => {
    const scanner = new TokenScanner().reset('one two');
    while (scanner.next());
    scanner.reset('three');
    expect(scanner.next()).toBe(true);
    expect([scanner.start, scanner.end, scanner.softBefore]).toEqual([0, 5, false]);
    expect(scanner.next()).toBe(false);
  });

  it('empty and punctuation-only texts have no tokens', () => {
    expect(tokenise('')).toEqual([]);
    expect(tokenise(' ,.;— “” \u00ad\u200b')).toEqual([]);
  });
});
