import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CardTexts, CompiledLexicon, FullLexicon } from '../lexicon/schema.ts';
import { createFinder, type Finder } from '../match/create-finder.ts';
import { createOriginalsFinder, type CompiledOriginals } from '../match/originals.ts';
import { withOriginals } from '../match/with-originals.ts';

/** The `lexicon/` folder of this package. */
export const LEXICON_DIR = fileURLToPath(new URL('../../lexicon', import.meta.url));

function readGenerated<T>(name: string): T {
  const path = `${LEXICON_DIR}/generated/${name}`;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}; run \`npm run lexicon\` first`);
  }
}

/** The compiled lexicon the content script ships. */
export const loadCompiled = (): CompiledLexicon => readGenerated<CompiledLexicon>('compiled.json');
/** The full lexicon the popup ships. */
export const loadFull = (): FullLexicon => readGenerated<FullLexicon>('lexicon.json');
/** Each family's patterns as the lexicon writes them, by term index (the content script does not carry them; the background's card texts do). */
export const loadWritten = (lexicon: CompiledLexicon): string[][] => {
  const cards = readGenerated<CardTexts>('cards.json');
  return lexicon.terms.map((t) => cards[t.id]?.patterns ?? []);
};
/** The compiled Chinese and Russian originals. */
export const loadOriginals = (): CompiledOriginals => readGenerated<CompiledOriginals>('originals.json');
/** The finder of the extension's pages: the lexicon with its Chinese and Russian originals. */
export const loadFinder = (lexicon: CompiledLexicon): Finder => withOriginals(createFinder(lexicon), createOriginalsFinder(loadOriginals()));
