import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import cards from '../lexicon/generated/cards.json';
import originals from '../lexicon/generated/originals.json';
import type { CardTexts } from '../lib/lexicon/compiled.ts';
import type { CompiledOriginals } from '../lib/match/originals.ts';
import { runBackground } from '../lib/ext/run-background.ts';

export default defineBackground(() => runBackground(browser, cards as CardTexts, originals as unknown as CompiledOriginals));
