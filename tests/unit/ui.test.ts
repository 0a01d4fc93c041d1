import { describe, expect, it } from 'vitest';
import glossary from '../../lexicon/generated/glossary.json';
import type { GlossaryLexicon, ShippedDocument } from '../../lib/lexicon/schema.ts';
import { createHistory } from '../../lib/ui/history.ts';
import { shortcutLines, whereToChange } from '../../lib/ui/shortcuts.ts';
import { sourceLine } from '../../lib/ui/source-line.ts';
import { tabAfterKey } from '../../lib/ui/tabs.ts';

const lexicon = glossary as GlossaryLexicon;

describe('tabAfterKey: the popup tabs from the keyboard', () => {
  it('moves right and left and wraps at both ends', () => {
    expect(tabAfterKey('ArrowRight', 0, 3)).toBe(1);
    expect(tabAfterKey('ArrowRight', 2, 3)).toBe(0);
    expect(tabAfterKey('ArrowLeft', 0, 3)).toBe(2);
    expect(tabAfterKey('ArrowLeft', 1, 3)).toBe(0);
  });
  it('Home and End go to the first and last tab', () => {
    expect(tabAfterKey('Home', 2, 3)).toBe(0);
    expect(tabAfterKey('End', 0, 3)).toBe(2);
  });
  it('ignores other keys, and vertical arrows in a horizontal list', () => {
    for (const key of ['Enter', ' ', 'a', 'ArrowDown', 'ArrowUp', 'Tab']) expect(tabAfterKey(key, 1, 3)).toBeNull();
    expect(tabAfterKey('ArrowDown', 1, 3, 'vertical')).toBe(2);
    expect(tabAfterKey('ArrowRight', 0, 0)).toBeNull();
  });
});

describe('createHistory: Back returns where the reader was', () => {
  type V = { name: string; id?: string };
  it('opening records the place of the view left; back restores it, innermost first', () => {
    const h = createHistory<V>({ name: 'page' });
    expect(h.open({ name: 'term', id: 'hegemony' }, { scrollTop: 420, focus: 'term:hegemony' })).toBe(true);
    expect(h.open({ name: 'term', id: 'unipolar-world' }, { scrollTop: 900, focus: 'related:unipolar-world' })).toBe(true);
    expect(h.depth).toBe(2);
    expect(h.back()).toEqual({ view: { name: 'term', id: 'hegemony' }, place: { scrollTop: 900, focus: 'related:unipolar-world' } });
    expect(h.back()).toEqual({ view: { name: 'page' }, place: { scrollTop: 420, focus: 'term:hegemony' } });
    expect(h.current).toEqual({ name: 'page' });
    expect(h.back()).toBeNull();
  });
  it('does not stack a view on itself, and a tab switch forgets the stack', () => {
    const h = createHistory<V>({ name: 'glossary' });
    h.open({ name: 'term', id: 'zero-sum' }, { scrollTop: 10, focus: null });
    expect(h.open({ name: 'term', id: 'zero-sum' }, { scrollTop: 0, focus: null })).toBe(false);
    expect(h.depth).toBe(1);
    h.reset({ name: 'settings' });
    expect(h.depth).toBe(0);
    expect(h.current).toEqual({ name: 'settings' });
  });
});

describe('shortcutLines: the bindings the browser really has', () => {
  it('splits bound keys for <kbd>, says null for unbound ones, names the toolbar command', () => {
    const lines = shortcutLines([
      { name: '_execute_action', description: '', shortcut: 'Alt+Shift+L' },
      { name: 'next-term', description: 'Go to the next framing term on the page', shortcut: 'Alt+Shift+J' },
      { name: 'previous-term', description: 'Go to the previous framing term on the page', shortcut: '' },
    ]);
    expect(lines).toEqual([
      { name: '_execute_action', description: 'Open Framing Lens for this page', keys: ['Alt', 'Shift', 'L'] },
      { name: 'next-term', description: 'Go to the next framing term on the page', keys: ['Alt', 'Shift', 'J'] },
      { name: 'previous-term', description: 'Go to the previous framing term on the page', keys: null },
    ]);
  });
  it('splits named keys ("Period") and drops commands without a name', () => {
    expect(shortcutLines([{ name: 'x', description: 'x', shortcut: 'Ctrl+Shift+Period' }])[0]!.keys).toEqual(['Ctrl', 'Shift', 'Period']);
    expect(shortcutLines([{ description: 'nameless' }])).toEqual([]);
  });
  it('says where to change them, per browser', () => {
    expect(whereToChange('chrome')).toContain('chrome://extensions/shortcuts');
    expect(whereToChange('firefox')).toContain('Manage Extension Shortcuts');
  });
});

describe('sourceLine: where a corpus example comes from', () => {
  const doc = (file: string): ShippedDocument => lexicon.documents.find((d) => d.file === file)!;
  it('an unsigned commentary says what it does not state, and its place in its corpus', () => {
    expect(sourceLine(doc('000_e9078585ef122712.txt'), lexicon.corpora, lexicon.documents)).toBe('Untitled commentary; author, outlet and date not stated. Commentary corpus, document 1 of 5.');
  });
  it('a signed but unnamed commentary keeps the signature as the document gives it', () => {
    expect(sourceLine(doc('001_f41d54b1f0163c00.txt'), lexicon.corpora, lexicon.documents)).toBe(
      '“Expanding Sino-Russian cooperation”, commentary, author not stated (signed "The writer is a political scientist and defence analyst"); outlet and date not stated. Commentary corpus, document 2 of 5.',
    );
  });
  it('an official text names speaker, kind, outlet and date', () => {
    const line = sourceLine(doc('ref-01-state-blinken-approach-to-prc-excerpt.txt'), lexicon.corpora, lexicon.documents);
    expect(line).toBe('“The Administration’s Approach to the People’s Republic of China”, speech (excerpt), by Antony J. Blinken, Secretary of State; U.S. Department of State, 2022-05-26. Official statements corpus, document 1 of 21.');
  });
  it('every shipped document gets a line that names its corpus and never says "not stated" as a name', () => {
    for (const d of lexicon.documents) {
      const line = sourceLine(d, lexicon.corpora, lexicon.documents);
      expect(line).toMatch(/(Commentary|Official statements) corpus, document \d+ of \d+\.$/);
      expect(line).not.toMatch(/by not stated|“not stated”/i);
    }
  });
});
