import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { learnLexicon } from '../lexicon/learn/learn-lexicon.ts';
import { LexiconError } from '../lexicon/schema.ts';
import { LEXICON_DIR, loadCompiled, loadFinder, loadFull, loadWritten } from './load-generated.ts';
import { exportFileName, toCsv, toJson, toMarkdown } from '../report/export.ts';
import { reportInput } from './report-file.ts';
import { scanText, type ScanHit } from './scan-file.ts';

const USAGE = `usage: framing-lens <command> [options]

  scan [--json] [--explain] FILE...
                           find framing terms in .txt or .html files (--explain: say why each fired)
  report [--format md|csv|json] [--out DIR] FILE...
                           the page report of each file: a Markdown handout, one CSV row per
                           occurrence, or versioned JSON (several files need --out DIR)
  terms [--json]           list the lexicon
  learn [--check]          rebuild lexicon/generated from the sources and the corpus
                           (--check: fail if the generated files are stale, write nothing)
`;

function fail(message: string): never {
  process.stderr.write(`framing-lens: ${message}\n`);
  process.exit(1);
}

function scan(args: string[]): void {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false }, explain: { type: 'boolean', default: false } }, allowPositionals: true });
  if (positionals.length === 0) fail('scan needs at least one FILE\n' + USAGE);
  const lexicon = loadCompiled();
  const finder = loadFinder(lexicon);
  const written = values.explain ? loadWritten(lexicon) : undefined;
  const hits: ScanHit[] = [];
  for (const file of positionals) {
    if (!existsSync(file)) fail(`${file}: no such file`);
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch (error) {
      fail(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    hits.push(...scanText(file, content, lexicon, finder, written ? { explain: written } : {}));
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(hits, null, 1)}\n`);
    return;
  }
  const labels = new Map(loadFull().terms.map((t) => [t.id, t.label]));
  for (const file of positionals) {
    const mine = hits.filter((h) => h.file === file);
    process.stdout.write(`${file}: ${mine.length} framing terms\n`);
    for (const h of mine) {
      process.stdout.write(`  ${String(h.start).padStart(7)}-${String(h.end).padEnd(7)} ${h.category.padEnd(21)} ${labels.get(h.term)}: “${h.text.replace(/\s+/g, ' ')}”\n`);
      if (h.why) process.stdout.write(`${' '.repeat(18)}${h.why.reason}\n`);
    }
  }
  process.stdout.write('\ncounts per category\n');
  for (const category of lexicon.categories) {
    const n = hits.filter((h) => h.category === category.id).length;
    process.stdout.write(`  ${category.label.padEnd(50)} ${String(n).padStart(5)}\n`);
  }
  process.stdout.write(`  ${'total'.padEnd(50)} ${String(hits.length).padStart(5)}\n`);
}

function report(args: string[]): void {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string', default: 'md' }, out: { type: 'string' } }, allowPositionals: true });
  if (positionals.length === 0) fail('report needs at least one FILE\n' + USAGE);
  const format = values.format;
  if (format !== 'md' && format !== 'csv' && format !== 'json') fail(`unknown --format "${format}" (md, csv or json)`);
  if (positionals.length > 1 && !values.out) fail(`report of ${positionals.length} files needs --out DIR (one file each)`);
  for (const file of positionals) if (!existsSync(file)) fail(`${file}: no such file`);
  const lexicon = loadCompiled();
  const full = loadFull();
  const finder = loadFinder(lexicon);
  const written = loadWritten(lexicon);
  const readAt = new Date().toISOString();
  if (values.out) mkdirSync(values.out, { recursive: true });
  for (const file of positionals) {
    const content = readFileSync(file, 'utf8');
    const input = reportInput(file, content, lexicon, finder, written, readAt);
    const text = format === 'md' ? toMarkdown(full, input) : format === 'csv' ? toCsv(full, input) : toJson(full, input);
    if (!values.out) {
      process.stdout.write(text);
      continue;
    }
    const path = join(values.out, exportFileName(basename(file).replace(/\.[^.]+$/, ''), readAt, format));
    writeFileSync(path, text);
    process.stdout.write(`${file}: ${input.occurrences.length} occurrences → ${path}\n`);
  }
}

function terms(args: string[]): void {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  const full = loadFull();
  if (values.json) {
    const out = full.terms.map((t) => ({
      id: t.id,
      label: t.label,
      category: t.category,
      gloss: t.gloss,
      patterns: t.patterns,
      reading: t.reading,
      variants: t.variants,
      examples: t.examples.map((e) => ({ doc: e.doc, sentence: e.sentence, start: e.start, end: e.end, note: e.note, voice: e.voice, actors: e.actors })),
    }));
    process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
    return;
  }
  for (const category of full.categories) {
    const mine = full.terms.filter((t) => t.category === category.id);
    process.stdout.write(`\n${category.label} (${mine.length})\n  ${category.description}\n`);
    for (const t of mine) {
      const n = Object.values(t.occurrences).reduce((a, b) => a + b, 0);
      process.stdout.write(`  - ${t.label.padEnd(42)} ${String(n).padStart(3)} in the corpora${t.reading === 'standard' ? ' (standard wording, not highlighted)' : ''}  ${t.gloss}\n`);
    }
  }
}

function learn(args: string[]): void {
  const { values } = parseArgs({ args, options: { check: { type: 'boolean', default: false }, 'allow-missing-notes': { type: 'boolean', default: false } } });
  const started = performance.now();
  const result = learnLexicon(LEXICON_DIR, { allowMissingNotes: values['allow-missing-notes'] });
  const out = join(LEXICON_DIR, 'generated');
  if (values.check) {
    const stale = Object.entries(result.files).filter(([name, content]) => !existsSync(join(out, name)) || readFileSync(join(out, name), 'utf8') !== content);
    if (stale.length > 0) fail(`lexicon/generated is stale (${stale.map(([n]) => n).join(', ')}): run \`npm run lexicon\` and commit the result`);
  } else {
    mkdirSync(out, { recursive: true });
    for (const [name, content] of Object.entries(result.files)) writeFileSync(join(out, name), content);
  }
  if (result.missingNotes) process.stdout.write(`examples without a curator note (paste into lexicon/notes/<category>.yaml):\n${result.missingNotes}\n`);
  const s = result.stats;
  process.stdout.write(
    `lexicon: ${s.families} families in ${s.categories} categories, ${s.variants} variants; corpora: ${s.occurrences} occurrences of ${s.familiesInCorpus} families, ${s.examples} examples; context: ${s.cues} cues (${s.learnedCues} learned); ${s.candidates} candidates; ${(performance.now() - started).toFixed(0)} ms${values.check ? ' (fresh)' : ''}\n`,
  );
}

/** Runs the command line with `argv` (without node and the script). */
export function main(argv: string[]): void {
  // `framing-lens terms | head`: a closed pipe ends the output quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const [command, ...rest] = argv;
  try {
    if (command === 'scan') scan(rest);
    else if (command === 'report') report(rest);
    else if (command === 'terms') terms(rest);
    else if (command === 'learn') learn(rest);
    else if (command === undefined || command === '--help' || command === '-h') process.stdout.write(USAGE);
    else fail(`unknown command "${command}"\n${USAGE}`);
  } catch (error) {
    if (error instanceof LexiconError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') fail((error as Error).message);
    throw error;
  }
}

if (process.argv[1] && /main\.ts$/.test(process.argv[1])) main(process.argv.slice(2));
