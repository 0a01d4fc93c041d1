import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, hover, readAllHighlights, waitForCount } from '../helpers/e2e-tools.ts';
import { startFixtureServer } from '../helpers/fixture-server.ts';
import { launchExtension, type ExtensionBrowser } from '../helpers/launch-extension.ts';

// The originals issue in real Chromium: a Chinese press-conference page and a Russian wire story.
// Their terms are painted (on characters; in declined forms), words that merely hold the
// characters stay dark, the card gives the original with its romanisation, and the popup counts
// and explains them like English terms.
const ARTIFACTS = resolve(import.meta.dirname, '../.artifacts');
const PAGES = resolve(import.meta.dirname, '../fixtures/pages');

/** The painted texts of a page, sorted (the highlight registry keeps them by category; the active mark left out). */
const painted = async (page: Page) => (await readAllHighlights(page)).filter((h) => h.name !== 'framing-lens-active').map((h) => h.text).sort();

describe('the originals on Chinese and Russian pages in real Chromium', () => {
  let browser: ExtensionBrowser;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let zh: Page;
  let ru: Page;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startFixtureServer(PAGES);
    browser = await launchExtension();
    zh = await browser.context.newPage();
    await zh.goto(`${server.url}/originals-zh.html`);
    ru = await browser.context.newPage();
    await ru.goto(`${server.url}/originals-ru.html`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a Chinese article: terms painted on characters, simplified and traditional; 台独 in 本台独家 and 舞台独白, 霸凌 in 校园霸凌 stay dark', async () => {
    await zh.bringToFront();
    await waitForCount(zh, 9);
    expect(await painted(zh)).toEqual(['固守冷战思维', '零和博弈', '所谓', '中国威胁论', '干涉中国内政', '印太战略', '合作共赢', '集团对抗', '以臺制華'].sort());
    await zh.screenshot({ path: `${ARTIFACTS}/originals-zh.png`, fullPage: true });
  });

  it('its card gives the family, the original with its pinyin, and why it fired', async () => {
    await zh.bringToFront();
    await hover(zh, '零和博弈');
    await expect.poll(() => cardText(zh)).toContain('Zero-sum');
    const text = await cardText(zh);
    expect(text).toContain('零和博弈 línghé bóyì');
    expect(text).toContain('Matches “零和博弈”, the Chinese original (línghé bóyì); international context: “美方” in the same sentence.');
    await zh.screenshot({ path: `${ARTIFACTS}/originals-zh-card.png` });
    await zh.mouse.move(1, 1);
  });

  it('the popup counts them like English terms and the term view shows the original and the occurrence', async () => {
    const popup = await browser.openPopup(zh);
    await expect.poll(() => popup.textContent('[data-testid="summary"]')).toMatch(/9\s+framing terms/);
    await popup.getByRole('button', { name: /^Containment/ }).click();
    await popup.waitForSelector('#term-title');
    expect(await popup.textContent('[data-testid="originals"]')).toContain('以台制华');
    expect(await popup.textContent('#on-page')).toBe('On this page (1)');
    expect(await popup.locator('section[aria-labelledby="on-page"]').textContent()).toContain('以臺制華');
    await popup.screenshot({ path: `${ARTIFACTS}/originals-zh-term.png`, fullPage: true });
    await popup.close();
  });

  it('a Russian wire story: declined forms painted, ё and е alike; a chess «баланс сил» and «так называемый эффект плацебо» stay dark', async () => {
    await ru.bringToFront();
    await waitForCount(ru, 8);
    expect(await painted(ru)).toEqual([
      'коллективный Запад',
      'коллективным Западом',
      'специальной военной операции',
      'расширение блока НАТО на восток',
      'многополярного миропорядка',
      'равной и неделимой безопасности',
      'стратегическое партнёрство',
      'всеобъемлющее стратегическое партнерство',
    ].sort());
    await ru.screenshot({ path: `${ARTIFACTS}/originals-ru.png`, fullPage: true });
  });

  it('its card names the Russian original in the form the lexicon writes, romanised', async () => {
    await ru.bringToFront();
    await hover(ru, 'специальной военной операции');
    await expect.poll(() => cardText(ru)).toContain('Special military operation');
    expect(await cardText(ru)).toContain("Matches “специальная военная операция”, the Russian original (spetsial'naya voyennaya operatsiya), framing wherever it appears.");
    await ru.mouse.move(1, 1);
  });

  it('the Russian term view lists the declined occurrence under the family', async () => {
    const popup = await browser.openPopup(ru);
    await expect.poll(() => popup.textContent('[data-testid="summary"]')).toMatch(/8\s+framing terms/);
    await popup.getByRole('button', { name: /^Multipolar world/ }).click();
    await popup.waitForSelector('#term-title');
    expect(await popup.textContent('[data-testid="originals"]')).toContain('многополярный миропорядок');
    expect(await popup.locator('section[aria-labelledby="on-page"]').textContent()).toContain('многополярного миропорядка');
    await popup.screenshot({ path: `${ARTIFACTS}/originals-ru-term.png`, fullPage: true });
    await popup.close();
  });
  it('mute and the category switches work on originals as on English terms', async () => {
    await ru.bringToFront();
    // Mute from the term view, everywhere: both forms of the family go, then come back with Undo.
    const popup = await browser.openPopup(ru);
    await popup.getByRole('button', { name: /^Collective West/ }).click();
    await popup.getByRole('button', { name: 'Mute everywhere' }).click();
    await waitForCount(ru, 6);
    expect((await painted(ru)).filter((t) => t.includes('Запад'))).toEqual([]);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await waitForCount(ru, 8);
    // A category switched off in Settings leaves the open tab at once: the two partnership forms.
    await popup.getByRole('button', { name: '← Back' }).click();
    await popup.getByRole('tab', { name: 'Settings' }).click();
    const box = popup.locator('input[data-category="partnership"]');
    await box.uncheck();
    await waitForCount(ru, 6);
    await box.check();
    await waitForCount(ru, 8);
    await popup.close();
  });
  it('an English page quoting Chinese asks for the originals when it meets the Chinese, and reads the page again with them', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/originals-mixed.html`);
    // "Cold War mentality" in English; 冷战思维, 零和博弈 and 干涉中国内政 in the quotation; the
    // Japanese headline (新時代 with kana) stays dark.
    await waitForCount(page, 4);
    expect(await painted(page)).toEqual(['Cold War mentality', '冷战思维', '零和博弈', '干涉中国内政'].sort());
    await page.close();
  });
});
