import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import glossary from '../../lexicon/generated/glossary.json';
import type { GlossaryLexicon } from '../../lib/lexicon/schema.ts';
import { contrastRatio } from '../../lib/ui/contrast.ts';
import { OWN_CATEGORY_SLOTS } from '../../lib/user-terms/own-categories.ts';

const lexicon = glossary as GlossaryLexicon;
/** The page backgrounds a highlight must show on: white, and the popup's dark background (a typical dark page). */
const WHITE = '#ffffff';
const DARK = '#1c1c21';

describe('contrastRatio (WCAG 2)', () => {
  it('gives the known ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // The old loaded-language yellow the reader issue measured at 1.32:1 on white.
    expect(contrastRatio('#E6C300', WHITE)).toBeLessThan(1.8);
    expect(contrastRatio('#767676', WHITE)).toBeCloseTo(4.54, 1);
  });
});

describe('category colours and lines', () => {
  it.each(lexicon.categories.map((c) => [c.label, c] as const))('%s: underline and swatch at least 3:1 against white and a dark page', (_, c) => {
    expect(contrastRatio(c.colour, WHITE)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(c.colour, DARK)).toBeGreaterThanOrEqual(3);
  });
  it('no two categories share a line (style and position), so colour is never the only cue', () => {
    const lines = lexicon.categories.map((c) => `${c.underline}/${c.line}`);
    expect(new Set(lines).size).toBe(lines.length);
  });
  it.each(OWN_CATEGORY_SLOTS.map((s) => [s.id, s] as const))('a reader’s own category, %s: 3:1 on white and on a dark page, and a line no other category has', (_, slot) => {
    expect(contrastRatio(slot.colour, WHITE)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(slot.colour, DARK)).toBeGreaterThanOrEqual(3);
    const others = [...lexicon.categories, ...OWN_CATEGORY_SLOTS.filter((s) => s !== slot)].map((c) => `${c.underline}/${c.line}`);
    expect(others).not.toContain(`${slot.underline}/${slot.line}`);
  });
  it('the popup text colours are at least 4.5:1 on their backgrounds, light and dark', () => {
    const css = readFileSync(fileURLToPath(new URL('../../entrypoints/popup/style.css', import.meta.url)), 'utf8');
    const block = (dark: boolean) => {
      const at = dark ? css.indexOf('@media (prefers-color-scheme: dark)') : css.indexOf(':root');
      const text = css.slice(at, css.indexOf('}', at));
      return Object.fromEntries([...text.matchAll(/--([a-z]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
    };
    for (const dark of [false, true]) {
      const v = block(dark);
      for (const fg of ['fg', 'muted', 'accent']) {
        for (const bg of ['bg', 'panel']) expect(contrastRatio(v[fg]!, v[bg]!), `${dark ? 'dark' : 'light'} ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
