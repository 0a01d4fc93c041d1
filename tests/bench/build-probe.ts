import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** Bundles probe-entry.ts (lib/ engine + mark.js) into a script to evaluate in pages. */
export async function buildProbe(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./probe-entry.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
