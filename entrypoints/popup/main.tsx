import { render } from 'preact';
import { browser } from 'wxt/browser';
import lexicon from '../../lexicon/generated/lexicon.json';
import type { FullLexicon } from '../../lib/lexicon/schema.ts';
import { App } from './app.tsx';
import { createPopupModel } from './model.ts';
import './style.css';

const model = createPopupModel(lexicon as FullLexicon, browser, new URL(location.href));
render(<App model={model} />, document.getElementById('app')!);
void model.load();
