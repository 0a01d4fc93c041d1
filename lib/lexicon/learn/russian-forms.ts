import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LexiconError } from '../schema.ts';

/**
 * The inflected forms of a Russian phrase, generated at build time from the OpenCorpora dictionary
 * through Az.js (`az`): every case in both numbers, with adjectives and participles agreeing with
 * their noun in gender, number, case and (in the accusative) animacy. The page then matches
 * "многополярного мира", "коллективным Западом" and "в ходе специальной военной операции" against
 * forms made from "многополярный мир", "коллективный Запад" and "специальная военная операция".
 *
 * How a phrase is read, unless its entry lists the words that decline (`declines`):
 * - it is cut into conjuncts at «и»; in each, the leading adjectives and participles agree with the
 *   first noun that can be nominative (the head); the words after the head stay as written
 *   («баланс сил», «вмешательство во внутренние дела»). A conjunct of adjectives only agrees with
 *   the next conjunct's head («равная и неделимая безопасность»);
 * - a phrase that opens with neither (a preposition, a genitive: «за счёт безопасности других»,
 *   «двойного назначения») stays as written;
 * - a single adjective or participle takes every gender («самопровозглашённый»);
 * - a phrase that opens with an infinitive conjugates it («бряцать оружием» → «бряцают оружием»);
 * - in a hyphenated word both nouns decline («государство-цивилизация» →
 *   «государством-цивилизацией»); an adjective after an adverb declines alone
 *   («духовно-нравственные» → «духовно-нравственных»).
 * Capitals are kept where the phrase has them («Русского мира»).
 */

/** The part of an Az.js parse this module reads. */
interface Parse {
  word: string;
  prefix?: unknown;
  score: number;
  tag: Record<string, string | boolean | undefined> & { POS?: string; CAse?: string; NMbr?: string; GNdr?: string; ANim?: string; ASpc?: string; TEns?: string; VOic?: string };
  inflect(grammemes: string[]): Parse | false | undefined;
}

type Analyse = (word: string) => Parse[];

let analyse: Analyse | null = null;

/** Loads the dictionary once (about 0.3 s); Az.js reads files with callbacks, run here in order so the build stays synchronous. */
function morphology(): Analyse {
  if (analyse) return analyse;
  const require = createRequire(import.meta.url);
  const Az = require('az') as {
    load: (url: string, type: string, done: (error: unknown, data?: unknown) => void) => void;
    Morph: ((word: string) => Parse[]) & { init: (path: string, done: (error: unknown) => void) => void };
  };
  const dicts = join(dirname(require.resolve('az/package.json')), 'dicts');
  const queue: (() => void)[] = [];
  Az.load = (url, type, done) =>
    queue.push(() => {
      let data: Buffer;
      try {
        data = readFileSync(url);
      } catch (error) {
        done(error);
        return;
      }
      done(null, type === 'json' ? JSON.parse(data.toString('utf8')) : data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    });
  let failure: unknown = null;
  let ready = false;
  Az.Morph.init(dicts, (error) => {
    failure = error;
    ready = true;
  });
  while (queue.length > 0) queue.shift()!();
  if (failure || !ready) throw new LexiconError(`cannot load the Russian dictionary of az from ${dicts}: ${String(failure ?? 'it did not finish loading')}`);
  analyse = (word) => Az.Morph(word);
  return analyse;
}

const CASES = ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct'] as const;
const NUMBERS = ['sing', 'plur'] as const;
const GENDERS = ['masc', 'femn', 'neut'] as const;

/**
 * A word read by the dictionary: its parse and, for a word the dictionary only knows without a
 * prefix ("однополярный" read as "полярный"), the prefix to put back on every form.
 */
interface Lexeme {
  parse: Parse;
  prefix: string;
}
/** A word of the phrase: fixed, or its hyphen-joined parts, each fixed or a lexeme to inflect. */
type Piece = string | Lexeme;
interface Word {
  written: string;
  parts: Piece[];
  role: 'fixed' | 'modifier' | 'head' | 'verb';
  /** For a modifier: the index of the word whose noun it agrees with; -1 when it has none (a single adjective). */
  agrees: number;
}

const nominative = (p: Parse, pos: string[]) => pos.includes(p.tag.POS ?? '') && (p.tag.CAse === 'nomn' || pos.includes('INFN'));
const foldYo = (s: string) => s.replace(/ё/g, 'е');


/** The likeliest parse of `word` in one of the parts of speech, with the prefix the dictionary left off. */
function best(word: string, pos: string[], analyseWord: Analyse): Lexeme | undefined {
  const parse = analyseWord(word)
    .filter((p) => nominative(p, pos))
    .sort((a, b) => b.score - a.score)[0];
  if (!parse) return undefined;
  // Az.js names the prefix it left off ("одно" of "однополярный"); its forms come without it.
  const prefix = typeof parse.prefix === 'string' && foldYo(word).startsWith(foldYo(parse.prefix)) ? word.slice(0, parse.prefix.length) : '';
  return { parse, prefix };
}

/** The parse a written word is read as in a role, with its hyphen-joined parts; null when it cannot have the role. */
function readWord(written: string, pos: string[], analyseWord: Analyse): Piece[] | null {
  // Proper nouns are known by their capital ("Киев", "Индия"); other words in lower case.
  const whole = best(written, pos, analyseWord) ?? best(written.toLowerCase(), pos, analyseWord);
  const parts = written.split('-');
  if (parts.length === 2 && parts.every((p) => p.length > 1)) {
    const [first, second] = parts.map((p) => best(p.toLowerCase(), pos, analyseWord));
    // Two nouns ("государство-цивилизация") decline together; an adverb before an adjective
    // ("духовно-нравственные") stays.
    if (first && second && first.parse.tag.POS === 'NOUN' && second.parse.tag.POS === 'NOUN') return [first, second];
    if (!first && second && second.parse.tag.POS !== 'NOUN') return [parts[0]!, second];
  }
  return whole ? [whole] : null;
}

/** How each word of a phrase takes part in its declension. */
function readPhrase(form: string, declines: readonly string[] | undefined, analyseWord: Analyse): Word[] {
  const written = form.split(/\s+/);
  const words: Word[] = written.map((w) => ({ written: w, parts: [w], role: 'fixed', agrees: -1 }));
  const nounOrModifier = (i: number, allowed: string[]) => readWord(written[i]!, allowed, analyseWord);
  if (declines) {
    for (const [i, w] of written.entries()) {
      if (!declines.includes(w)) continue;
      const noun = nounOrModifier(i, ['NOUN']);
      const modifier = noun ? null : nounOrModifier(i, ['ADJF', 'PRTF']);
      if (!noun && !modifier) throw new LexiconError(`the Russian dictionary knows no nominative noun, adjective or participle "${w}" in "${form}"`);
      words[i] = { written: w, parts: (noun ?? modifier)!, role: noun ? 'head' : 'modifier', agrees: -1 };
    }
  } else {
    const verb = readWord(written[0]!, ['INFN'], analyseWord);
    if (verb) {
      words[0] = { written: written[0]!, parts: verb, role: 'verb', agrees: -1 };
      return words;
    }
    let i = 0;
    while (i < written.length) {
      // One conjunct: modifiers, then a head; the words after the head up to «и» stay.
      let j = i;
      while (j < written.length && written[j] !== 'и') {
        const modifier = nounOrModifier(j, ['ADJF', 'PRTF']);
        const noun = nounOrModifier(j, ['NOUN']);
        // A word that can be either ("военная", "русский") is a modifier when a word follows it in the conjunct.
        const more = j + 1 < written.length && written[j + 1] !== 'и';
        if (modifier && (!noun || more)) words[j] = { written: written[j]!, parts: modifier, role: 'modifier', agrees: -1 };
        else if (noun) {
          words[j] = { written: written[j]!, parts: noun, role: 'head', agrees: -1 };
          j++;
          break;
        } else break;
        j++;
      }
      if (j === i) break; // opens with neither: the rest stays as written
      while (j < written.length && written[j] !== 'и') j++;
      i = j + 1;
    }
  }
  // Each modifier agrees with the head of its conjunct, or of the next one.
  for (const [i, w] of words.entries()) {
    if (w.role !== 'modifier') continue;
    w.agrees = words.findIndex((h, k) => k > i && h.role === 'head');
  }
  return words;
}

const capitalise = (word: string, like: string) => (like[0] !== like[0]!.toLowerCase() ? word[0]!.toUpperCase() + word.slice(1) : word);

/** One inflected piece, or null when the dictionary has no such form. */
function inflectPiece(piece: Piece, grammemes: string[]): string | null {
  if (typeof piece === 'string') return piece;
  const form = piece.parse.inflect(grammemes.filter(Boolean));
  return form ? piece.prefix + form.word : null;
}

function inflectWord(word: Word, grammemes: string[]): string | null {
  const parts = word.parts.map((p) => inflectPiece(p, grammemes));
  if (parts.some((p) => p === null)) return null;
  return capitalise(parts.join('-'), word.written);
}

/** The grammemes a modifier takes to agree with `head` in `kase` and `number`. */
function agreement(head: Parse | null, modifier: Parse, kase: string, number: string, gender?: string): string[] {
  const g = number === 'sing' ? (gender ?? head?.tag.GNdr ?? 'masc') : '';
  // The accusative of a masculine singular or any plural follows the noun's animacy.
  const animacy = kase === 'accs' && (number === 'plur' || g === 'masc') ? (head?.tag.ANim === 'anim' ? 'anim' : 'inan') : '';
  const participle = modifier.tag.POS === 'PRTF' ? [modifier.tag.TEns ?? '', modifier.tag.VOic ?? ''] : [];
  return [...participle, kase, number, g, animacy];
}

/** The forms of a verb phrase's infinitive: itself, the present or future, the past and the gerund. */
function verbForms(verb: Lexeme): string[] {
  const tense = verb.parse.tag.ASpc === 'perf' ? 'futr' : 'pres';
  const sets: string[][] = [['INFN']];
  for (const n of NUMBERS) for (const person of ['1per', '2per', '3per']) sets.push([tense, person, n]);
  for (const g of GENDERS) sets.push(['past', 'sing', g]);
  sets.push(['past', 'plur'], ['GRND']);
  return sets.map((s) => inflectPiece(verb, s)).filter((f): f is string => f !== null);
}

/**
 * Every form of a Russian phrase (see the module comment), the written one first; `declines`
 * names the words that decline when the default reading is wrong for the phrase (`[]`: none).
 * Throws {@link LexiconError} when a word listed in `declines` is not in the dictionary.
 */
export function russianForms(form: string, declines?: readonly string[]): string[] {
  const written = form.trim().replace(/\s+/g, ' ');
  if (declines && declines.length === 0) return [written];
  const words = readPhrase(written, declines, morphology());
  const out = new Set<string>([written]);
  const verb = words.findIndex((w) => w.role === 'verb');
  if (verb >= 0) {
    for (const v of verbForms(words[verb]!.parts[0] as Lexeme)) out.add([capitalise(v, words[verb]!.written), ...words.slice(1).map((w) => w.written)].join(' '));
    return [...out];
  }
  const heads = words.filter((w) => w.role === 'head');
  const free = heads.length === 0;
  const headParse = (w: Word) => w.parts.find((p): p is Lexeme => typeof p !== 'string')?.parse ?? null;
  for (const kase of CASES) {
    for (const number of NUMBERS) {
      for (const gender of free ? [...GENDERS] : [undefined]) {
        if (free && number === 'plur' && gender !== 'masc') continue;
        const inflected = words.map((w) => {
          if (w.role === 'fixed') return w.written;
          if (w.role === 'head') {
            // A noun without this number (singularia or pluralia tantum) keeps its own.
            const parse = headParse(w)!;
            return inflectWord(w, [kase, number]) ?? inflectWord(w, [kase, parse.tag.NMbr ?? ''])!;
          }
          const head = w.agrees >= 0 ? headParse(words[w.agrees]!) : null;
          const headNumber = head && !head.inflect([kase, number]) ? (head.tag.NMbr ?? number) : number;
          return inflectWord(w, agreement(head, headParse(w)!, kase, headNumber, gender));
        });
        if (inflected.every((f): f is string => f !== null)) out.add(inflected.join(' '));
      }
    }
  }
  return [...out];
}
