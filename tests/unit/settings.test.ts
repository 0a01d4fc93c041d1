import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  defaultSettings,
  HIGHLIGHT_STYLES,
  isActiveOn,
  mutedOn,
  parseSettings,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  siteKey,
  withListed,
  withMuted,
  type Settings,
} from '../../lib/settings/settings.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/settings/', import.meta.url));
const defaults = (): Settings => defaultSettings();

describe('parseSettings: a bad field falls back to its default with one warning naming it', () => {
  it.each<[keyof Settings, unknown]>([
    ['enabled', 'yes'],
    ['enabled', 1],
    ['enabled', null],
    ['disabledCategories', 'partnership'],
    ['disabledCategories', ['Partnership']],
    ['disabledCategories', ['ok-id', 42]],
    ['disabledCategories', ['x'.repeat(65)]],
    ['disabledCategories', Array.from({ length: 101 }, (_, i) => `c${i}`)],
    ['disabledSites', { 'example.com': true }],
    ['disabledSites', ['exa mple.com']],
    ['disabledSites', ['Example.COM']],
    ['disabledSites', ['']],
    ['badge', 'false'],
    ['badge', 0],
    ['style', 'bold'],
    ['style', ''],
    ['style', ['background']],
  ])('%s = %j', (field, garbage) => {
    // Every other field holds a non-default choice, which must survive.
    const stored = { ...defaults(), disabledSites: ['example.com'], style: 'underline', badge: false };
    const { value, warnings } = parseSettings({ ...stored, [field]: garbage });
    const expected = { ...stored, [field]: defaults()[field] };
    expect(value[field]).toEqual(expected[field]);
    expect(value).toEqual(expected);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`"${field}"`);
  });

  it('several bad fields give one warning each and keep the good ones', () => {
    const { value, warnings } = parseSettings({ enabled: 'no', badge: 'no', style: 'underline' });
    expect(value).toEqual({ ...defaults(), style: 'underline' });
    expect(warnings).toHaveLength(2);
    expect(warnings.join('\n')).toMatch(/"enabled"/);
    expect(warnings.join('\n')).toMatch(/"badge"/);
  });
});

describe('parseSettings: unknown keys and non-objects', () => {
  it('drops unknown keys with a warning naming each', () => {
    const { value, warnings } = parseSettings({ enabled: false, theme: 'dark', __proto__x: 1 });
    expect(value).toEqual({ ...defaults(), enabled: false });
    expect(value).not.toHaveProperty('theme');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('"theme"');
    expect(warnings[1]).toContain('"__proto__x"');
  });

  it.each([[null], [undefined]])('%j gives the defaults without a warning', (raw) => {
    expect(parseSettings(raw)).toEqual({ value: defaults(), warnings: [] });
  });

  it.each([['settings'], [42], [true], [[{ enabled: false }]], [() => ({})]])('%j gives the defaults with one warning', (raw) => {
    const { value, warnings } = parseSettings(raw);
    expect(value).toEqual(defaults());
    expect(warnings).toHaveLength(1);
  });

  it('an empty object gives the defaults without a warning', () => {
    expect(parseSettings({})).toEqual({ value: defaults(), warnings: [] });
  });

  it.each([[null], [undefined], [{}], ['x']])('the value for %j never shares its lists with DEFAULT_SETTINGS', (raw) => {
    const { value } = parseSettings(raw);
    expect(value.disabledCategories).not.toBe(DEFAULT_SETTINGS.disabledCategories);
    expect(value.disabledSites).not.toBe(DEFAULT_SETTINGS.disabledSites);
  });

  it('never throws, even on hostile input', () => {
    const hostile = new Proxy({}, { ownKeys: () => ['enabled'], getOwnPropertyDescriptor: () => ({ value: true, enumerable: true, configurable: true }), has: () => true, get: () => true });
    expect(() => parseSettings(hostile)).not.toThrow();
    expect(() => parseSettings(Object.create(null))).not.toThrow();
  });
});

describe('parseSettings: valid values', () => {
  it.each<Partial<Settings>>([
    { enabled: false },
    { badge: false },
    ...HIGHLIGHT_STYLES.map((style) => ({ style })),
    { disabledCategories: ['hegemony', 'partnership'] },
    { disabledSites: ['[::1]', 'example.com', 'localhost:8080'] },
    { enabled: false, disabledCategories: ['world-order'], disabledSites: ['example.org'], badge: false, style: 'underline' },
  ])('%j round-trips without warnings', (partial) => {
    const stored = { ...defaults(), ...partial };
    const { value, warnings } = parseSettings(stored);
    expect(warnings).toEqual([]);
    expect(value).toEqual(stored);
    expect(parseSettings(JSON.parse(JSON.stringify(value)))).toEqual({ value, warnings: [] });
  });

  it.each([
    ['disabledCategories', ['partnership', 'hegemony', 'partnership', 'bloc-cold-war'], ['bloc-cold-war', 'hegemony', 'partnership']],
    ['disabledSites', ['z.example', 'a.example', 'z.example'], ['a.example', 'z.example']],
  ] as const)('%s is deduplicated and sorted', (field, input, expected) => {
    const { value, warnings } = parseSettings({ [field]: input });
    expect(value[field]).toEqual(expected);
    expect(warnings).toEqual([]);
  });

  it('the defaults themselves are valid', () => {
    expect(parseSettings({ ...DEFAULT_SETTINGS })).toEqual({ value: defaults(), warnings: [] });
  });
});

describe('stored settings migrate from every released version', () => {
  const versions = Array.from({ length: SETTINGS_VERSION }, (_, i) => i + 1);

  it('there is a migration to every version after 1 and no other', () => {
    const expected = versions.filter((v) => v > 1);
    expect(Object.keys(SETTINGS_MIGRATIONS).map(Number).sort((a, b) => a - b)).toEqual(expected);
  });

  it.each(versions)('tests/fixtures/settings/v%i.json exists', (v) => {
    expect(existsSync(`${FIXTURES}v${v}.json`), `add tests/fixtures/settings/v${v}.json: a stored value of settings version ${v}`).toBe(true);
  });

  it.each(versions)('v%i migrated to the current version parses without warnings and keeps its choices', (v) => {
    const fixture = JSON.parse(readFileSync(`${FIXTURES}v${v}.json`, 'utf8')) as unknown;
    let migrated = fixture;
    for (let n = v + 1; n <= SETTINGS_VERSION; n++) migrated = SETTINGS_MIGRATIONS[n]!(migrated);
    const { value, warnings } = parseSettings(migrated);
    expect(warnings).toEqual([]);
    // The fixture is a reader's real choices: none of them may turn into a default.
    expect(value).not.toEqual(defaults());
    expect(value).toEqual(migrated);
    // Migrations are idempotent.
    let again = migrated;
    for (let n = v + 1; n <= SETTINGS_VERSION; n++) again = SETTINGS_MIGRATIONS[n]!(again);
    expect(again).toEqual(migrated);
  });

  it('the fixture of the current version stores every field, and a non-default choice for all but the master switch', () => {
    const current = JSON.parse(readFileSync(`${FIXTURES}v${SETTINGS_VERSION}.json`, 'utf8')) as Settings;
    expect(Object.keys(current).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) if (key !== 'enabled') expect(current[key], key).not.toEqual(DEFAULT_SETTINGS[key]);
  });

  it('v1 → v2 adds empty mute lists and keeps every choice', () => {
    const v1 = JSON.parse(readFileSync(`${FIXTURES}v1.json`, 'utf8')) as Record<string, unknown>;
    expect(SETTINGS_MIGRATIONS[2]!(v1)).toEqual({ ...v1, muted: [], mutedOn: {} });
    expect(SETTINGS_MIGRATIONS[2]!(null)).toBeNull();
  });
});

describe('muting', () => {
  const base = (): Settings => ({ ...defaults(), muted: ['zero-sum'], mutedOn: { 'bloomberg.com': ['balance-of-power'] } });

  it('mutedOn gives the families muted everywhere and on the page\'s site (its www. form too)', () => {
    expect([...mutedOn(base(), 'www.bloomberg.com')].sort()).toEqual(['balance-of-power', 'zero-sum']);
    expect([...mutedOn(base(), 'example.org')]).toEqual(['zero-sum']);
  });

  it.each<[string, string | null, boolean, Partial<Settings>]>([
    ['mutes a family on one site', 'example.org', true, { mutedOn: { 'bloomberg.com': ['balance-of-power'], 'example.org': ['red-lines'] } }],
    ['mutes a family everywhere', null, true, { muted: ['red-lines', 'zero-sum'] }],
  ])('%s', (_rule, site, on, patch) => {
    expect(withMuted(base(), 'red-lines', site, on)).toEqual({ ...base(), ...patch });
  });

  it('undoing the last mute of a site leaves no trace of the site', () => {
    expect(withMuted(base(), 'balance-of-power', 'bloomberg.com', false).mutedOn).toEqual({});
    expect(withMuted(base(), 'zero-sum', null, false).muted).toEqual([]);
  });

  it('a category or site switched off joins its sorted list once; switched on, it leaves it; the input is not changed', () => {
    const start = { ...defaults(), disabledSites: ['nytimes.com', 'bbc.co.uk'].sort() };
    const off = withListed(start, 'disabledSites', 'globaltimes.cn', true);
    expect(off.disabledSites).toEqual(['bbc.co.uk', 'globaltimes.cn', 'nytimes.com']);
    expect(withListed(off, 'disabledSites', 'globaltimes.cn', true)).toEqual(off);
    expect(withListed(off, 'disabledSites', 'bbc.co.uk', false).disabledSites).toEqual(['globaltimes.cn', 'nytimes.com']);
    expect(withListed(start, 'disabledCategories', 'hegemony', true).disabledCategories).toEqual(['hegemony']);
    expect(start.disabledSites).toEqual(['bbc.co.uk', 'nytimes.com']);
  });

  it('muting twice is muting once; lists stay sorted', () => {
    const twice = withMuted(withMuted(base(), 'win-win', null, true), 'win-win', null, true);
    expect(twice.muted).toEqual(['win-win', 'zero-sum']);
  });

  it('bad mute entries are repaired field by field with a warning', () => {
    const { value, warnings } = parseSettings({ ...defaults(), muted: ['ok-id', '<script>'], mutedOn: { 'example.com': ['zero-sum'] } });
    expect(value.muted).toEqual([]);
    expect(value.mutedOn).toEqual({ 'example.com': ['zero-sum'] });
    expect(warnings).toEqual([expect.stringContaining('field "muted"')]);
    expect(parseSettings({ ...defaults(), mutedOn: { 'Not A Host!': ['x'] } }).warnings).toEqual([expect.stringContaining('field "mutedOn"')]);
  });
});

describe('siteKey', () => {
  it.each([
    ['example.com', 'example.com'],
    ['EXAMPLE.com', 'example.com'],
    ['www.example.com', 'example.com'],
    ['WWW.Example.COM', 'example.com'],
    ['news.example.com', 'news.example.com'],
    ['www2.example.com', 'www2.example.com'],
    ['wwwexample.com', 'wwwexample.com'],
    ['example.www.com', 'example.www.com'],
    ['localhost', 'localhost'],
  ])('%s → %s', (host, key) => {
    expect(siteKey(host)).toBe(key);
  });
});

describe('isActiveOn', () => {
  const off = (patch: Partial<Settings>): Settings => ({ ...defaults(), ...patch });
  it.each<[string, Partial<Settings>, string, boolean]>([
    ['on by default', {}, 'example.com', true],
    ['off everywhere with the master switch', { enabled: false }, 'example.com', false],
    ['off on a disabled site', { disabledSites: ['example.com'] }, 'example.com', false],
    ['off on its www. form', { disabledSites: ['example.com'] }, 'www.example.com', false],
    ['off whatever the case of the host', { disabledSites: ['example.com'] }, 'Example.COM', false],
    ['on on other sites', { disabledSites: ['example.com'] }, 'example.org', true],
    ['on on a subdomain of a disabled site (switches are per host)', { disabledSites: ['example.com'] }, 'news.example.com', true],
    ['on for a host that only ends like a disabled one', { disabledSites: ['example.com'] }, 'myexample.com', true],
    ['master switch wins over the site list', { enabled: false, disabledSites: [] }, 'example.org', false],
  ])('%s', (_rule, patch, host, active) => {
    expect(isActiveOn(off(patch), host)).toBe(active);
  });
});

describe('mutedEntries: the muted list of the settings', () => {
  it('lists mutes everywhere first, then per site, and is empty for defaults', async () => {
    const { defaultSettings, mutedEntries, withMuted } = await import('../../lib/settings/settings.ts');
    expect(mutedEntries(defaultSettings())).toEqual([]);
    let s = withMuted(defaultSettings(), 'strategic-partnership', 'news.example.com', true);
    s = withMuted(s, 'rules-based-order', null, true);
    s = withMuted(s, 'core-interests', 'news.example.com', true);
    expect(mutedEntries(s)).toEqual([
      { id: 'rules-based-order', site: null },
      { id: 'core-interests', site: 'news.example.com' },
      { id: 'strategic-partnership', site: 'news.example.com' },
    ]);
  });
});
