import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  HIGHLIGHT_STYLES,
  isActiveOn,
  parseSettings,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  siteKey,
  type Settings,
} from '../../lib/settings/settings.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/settings/', import.meta.url));
const defaults = (): Settings => ({ ...DEFAULT_SETTINGS, disabledCategories: [], disabledSites: [] });

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

  it('the v1 fixture stores every field, and a non-default choice for all but the master switch', () => {
    const v1 = JSON.parse(readFileSync(`${FIXTURES}v1.json`, 'utf8')) as Settings;
    expect(Object.keys(v1).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    for (const key of ['disabledCategories', 'disabledSites', 'badge', 'style'] as const) expect(v1[key], key).not.toEqual(DEFAULT_SETTINGS[key]);
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
