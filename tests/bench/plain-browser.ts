import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../helpers/find-chromium.ts';

/**
 * A headless Chromium without the extension, in a throwaway profile, that may only reach `origin`
 * (every other request is aborted). `close()` also deletes the profile.
 */
export async function launchPlainBrowser(origin: string, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: install Debian `chromium` or set CHROME_PATH');
  const profile = mkdtempSync(join(tmpdir(), 'framing-lens-plain-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, viewport, args: CHROMIUM_ARGS });
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
