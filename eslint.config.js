import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const htmlStringApis = [
  { property: 'innerHTML', message: 'Page and lexicon text goes in as text: use textContent or createElement.' },
  { property: 'outerHTML', message: 'Page and lexicon text goes in as text: use textContent or createElement.' },
  { property: 'insertAdjacentHTML', message: 'Page and lexicon text goes in as text: use createElement.' },
];

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'tests/.artifacts/', 'lexicon/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', ...htmlStringApis],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render HTML strings.' },
        { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML|insertAdjacentHTML)$/]", message: 'Page and lexicon text goes in as text.' },
        { selector: "CallExpression[callee.name=/^(fetch|XMLHttpRequest)$/]", message: 'The extension makes no network requests.' },
      ],
    },
  },
  {
    // The pure core: no browser extension APIs, no framework, no build-only code.
    files: ['lib/**/*.ts'],
    ignores: ['lib/ext/**', 'lib/lexicon/learn/**', 'lib/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['wxt', 'wxt/*', '@webext-core/*', 'preact', 'preact/*', '@preact/*'], message: 'Only lib/ext/ may import browser or framework APIs.' }, { group: ['**/lexicon/learn/**', 'node:*'], message: 'Build-time and Node code stays out of the shipped core.' }] },
      ],
    },
  },
  {
    // The content script must stay small: no compromise, no full zod.
    files: ['entrypoints/content/**', 'lib/page/**', 'lib/match/**', 'lib/text/**', 'lib/settings/**', 'lib/ext/run-content.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'compromise', message: 'compromise is for the build and the popup, never the content script.' }, { name: 'zod', message: 'Use zod/mini in shipped code.' }], patterns: [{ group: ['**/lexicon/learn/**', '**/report/classify-voice*'], message: 'Not in the content script.' }] }],
    },
  },
  {
    // Node-side code and tests may read serialised HTML (comparisons) and use the network APIs
    // of Node; the bans protect what ships in the extension.
    files: ['tests/**', 'lib/cli/**', 'lib/lexicon/learn/**'],
    rules: { 'no-restricted-syntax': 'off', 'no-restricted-properties': 'off' },
  },
);
