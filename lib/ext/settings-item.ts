import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, defaultSettings, parseSettings, SETTINGS_MIGRATIONS, SETTINGS_VERSION, type Settings } from '../settings/settings.ts';
import { warn } from './warn.ts';

/** The one stored settings item, versioned, with migrations. Read it through {@link loadSettings}. */
export const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

function repaired(raw: unknown): Settings {
  const { value, warnings } = parseSettings(raw);
  for (const warning of warnings) warn(warning);
  return value;
}

/** The stored settings, repaired field by field (each repair logs a console warning). */
export async function loadSettings(): Promise<Settings> {
  try {
    return repaired(await settingsItem.getValue());
  } catch (error) {
    warn(`settings: cannot read stored settings (${(error as Error).message}); using defaults`);
    return defaultSettings();
  }
}

/** Calls `listener` with repaired settings whenever they change; returns the unwatch function. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((raw) => listener(repaired(raw)));
}

/** Applies `change` to the current settings and stores the result. */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings());
  await settingsItem.setValue(next);
  return next;
}
