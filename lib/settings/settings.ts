import * as z from 'zod/mini';

/** Highlight styles the reader can choose. */
export const HIGHLIGHT_STYLES = ['background', 'underline'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

/**
 * The reader's settings, stored as one versioned item. What is *off* is stored (disabled
 * categories and sites), so a category added in a later lexicon starts on.
 */
export interface Settings {
  /** Master switch. */
  enabled: boolean;
  /** Category ids the reader turned off. */
  disabledCategories: string[];
  /** Host names where the extension does nothing. */
  disabledSites: string[];
  /** Show the number of terms on the toolbar button. */
  badge: boolean;
  style: HighlightStyle;
}

/** The version of the stored shape; bump it together with a migration and a fixture. */
export const SETTINGS_VERSION = 1;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  disabledCategories: [],
  disabledSites: [],
  badge: true,
  style: 'background',
});

const sortedUnique = (list: string[]) => [...new Set(list)].sort();
const fields: { [K in keyof Settings]: z.ZodMiniType<Settings[K]> } = {
  enabled: z.boolean(),
  disabledCategories: z.pipe(z.array(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/))).check(z.maxLength(100)), z.transform(sortedUnique)),
  disabledSites: z.pipe(z.array(z.string().check(z.regex(/^[a-z0-9.:[\]-]{1,253}$/))).check(z.maxLength(10_000)), z.transform(sortedUnique)),
  badge: z.boolean(),
  style: z.enum(HIGHLIGHT_STYLES),
};

/** The result of {@link parseSettings}: always usable settings, and what had to be repaired. */
export interface ParsedSettings {
  value: Settings;
  warnings: string[];
}

/**
 * Validates stored settings field by field: a bad field falls back to its default and adds a
 * warning; unknown keys are dropped with a warning; a value that is not an object yields the
 * defaults. Never throws.
 */
export function parseSettings(raw: unknown): ParsedSettings {
  const warnings: string[] = [];
  if (raw === null || raw === undefined) return { value: { ...DEFAULT_SETTINGS, disabledCategories: [], disabledSites: [] }, warnings };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { value: { ...DEFAULT_SETTINGS, disabledCategories: [], disabledSites: [] }, warnings: [`settings: expected an object, got ${Array.isArray(raw) ? 'an array' : typeof raw}; using defaults`] };
  }
  const record = raw as Record<string, unknown>;
  const value = { ...DEFAULT_SETTINGS, disabledCategories: [], disabledSites: [] } as Settings;
  for (const key of Object.keys(fields) as (keyof Settings)[]) {
    if (!(key in record)) continue;
    const result = fields[key].safeParse(record[key]);
    if (result.success) (value as unknown as Record<string, unknown>)[key] = result.data;
    else warnings.push(`settings: field "${key}" is invalid (${result.error.issues[0]?.message ?? 'bad value'}); using the default`);
  }
  for (const key of Object.keys(record)) {
    if (!(key in fields)) warnings.push(`settings: unknown field "${key}" dropped`);
  }
  return { value, warnings };
}

/**
 * Migrations to each stored version from the one before: `SETTINGS_MIGRATIONS[n]` turns a version
 * n-1 value into version n. Each must be pure and idempotent, and come with a fixture of the old
 * shape in `tests/fixtures/settings/v<n-1>.json` (a test fails when one is missing). Version 1 is
 * the first released shape, so there are none yet.
 */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {};

/** The host name a site switch applies to: lower case, without a leading "www.". */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

/** True when the extension should paint anything on `hostname` at all. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(siteKey(hostname));
}
