import { capitalWords, foldOriginal, GENERAL_CUE, READ_AFTER, READ_ANYWHERE, READ_CONTEXTUAL, type CompiledOriginal, type CompiledOriginals } from '../../match/originals.ts';
import { LexiconError, type Original, type OriginalsContext } from '../schema.ts';
import { russianForms } from './russian-forms.ts';
import * as OpenCC from 'opencc-js';

/** Simplified to traditional Chinese as Taiwan and Hong Kong write it (OpenCC's tables). */
const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toHongKong = OpenCC.Converter({ from: 'cn', to: 'hk' });

/**
 * The written forms of a Chinese phrase: simplified, the curated traditional, and OpenCC's
 * Taiwan and Hong Kong conversions (which differ in a few characters: 為/爲, 台/臺).
 */
function chineseForms(form: string, traditional?: string): string[] {
  return [...new Set([form, ...(traditional ? [traditional] : []), toTaiwan(form), toHongKong(form)])];
}

/** A form of `originals.yaml` may give two words at once ("империалисты / империалистический"): each is matched. */
const splitForms = (form: string) => form.split(/\s+\/\s+/).map((f) => f.trim()).filter(Boolean);

/**
 * Compiles the originals for the page: each Chinese form in both scripts, each Russian phrase in
 * every form its declension model gives, and the cues of each language (Russian cues declined the
 * same way), all folded as the page folds what it reads. `families` are the term ids in compiled
 * order. Throws {@link LexiconError} naming the file, term and field when two families claim one form.
 */
export function compileOriginals(
  families: readonly string[],
  originals: ReadonlyMap<string, readonly Original[]>,
  context: OriginalsContext,
  /** The topic bit set of each family, in compiled order, and the topics' names by bit (the compiled lexicon's `context.topics`). */
  topics: { families: readonly number[]; names: readonly string[] } = { families: [], names: [] },
): CompiledOriginals {
  const list: CompiledOriginal[] = [];
  const keys: [string, number, number][] = [];
  const owner = new Map<string, string>();
  for (const [term, id] of families.entries()) {
    for (const [index, o] of (originals.get(id) ?? []).entries()) {
      if (o.match === false) continue;
      const at = list.length;
      list.push({ term, original: index, lang: o.lang, read: o.read === 'contextual' ? READ_CONTEXTUAL : o.read === 'after' ? READ_AFTER : READ_ANYWHERE, form: o.form, romanised: o.romanised, ...(o.guards?.length ? { guards: o.guards.map((g) => foldOriginal(g, o.lang)) } : {}), ...(topics.families[term] ? { topics: topics.families[term] } : {}) });
      const written = o.lang === 'zh' ? chineseForms(o.form, o.traditional) : splitForms(o.form).flatMap((f) => russianForms(f, o.declines));
      for (const form of written) {
        const key = foldOriginal(form, o.lang);
        if (!key) throw new LexiconError(`lexicon/originals.yaml: term "${id}": field "${o.lang}.${index}.form": nothing left to match in "${form}"`);
        const claimed = owner.get(`${o.lang}:${key}`);
        if (claimed && claimed !== id) throw new LexiconError(`lexicon/originals.yaml: term "${id}": field "${o.lang}.${index}.form": "${form}" is a form of term "${claimed}" too`);
        if (claimed) continue;
        owner.set(`${o.lang}:${key}`, id);
        keys.push([key, at, o.lang === 'ru' ? capitalWords(form) : 0]);
      }
    }
  }
  const cue = (lang: 'zh' | 'ru') => {
    const seen = new Map<string, [number, number]>();
    const add = (phrase: string, topic: number) => {
      for (const form of lang === 'ru' ? russianForms(phrase) : chineseForms(phrase)) {
        const key = foldOriginal(form, lang);
        const had = seen.get(key);
        if (had) had[1] |= topic;
        else seen.set(key, [lang === 'ru' ? capitalWords(form) : 0, topic]);
      }
    };
    for (const phrase of context[lang].cues) add(phrase, GENERAL_CUE);
    for (const [name, phrases] of Object.entries(context[lang].topics)) {
      const bit = topics.names.indexOf(name);
      if (bit < 0) throw new LexiconError(`lexicon/originals-context.yaml: field "${lang}.topics.${name}": unknown topic (context.yaml has ${topics.names.join(', ')})`);
      for (const phrase of phrases) add(phrase, 1 << bit);
    }
    return [...seen].map(([key, [caps, topic]]) => [key, caps, topic] as [string, number, number]);
  };
  return { originals: list, keys, cues: { zh: cue('zh'), ru: cue('ru') } };
}
