import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runBackground } from '../../lib/ext/run-background.ts';

// The Firefox build is Manifest V2: it has browserAction, not action. The background must start
// there too (it registers the message handlers the popup and the content script need).
describe('the background on a Manifest V2 browser (Firefox)', () => {
  const globals = globalThis as unknown as { chrome?: unknown };
  beforeEach(() => {
    fakeBrowser.reset();
    globals.chrome = fakeBrowser;
  });
  afterEach(() => {
    delete globals.chrome;
  });

  it('starts and paints the badge through browserAction when there is no action API', () => {
    const browserAction = { setBadgeText: vi.fn(async () => {}), setBadgeBackgroundColor: vi.fn(async () => {}) };
    const commands = { onCommand: { addListener: vi.fn() } };
    const mv2 = { ...fakeBrowser, action: undefined, browserAction, commands } as unknown as Parameters<typeof runBackground>[0];
    expect(() => runBackground(mv2, {}, { originals: [], keys: [], cues: { zh: [], ru: [] } })).not.toThrow();
    expect(browserAction.setBadgeBackgroundColor).toHaveBeenCalledWith({ color: '#3b3b98' });
  });
});
