import type { Page } from 'playwright-core';
import { waitForCount } from './e2e-tools.ts';
import { startFixtureServer } from './fixture-server.ts';
import { launchExtension, type ExtensionBrowser } from './launch-extension.ts';

/** Chromium with the built extension, a fixture server, and one fixture page open and painted. */
export interface ExtensionOnPage {
  browser: ExtensionBrowser;
  server: Awaited<ReturnType<typeof startFixtureServer>>;
  /** The fixture page, with its `count` highlights painted. */
  article: Page;
  close(): Promise<void>;
}

/** Serves `dir`, launches the extension and opens `file` from it, waiting for its `count` highlights. */
export async function extensionOnPage(dir: string, file: string, count: number): Promise<ExtensionOnPage> {
  const server = await startFixtureServer(dir);
  const browser = await launchExtension();
  const article = await browser.context.newPage();
  await article.goto(`${server.url}/${file}`);
  await waitForCount(article, count);
  return {
    browser,
    server,
    article,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
