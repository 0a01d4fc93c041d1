import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import { frequencyTableText } from './lib/lexicon/learn/word-frequencies.ts';

/**
 * `virtual:word-frequencies`: SUBTLEX-US as the build reads it, for the options page only (readers'
 * own terms get the lexicon's variants; their documents the build's candidate ranking).
 */
function wordFrequencies(): Plugin {
  const id = 'virtual:word-frequencies';
  return {
    name: 'framing-lens-word-frequencies',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (source) => (source === `\0${id}` ? `export default ${JSON.stringify(frequencyTableText())};` : null),
  };
}

// https://wxt.dev/api/config.html
export default defineConfig({
  // Every dependency is imported explicitly, so each file shows what it uses.
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Framing Lens',
    description:
      'Highlights the framing vocabulary of international news and explains what each phrase presupposes.',
    // storage: the reader's settings. activeTab: when the reader clicks the toolbar button, the
    // popup may read that one tab's address, to tell a browser page (where no extension can run)
    // from a page that only needs a reload; it shows no install warning. Content scripts are
    // declared statically, the badge needs no permission, and nothing is ever fetched.
    permissions: ['storage', 'activeTab'],
    action: { default_title: 'Framing Lens' },
    // Alt+Shift+J/K/L: bound by Chromium 14x and Firefox ESR on a fresh profile (read back with
    // commands.getAll() in the e2e tests); Alt+Shift+N and Alt+Shift+P, the old defaults, are
    // reserved by Chromium and were silently left unbound.
    commands: {
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: { suggested_key: { default: 'Alt+Shift+L' }, description: 'Open Framing Lens for this page' },
      'next-term': { suggested_key: { default: 'Alt+Shift+J' }, description: 'Go to the next framing term on the page' },
      'previous-term': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Go to the previous framing term on the page' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140: the CSS Custom Highlight API and data_collection_permissions; nothing is collected.
            gecko: { id: 'framing-lens@example.org', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // No modulepreload polyfill: it is the only code in the bundles that calls fetch().
  // JSON modules as JSON.parse("…"): the 400 kB lexicon loads several times faster than as a literal.
  // FRAMING_LENS_READABLE=1: unminified bundles, so a profile (`tests/bench/cold-profile.ts`) names functions.
  vite: () => ({ plugins: [preact(), wordFrequencies()], json: { stringify: true }, build: { modulePreload: { polyfill: false }, ...(process.env.FRAMING_LENS_READABLE ? { minify: false } : {}) } }),
  zip: { excludeSources: ['tests/**', '.ci/**', '.output/**', 'node_modules/**'] },
});
