/** A command as `commands.getAll()` reports it. */
export interface CommandInfo {
  name?: string;
  description?: string;
  /** The bound keys ("Alt+Shift+J"), or empty/absent when the reader or the browser left it unbound. */
  shortcut?: string;
}

/** A shortcut line for the settings: what it does and its keys, or null when unbound. */
export interface ShortcutLine {
  name: string;
  description: string;
  keys: string[] | null;
}

/** The extension's commands, in the browser's order, with their keys split for <kbd>. */
export function shortcutLines(commands: readonly CommandInfo[]): ShortcutLine[] {
  return commands
    .filter((c): c is CommandInfo & { name: string } => typeof c.name === 'string')
    .map((c) => ({
      name: c.name,
      // Chrome reports the toolbar button's command without its description.
      description: c.description || (c.name.startsWith('_execute') ? 'Open Framing Lens for this page' : c.name),
      keys: c.shortcut ? c.shortcut.split(/\+(?=.)/).map((k) => k.trim()).filter(Boolean) : null,
    }));
}

/** Where a reader changes the shortcuts, in words for this browser. */
export function whereToChange(browser: 'chrome' | 'firefox'): string {
  return browser === 'firefox'
    ? 'In Firefox: open about:addons, click the gear menu, then Manage Extension Shortcuts.'
    : 'In Chrome: open chrome://extensions/shortcuts and click the pencil next to a shortcut.';
}
