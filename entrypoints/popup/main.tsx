import { render } from 'preact';
import { browser } from 'wxt/browser';
import { loadGlossary } from './own-terms.ts';
import type { FullLexicon } from '../../lib/lexicon/schema.ts';
import { App } from './app.tsx';
import { createPopupModel } from './model.ts';
import './style.css';

// The glossary (labels, glosses, categories) opens the popup; explanations and corpus examples
// load on demand, so the first paint does not wait for 430 kB of lexicon.
const loadFull = () => import('../../lexicon/generated/lexicon.json').then((m) => m.default as FullLexicon);
// Marks of the start-up, read by the bench (npm run bench) to take the ready time apart.
performance.mark('popup-script');
const { glossary, ...own } = await loadGlossary();
performance.mark('popup-glossary');
const model = createPopupModel(glossary, loadFull, browser, new URL(location.href), 'popup', own);
render(<App model={model} />, document.getElementById('app')!);
void model.load();
