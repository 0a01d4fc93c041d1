import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, settingsItem, updateSettings, watchSettings } from '../../lib/ext/settings-item.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings.ts';

/** @wxt-dev/storage keeps 'local:settings' under the key 'settings' of browser.storage.local. */
const KEY = 'settings';

const stored = async (): Promise<unknown> => (await fakeBrowser.storage.local.get(KEY))[KEY];
const tick = () => new Promise((r) => setTimeout(r, 0));

let warn: ReturnType<typeof vi.spyOn>;
const warnings = (): string[] => warn.mock.calls.map((c: unknown[]) => String(c[0]));

beforeEach(() => {
  fakeBrowser.reset();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  warn.mockRestore();
});

describe('loadSettings', () => {
  it('returns the defaults when nothing is stored, silently', async () => {
    expect(await stored()).toBeUndefined();
    const s = await loadSettings();
    expect(s).toEqual(DEFAULT_SETTINGS);
    expect(warn).not.toHaveBeenCalled();
  });

  it('the storage key is "settings" in browser.storage.local', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, badge: false });
    expect(await stored()).toMatchObject({ badge: false });
  });

  it('returns a fresh object each time: changing it does not change the defaults', async () => {
    const a = await loadSettings();
    a.disabledSites.push('example.com');
    a.enabled = false;
    const b = await loadSettings();
    expect(b).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]);
  });

  for (const garbage of ['garbage', 42, true, ['enabled']]) {
    it(`garbage stored (${JSON.stringify(garbage)}) yields the defaults and a console warning about settings`, async () => {
      await fakeBrowser.storage.local.set({ [KEY]: garbage });
      const s = await loadSettings();
      expect(s).toEqual(DEFAULT_SETTINGS);
      expect(warn).toHaveBeenCalled();
      expect(warnings().some((w) => w.includes('settings'))).toBe(true);
      expect(warnings().every((w) => w.startsWith('[Framing Lens]'))).toBe(true);
    });
  }

  it('a stored value with one bad field keeps the other fields', async () => {
    await fakeBrowser.storage.local.set({ [KEY]: { enabled: false, badge: false, style: 'neon', disabledSites: ['example.com'], disabledCategories: ['hegemony'], muted: ['zero-sum'], mutedOn: {} } });
    const s = await loadSettings();
    expect(s).toEqual({ enabled: false, badge: false, style: 'background', disabledSites: ['example.com'], disabledCategories: ['hegemony'], muted: ['zero-sum'], mutedOn: {} });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warnings()[0]).toContain('settings');
    expect(warnings()[0]).toContain('style');
  });

  it('repairs lists (sorted, unique) and drops unknown fields with a warning', async () => {
    await fakeBrowser.storage.local.set({ [KEY]: { disabledSites: ['b.org', 'a.com', 'b.org'], disabledCategories: ['Not Valid!'], extra: 1 } });
    const s = await loadSettings();
    expect(s.disabledSites).toEqual(['a.com', 'b.org']);
    expect(s.disabledCategories).toEqual([]);
    expect(s.enabled).toBe(true);
    expect(warnings().some((w) => w.includes('disabledCategories'))).toBe(true);
    expect(warnings().some((w) => w.includes('"extra"'))).toBe(true);
  });

  it('falls back to the defaults with a warning when storage cannot be read', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('storage is broken'));
    const s = await loadSettings();
    expect(s).toEqual(DEFAULT_SETTINGS);
    expect(warnings().some((w) => w.includes('settings') && w.includes('storage is broken'))).toBe(true);
    vi.mocked(fakeBrowser.storage.local.get).mockRestore();
  });
});

describe('updateSettings', () => {
  it('persists the change and returns it', async () => {
    const next = await updateSettings((s) => ({ ...s, enabled: false, disabledSites: [...s.disabledSites, 'example.com'] }));
    expect(next).toEqual({ ...DEFAULT_SETTINGS, enabled: false, disabledSites: ['example.com'] });
    expect(await stored()).toEqual(next);
    expect(await loadSettings()).toEqual(next);
  });

  it('applies changes on top of what is stored (repaired)', async () => {
    await fakeBrowser.storage.local.set({ [KEY]: { enabled: false, style: 42 } });
    const next = await updateSettings((s) => ({ ...s, badge: false }));
    expect(next).toEqual({ ...DEFAULT_SETTINGS, enabled: false, badge: false });
    expect(await stored()).toEqual(next);
  });

  it('two updates in a row both land', async () => {
    await updateSettings((s) => ({ ...s, style: 'underline' }));
    await updateSettings((s) => ({ ...s, disabledCategories: ['hegemony'] }));
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, style: 'underline', disabledCategories: ['hegemony'] });
  });
});

describe('watchSettings', () => {
  it('calls the listener with repaired values when the stored settings change', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    await fakeBrowser.storage.local.set({ [KEY]: { enabled: 'yes', badge: false, style: 'underline' } });
    await tick();
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, badge: false, style: 'underline' }]);
    expect(warnings().some((w) => w.includes('enabled'))).toBe(true);

    await updateSettings((s) => ({ ...s, enabled: false }));
    await tick();
    expect(seen.at(-1)).toEqual({ ...DEFAULT_SETTINGS, badge: false, style: 'underline', enabled: false });

    unwatch();
    const count = seen.length;
    await fakeBrowser.storage.local.set({ [KEY]: { enabled: true } });
    await tick();
    expect(seen.length).toBe(count);
  });

  it('a removed item reads as the defaults', async () => {
    await fakeBrowser.storage.local.set({ [KEY]: { enabled: false } });
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    await fakeBrowser.storage.local.remove(KEY);
    await tick();
    expect(seen.at(-1)).toEqual(DEFAULT_SETTINGS);
    unwatch();
  });

  it('garbage written by someone else reaches the listener as the defaults', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    await fakeBrowser.storage.local.set({ [KEY]: 'garbage' });
    await tick();
    expect(seen).toEqual([DEFAULT_SETTINGS]);
    expect(warnings().some((w) => w.includes('settings'))).toBe(true);
    unwatch();
  });
});
