import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The saved pages of a directory (default ../shared/pages), sorted, or a clear error. */
export function pageList(arg: string | undefined): { dir: string; pages: { name: string; bytes: number }[] } {
  const dir = resolve(arg ?? resolve(import.meta.dirname, '../../../shared/pages'));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    process.stderr.write(`framing-lens: ${dir}: no such directory of saved pages\n`);
    process.exit(2);
  }
  const pages = readdirSync(dir)
    .filter((f) => /\.x?html?$/i.test(f))
    .sort()
    .map((name) => ({ name, bytes: statSync(join(dir, name)).size }));
  if (pages.length === 0) {
    process.stderr.write(`framing-lens: ${dir}: no .html pages\n`);
    process.exit(2);
  }
  return { dir, pages };
}

/** The value at quantile q of a sorted copy of `values`. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}
