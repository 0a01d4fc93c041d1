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
  /** Term family ids the reader muted everywhere. */
  muted: string[];
  /** Term family ids the reader muted on one site, by site key (see {@link siteKey}). */
  mutedOn: Record<string, string[]>;
}

/** The version of the stored shape; bump it together with a migration and a fixture. */
export const SETTINGS_VERSION = 2;

/** Fresh default settings: a new object with its own lists every time. */
export function defaultSettings(): Settings {
  return { enabled: true, disabledCategories: [], disabledSites: [], badge: true, style: 'background', muted: [], mutedOn: {} };
}

/** The defaults, frozen, for comparisons and the storage item's fallback. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(defaultSettings());

const sortedUnique = (list: string[]) => [...new Set(list)].sort();
const termIds = z.pipe(z.array(z.string().check(z.regex(/^[a-z0-9-]{1,80}$/))).check(z.maxLength(2000)), z.transform(sortedUnique));
const siteName = /^[a-z0-9.:[\]-]{1,253}$/;
const fields: { [K in keyof Settings]: z.ZodMiniType<Settings[K]> } = {
  enabled: z.boolean(),
  disabledCategories: z.pipe(z.array(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/))).check(z.maxLength(100)), z.transform(sortedUnique)),
  disabledSites: z.pipe(z.array(z.string().check(z.regex(siteName))).check(z.maxLength(10_000)), z.transform(sortedUnique)),
  badge: z.boolean(),
  style: z.enum(HIGHLIGHT_STYLES),
  muted: termIds,
  // Sites with no muted family left are dropped, so undoing the last mute leaves no trace.
  mutedOn: z.pipe(
    z.record(z.string().check(z.regex(siteName)), termIds),
    z.transform((record) => Object.fromEntries(Object.entries(record).filter(([, ids]) => ids.length > 0).sort(([a], [b]) => (a < b ? -1 : 1)))),
  ),
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
  if (raw === null || raw === undefined) return { value: defaultSettings(), warnings };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { value: defaultSettings(), warnings: [`settings: expected an object, got ${Array.isArray(raw) ? 'an array' : typeof raw}; using defaults`] };
  }
  const record = raw as Record<string, unknown>;
  const value = defaultSettings();
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
 * shape in `tests/fixtures/settings/v<n-1>.json` (a test fails when one is missing).
 * - 2: muted term families (`muted`, `mutedOn`), none at first.
 */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: (old) => (typeof old === 'object' && old !== null && !Array.isArray(old) ? { muted: [], mutedOn: {}, ...old } : old),
};

/** The host name a site switch applies to: lower case, without a leading "www.". */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

/** The families muted on `hostname`: everywhere, and on its site. */
export function mutedOn(settings: Settings, hostname: string): ReadonlySet<string> {
  return new Set([...settings.muted, ...(settings.mutedOn[siteKey(hostname)] ?? [])]);
}

/** A sorted list of unique items with `item` in it (`on`) or out of it. */
function toggled(list: readonly string[], item: string, on: boolean): string[] {
  return on ? [...new Set([...list, item])].sort() : list.filter((x) => x !== item);
}

/** Settings with `id` muted (or unmuted) on one site, or everywhere when `site` is null. */
export function withMuted(settings: Settings, id: string, site: string | null, on: boolean): Settings {
  const toggle = (list: readonly string[]) => toggled(list, id, on);
  if (site === null) return { ...settings, muted: toggle(settings.muted) };
  const mutedOn = { ...settings.mutedOn, [site]: toggle(settings.mutedOn[site] ?? []) };
  if (mutedOn[site]!.length === 0) delete mutedOn[site];
  return { ...settings, mutedOn };
}

/** Settings with `item` added to (or removed from) a sorted list field. */
export function withListed(settings: Settings, field: 'disabledCategories' | 'disabledSites', item: string, on: boolean): Settings {
  return { ...settings, [field]: toggled(settings[field], item, on) };
}

/** True when the extension should paint anything on `hostname` at all. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(siteKey(hostname));
}

/** Every mute the reader set, one line each: everywhere first, then by site, ids in order. */
export function mutedEntries(settings: Settings): { id: string; site: string | null }[] {
  return [
    ...settings.muted.map((id) => ({ id, site: null })),
    ...Object.entries(settings.mutedOn).flatMap(([site, ids]) => ids.map((id) => ({ id, site }))),
  ];
}
