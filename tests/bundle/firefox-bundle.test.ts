import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Smoke test of the built Firefox content script (npm test builds it first): the real bundle runs
// in happy-dom against WXT's fake browser. happy-dom has no CSS Custom Highlight API, so this also
// proves the <mark> fallback end to end: terms wrapped, page text unchanged.
const BUNDLE = resolve(import.meta.dirname, '../../.output/firefox-mv2/content-scripts/content.js');

describe('the built Firefox content script', () => {
  const globals = globalThis as unknown as { browser?: unknown; chrome?: unknown };
  beforeAll(() => {
    globals.browser = fakeBrowser;
    globals.chrome = fakeBrowser;
  });
  afterAll(() => {
    delete globals.browser;
    delete globals.chrome;
  });

  it('exists: run `npx wxt build -b firefox` (npm test does) before this tier', () => {
    expect(existsSync(BUNDLE), `${BUNDLE} is missing`).toBe(true);
  });

  it('highlights the terms of an article with the <mark> fallback and leaves its text unchanged', async () => {
    const paragraph = document.createElement('p');
    paragraph.append('Officials praised a multipolar world and rejected the Cold ', Object.assign(document.createElement('em'), { textContent: 'War' }), ' mentality of a zero-sum era.');
    const editable = Object.assign(document.createElement('div'), { textContent: 'zero-sum typed here' });
    editable.setAttribute('contenteditable', 'true');
    document.body.replaceChildren(paragraph, editable);
    const before = document.body.textContent;

    // The bundle is a classic script for the page; run it as the browser would.
    new Function(readFileSync(BUNDLE, 'utf8'))();

    await vi.waitFor(() => expect(document.querySelectorAll('mark[data-framing-lens-mark]').length).toBeGreaterThanOrEqual(4), { timeout: 5000 });
    const marked = [...document.querySelectorAll('mark[data-framing-lens-mark]')].map((m) => [m.getAttribute('data-framing-lens-mark'), m.textContent]);
    expect(marked).toEqual([
      ['world-order', 'multipolar world'],
      ['bloc-cold-war', 'Cold '],
      ['bloc-cold-war', 'War'],
      ['bloc-cold-war', ' mentality'],
      ['bloc-cold-war', 'zero-sum'],
    ]);
    expect(editable.querySelector('mark')).toBeNull();
    expect(document.body.textContent).toBe(before);
  });
});
