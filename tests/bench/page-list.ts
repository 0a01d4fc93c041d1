import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

const ROOT = resolve(import.meta.dirname, '../..');

/** The non-empty lines (paragraphs) of the corpora `kinds` (folders of `lexicon/corpus`), file by file in name order. */
export function corpusLines(...kinds: string[]): string[] {
  return kinds.flatMap((kind) => {
    const folder = join(ROOT, 'lexicon/corpus', kind);
    return readdirSync(folder)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .flatMap((file) => readFileSync(join(folder, file), 'utf8').split('\n').filter((l) => l.trim()));
  });
}

/**
 * The texts of the derived page sets: the corpus articles (framed pages), and the Chinese and
 * Russian test sentences, framed and look-alike lines in turn.
 */
export function derivedTexts(): [string, string[], string][] {
  const corpus = corpusLines('commentary', 'official');
  const sentences = (file: string) => readFileSync(join(ROOT, 'tests/fixtures/precision', file), 'utf8').split('\n').map((l) => l.split('\t')[2] ?? '').filter(Boolean);
  const interleave = (a: string[], b: string[]) => a.flatMap((x, i) => (i < b.length ? [x, b[i]!] : [x]));
  return [
    ['framed pages (corpus articles)', corpus, 'en'],
    ['Chinese pages', interleave(sentences('framed-zh.tsv'), sentences('lookalikes-zh.tsv')), 'zh-CN'],
    ['Russian pages', interleave(sentences('framed-ru.tsv'), sentences('lookalikes-ru.tsv')), 'ru'],
  ];
}

