import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { runBackground } from '../lib/ext/run-background.ts';

export default defineBackground(() => runBackground(browser));
