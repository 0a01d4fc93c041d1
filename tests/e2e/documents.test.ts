import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../helpers/launch-extension.ts';

// Learning from the reader's own documents (issue 14) in real Chromium: a pasted article and a
// saved HTML page are learned in the options page with the build's learner; their sentences
// appear under "In your documents" in a term's explanation, apart from the corpora; a candidate
// becomes an own term; bad input is refused with a reason; a deleted document takes its examples.
const ARTIFACTS = resolve(import.meta.dirname, '../.artifacts');
const DOCUMENTS = resolve(import.meta.dirname, '../fixtures/documents');

const PASTED = `Canberra weighs its words on the Pacific
Critics in Canberra called the new policy a zero-sum game that leaves the small island states with no room to manoeuvre, and the minister rejected the charge in a long speech to parliament on Monday.
The opposition spokesperson said the government had drifted into a Cold War mentality, while officials insisted that the treaty with Honiara was about fisheries, policing and disaster relief.
Island leaders asked for patience. Their communiqué called for a region of peace and cooperation and warned against turning the Pacific into a theatre of great-power competition.`;

describe('learning from your documents in real Chromium', () => {
  let browser: ExtensionBrowser;
  let options: Page;
  const errors = () => options.$$eval('[data-testid="document-errors"] li', (els) => els.map((e) => e.textContent ?? ''));
  const titles = () => options.$$eval('[data-testid="documents"] .own-document > strong', (els) => els.map((e) => e.textContent ?? ''));
  const explanation = async (id: string) => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/explain.html#term=${id}`);
    await page.waitForSelector('.example');
    return page;
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchExtension();
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('#own-documents-title');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('learns from a pasted article: its terms with their sentences and voices, its candidates', async () => {
    await options.getByLabel('Title (optional)').fill('Canberra weighs its words');
    await options.getByLabel('Article text').fill(PASTED);
    await options.getByRole('button', { name: 'Learn from this text' }).click();
    await expect.poll(() => options.textContent('[data-testid="document-notices"]'), { timeout: 20_000 }).toContain('Learned from “Canberra weighs its words”');
    expect(await titles()).toEqual(['Canberra weighs its words']);
    await options.click('[data-testid="documents"] summary:has-text("Examples")');
    const examples = await options.$$eval('[data-testid="documents"] .examples li', (els) => els.map((e) => e.textContent ?? ''));
    expect(examples.some((e) => e.startsWith('Zero-sum') && e.includes('Critics in Canberra called the new policy a zero-sum game'))).toBe(true);
    expect(examples.some((e) => e.startsWith('Cold War mentality') && e.includes('attributed to someone'))).toBe(true);
  });

  it('learns from a saved HTML page (scripts not run, menus left out), and refuses what it cannot read', async () => {
    const binary = join(tmpdir(), 'scan.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    const sheet = join(tmpdir(), 'grades.xlsx');
    writeFileSync(sheet, 'not really a spreadsheet');
    await options.setInputFiles('[data-testid="document-files"]', [join(DOCUMENTS, 'seminar-reading.html'), binary, sheet]);
    await expect.poll(() => options.textContent('[data-testid="document-notices"]'), { timeout: 20_000 }).toContain('Learned from “Europe and the new vocabulary of rivalry”');
    expect(await errors()).toEqual(['“scan.txt” is not text: add a .txt or .html file, or paste the article.', '“grades.xlsx” is not a .txt or .html file.']);
    expect(await titles()).toEqual(['Canberra weighs its words', 'Europe and the new vocabulary of rivalry']);
    expect(await options.evaluate(() => (window as unknown as { fromTheFile?: boolean }).fromTheFile)).toBeUndefined();
    // A 2 MB paste is refused before anything is learned.
    await options.getByLabel('Article text').evaluate((el, text) => {
      (el as HTMLTextAreaElement).value = text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, 'The same paragraph about trade and shipping, pasted again. '.repeat(35_000));
    await options.getByRole('button', { name: 'Learn from this text' }).click();
    await expect.poll(errors).toEqual([expect.stringContaining('The pasted text is 2,065 kB of text; Framing Lens learns from at most 300 kB')]);
    expect(await titles()).toHaveLength(2);
    await options.getByLabel('Article text').fill('');
  });

  it('a term’s explanation shows the documents’ sentences under “In your documents”, apart from the corpora', async () => {
    const page = await explanation('zero-sum');
    await page.waitForSelector('[data-testid="your-documents"]');
    const section = (await page.textContent('[data-testid="your-documents"]'))!;
    expect(section).toContain('In your documents (2)');
    expect(section).toContain('not part of Framing Lens’s corpora');
    expect(section).toContain('Critics in Canberra called the new policy a zero-sum game');
    expect(section).toContain('“We reject the zero-sum game,” the spokesperson told reporters');
    expect(section).toContain('Europe and the new vocabulary of rivalry');
    // The corpora's own examples are in their own section, before it.
    const order = await page.$$eval('main h3', (hs) => hs.map((h) => h.textContent ?? ''));
    expect(order.indexOf('In the corpora')).toBeLessThan(order.findIndex((h) => h.startsWith('In your documents')));
    await page.screenshot({ path: `${ARTIFACTS}/explain-your-documents.png`, fullPage: true });
    await page.close();
  });

  it('a candidate is adopted as an own term', async () => {
    const doc = options.locator('[data-testid="documents"] > li').nth(1);
    await doc.locator('summary:has-text("Candidates")').click();
    await doc.getByRole('button', { name: 'Adopt “technology sovereignty” as your term' }).click();
    // The form takes the phrase in an effect after the click's render: poll, as a reader would see it appear.
    await expect.poll(() => options.getByLabel('Phrases, one per line').inputValue()).toBe('technology sovereignty');
    await options.getByLabel('Category').selectOption({ label: 'Sovereignty and territory' });
    await options.getByLabel('Gloss: what the phrase frames, in one line').fill('Presents control over technology as a matter of a state’s sovereignty.');
    await options.getByRole('button', { name: 'Add term' }).click();
    await expect.poll(() => options.$$eval('[data-testid="own-terms"] strong', (els) => els.map((e) => e.textContent))).toEqual(['technology sovereignty']);
    await options.setViewportSize({ width: 900, height: 1400 });
    await doc.locator('summary:has-text("Examples")').click();
    // The sticky masthead would cover the section's top in an element screenshot.
    await options.evaluate(() => document.querySelector<HTMLElement>('.masthead')?.style.setProperty('position', 'static'));
    await options.locator('.own-documents').screenshot({ path: `${ARTIFACTS}/options-documents.png` });
  });

  it('a deleted document takes its examples with it', async () => {
    await options.getByRole('button', { name: 'Delete “Canberra weighs its words”' }).click();
    await expect.poll(titles).toEqual(['Europe and the new vocabulary of rivalry']);
    const page = await explanation('zero-sum');
    await page.waitForSelector('[data-testid="your-documents"]');
    expect(await page.textContent('[data-testid="your-documents"]')).toContain('In your documents (1)');
    expect(await page.textContent('[data-testid="your-documents"]')).not.toContain('Canberra');
    await page.close();
  });
});
