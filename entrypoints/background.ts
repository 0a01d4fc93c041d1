import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import cards from '../lexicon/generated/cards.json';
import type { CardTexts } from '../lib/lexicon/compiled.ts';
import { runBackground } from '../lib/ext/run-background.ts';

export default defineBackground(() => runBackground(browser, cards as CardTexts));
