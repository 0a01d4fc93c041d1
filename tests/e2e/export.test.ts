import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionOnPage, type ExtensionOnPage } from '../helpers/extension-on-page.ts';
import type { ExtensionBrowser } from '../helpers/launch-extension.ts';

// A teacher exports the page's report from the popup: a Markdown handout, a CSV and JSON, saved as
// files (no permission) or copied. popup-article.html: 7 framing terms.
const PAGES = resolve(import.meta.dirname, '../fixtures/pages');

describe('export of the page report from the popup, in real Chromium', () => {
  let setup: ExtensionOnPage;
  let browser: ExtensionBrowser;
  let server: ExtensionOnPage['server'];
  let article: Page;
  beforeAll(async () => {
    setup = await extensionOnPage(PAGES, 'popup-article.html', 7);
    ({ browser, server, article } = setup);
  });
  afterAll(async () => {
    await setup?.close();
  });

  /** Clicks an export button and returns the saved file's name and text. */
  async function save(popup: Page, button: string): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: button, exact: true }).click()]);
    return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
  }

  it('saves a Markdown handout, a CSV and a JSON file named after the page', async () => {
    const popup = await browser.openPopup(article);
    await popup.waitForSelector('[data-testid="summary"]');
    const md = await save(popup, 'Markdown');
    expect(md.name).toMatch(/^framing-lens-summit-report-\d{4}-\d{2}-\d{2}\.md$/);
    expect(md.text.startsWith('# Framing Lens report: Summit report\n')).toBe(true);
    expect(md.text).toContain(`Page: <${server.url}/popup-article.html>`);
    for (const label of ['Multipolar world', 'Cold War mentality', 'Hegemony', 'Core interests', 'Mutual respect', 'Collective West']) expect(md.text).toContain(`- **${label}**`);
    expect(md.text).toContain('## The terms explained');
    await expect.poll(() => popup.textContent('[data-testid="export-status"]')).toBe(`Saved ${md.name}`);

    const csv = await save(popup, 'CSV');
    expect(csv.name.endsWith('.csv')).toBe(true);
    const rows = csv.text.trim().split('\r\n');
    expect(rows).toHaveLength(8);
    expect(rows.slice(1).map((r) => r.split(',')[1])).toEqual(['multipolar-world', 'multipolar-world', 'cold-war-mentality', 'hegemony', 'mutual-respect', 'collective-west', 'core-interests']);

    const json = await save(popup, 'JSON');
    const data = JSON.parse(json.text);
    expect(data).toMatchObject({ format: 'framing-lens-report', version: 1, page: { title: 'Summit report', url: `${server.url}/popup-article.html` }, summary: { total: 7 } });
    expect(data.occurrences).toHaveLength(7);
    expect(data.occurrences.every((o: { voice: string }) => ['author', 'quotation', 'attributed', 'distancing'].includes(o.voice))).toBe(true);
    await popup.close();
  });

  it('copies the Markdown handout to the clipboard', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const popup = await browser.openPopup(article);
    await popup.waitForSelector('[data-testid="summary"]');
    await popup.getByRole('button', { name: 'Copy Markdown' }).click();
    await expect.poll(() => popup.textContent('[data-testid="export-status"]')).toBe('The Markdown handout is on the clipboard.');
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toMatch(/^# Framing Lens report: Summit report\n/);
    await popup.close();
  });
});
