/** What begins every line the extension writes to a console, so a reader or a reviewer can tell it from the page's. */
export const WARNING_PREFIX = '[Framing Lens]';

/** Writes one warning to the console in the extension's format: `[Framing Lens] <what happened>`. */
export function warn(message: string): void {
  console.warn(`${WARNING_PREFIX} ${message}`);
}
