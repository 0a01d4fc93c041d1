import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileRuns } from '../../lib/cli/scan-file.ts';
import type { ScanHit } from '../../lib/cli/scan-file.ts';
import type { FullLexicon } from '../../lib/lexicon/schema.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS_FILE = 'lexicon/corpus/commentary/000_e9078585ef122712.txt';
const HTML_FIXTURE = 'tests/fixtures/unit/scan-page.html';
const full = JSON.parse(readFileSync(`${ROOT}/lexicon/generated/lexicon.json`, 'utf8')) as FullLexicon;

/** Runs `framing-lens ...args` from the package root. */
function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['lib/cli/bin.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

type Hit = ScanHit;

describe('framing-lens scan', () => {
  it('a missing file exits non-zero with a message naming the file', () => {
    const { code, stderr, stdout } = cli('scan', 'no/such/article.txt');
    expect(code).not.toBe(0);
    expect(stderr).toContain('no/such/article.txt');
    expect(stdout).toBe('');
  });

  it('no file at all exits non-zero with the usage', () => {
    const { code, stderr } = cli('scan');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/usage: framing-lens/);
  });

  it('--json on a .txt file lists {file,start,end,text,term,category} whose text is the file sliced at [start,end)', () => {
    const { code, stdout } = cli('scan', '--json', CORPUS_FILE);
    expect(code).toBe(0);
    const hits = JSON.parse(stdout) as Hit[];
    const content = readFileSync(`${ROOT}/${CORPUS_FILE}`, 'utf8');
    const families = new Map(full.terms.map((t) => [t.id, t.category]));
    expect(hits.length).toBeGreaterThan(10);
    for (const hit of hits) {
      expect(Object.keys(hit).sort()).toEqual(['category', 'end', 'file', 'start', 'term', 'text']);
      expect(hit.file).toBe(CORPUS_FILE);
      expect(hit.text).toBe(content.slice(hit.start, hit.end));
      expect(families.get(hit.term)).toBe(hit.category);
    }
    expect(hits.map((h) => h.start)).toEqual([...hits.map((h) => h.start)].sort((a, b) => a - b));
    expect(hits).toContainEqual(expect.objectContaining({ text: 'multi-polar system', term: 'multipolar-world' }));
  });

  it('on an .html file gives offsets into the visible text and skips title, style, script and textarea', () => {
    const { code, stdout } = cli('scan', '--json', HTML_FIXTURE);
    expect(code).toBe(0);
    const hits = JSON.parse(stdout) as Hit[];
    const visible = fileRuns(HTML_FIXTURE, readFileSync(`${ROOT}/${HTML_FIXTURE}`, 'utf8')).text;
    expect(visible).not.toContain('typed by a reader');
    expect(visible).not.toContain('in a script');
    expect(hits.map((h) => [h.text, h.term])).toEqual([
      ['new Cold War', 'new-cold-war'],
      ['Cold War mentality', 'cold-war-mentality'], // across <em>
      ['zero-sum approach', 'zero-sum'],
      ['collective West', 'collective-west'],
      ['multi-polar world', 'multipolar-world'],
    ]);
    for (const hit of hits) expect(visible.slice(hit.start, hit.end)).toBe(hit.text);
    // After an emoji, offsets are still UTF-16 code units of the visible text.
    const west = hits.find((h) => h.term === 'collective-west')!;
    expect(visible.indexOf('collective West')).toBe(west.start);
  });

  it('the readable output lists hits per file and prints counts per category with a total', () => {
    const { code, stdout } = cli('scan', CORPUS_FILE, HTML_FIXTURE);
    expect(code).toBe(0);
    const json = JSON.parse(cli('scan', '--json', CORPUS_FILE, HTML_FIXTURE).stdout) as Hit[];
    expect(stdout).toContain(`${CORPUS_FILE}: ${json.filter((h) => h.file === CORPUS_FILE).length} framing terms`);
    expect(stdout).toContain(`${HTML_FIXTURE}: 5 framing terms`);
    expect(stdout).toContain('counts per category');
    for (const category of full.categories) {
      const n = json.filter((h) => h.category === category.id).length;
      expect(stdout).toMatch(new RegExp(`^  ${category.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+${n}$`, 'm'));
    }
    expect(stdout).toMatch(new RegExp(`^  total\\s+${json.length}$`, 'm'));
  });
});

describe('framing-lens scan --explain', () => {
  it('gives every hit the pattern it matched and, for a contextual family, its cue and where it was, with the line the card shows', () => {
    const { code, stdout } = cli('scan', '--json', '--explain', CORPUS_FILE);
    expect(code).toBe(0);
    const hits = JSON.parse(stdout) as Hit[];
    expect(hits.length).toBeGreaterThan(10);
    const byId = new Map(full.terms.map((t) => [t.id, t]));
    for (const h of hits) {
      expect(h.why, h.text).toBeDefined();
      const family = byId.get(h.term)!;
      expect([...family.patterns, ...family.contextual]).toContain(h.why!.pattern);
      expect(h.why!.reason.startsWith(`Matches “`)).toBe(true);
      if (h.why!.where === undefined) expect(h.why!.reason).toMatch(/framing wherever it appears\.$/);
      else if (h.why!.where !== 'page') expect(h.why!.reason).toContain(`“${h.why!.cue}”`);
    }
    // A contextual family fired on a cue, and the readable output prints the reasons under each hit.
    expect(hits.some((h) => h.why!.where === 'sentence')).toBe(true);
    const table = cli('scan', '--explain', CORPUS_FILE).stdout;
    expect(table).toContain(hits[0]!.why!.reason);
  });

  it('without --explain, hits carry no reason', () => {
    const hits = JSON.parse(cli('scan', '--json', CORPUS_FILE).stdout) as Hit[];
    for (const h of hits) expect(h).not.toHaveProperty('why');
  });
});

describe('framing-lens terms', () => {
  it('--json lists at least 220 families with examples carrying doc, sentence, start, end, note, voice, actors', () => {
    const { code, stdout } = cli('terms', '--json');
    expect(code).toBe(0);
    const terms = JSON.parse(stdout) as { id: string; label: string; category: string; gloss: string; patterns: string[]; variants: string[]; examples: Record<string, unknown>[] }[];
    expect(terms.length).toBeGreaterThanOrEqual(220);
    expect(terms.map((t) => t.id)).toEqual(full.terms.map((t) => t.id));
    const examples = terms.flatMap((t) => t.examples);
    expect(examples.length).toBeGreaterThan(0);
    for (const e of examples) {
      expect(Object.keys(e).sort()).toEqual(['actors', 'doc', 'end', 'note', 'sentence', 'start', 'voice']);
      expect(typeof e.sentence).toBe('string');
      expect(e.start as number).toBeLessThan(e.end as number);
      expect(Array.isArray(e.actors)).toBe(true);
    }
  });

  it('the readable table names each category with its number of families, and each family with its corpus count', () => {
    const { code, stdout } = cli('terms');
    expect(code).toBe(0);
    for (const category of full.categories) {
      expect(stdout).toContain(`${category.label} (${full.terms.filter((t) => t.category === category.id).length})`);
    }
    const cwm = full.terms.find((t) => t.id === 'cold-war-mentality')!;
    const n = Object.values(cwm.occurrences).reduce((a, b) => a + b, 0);
    expect(stdout).toMatch(new RegExp(`- Cold War mentality\\s+${n} in the corpora`));
    expect(stdout).toMatch(/- Invasion of Ukraine\s+\d+ in the corpora \(standard wording, not highlighted\)/);
  });
});

describe('framing-lens commands', () => {
  it('an unknown command exits non-zero and names it', () => {
    const { code, stderr } = cli('frobnicate');
    expect(code).not.toBe(0);
    expect(stderr).toContain('unknown command "frobnicate"');
  });

  it('an unknown option exits non-zero without a stack trace', () => {
    const { code, stderr } = cli('scan', '--frob', CORPUS_FILE);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--frob/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('--help prints the usage and succeeds', () => {
    const { code, stdout } = cli('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/usage: framing-lens/);
  });
});

describe('framing-lens report', () => {
  it('prints the Markdown handout of a saved page, with its title and every term found', () => {
    const { code, stdout } = cli('report', 'tests/fixtures/pages/popup-article.html');
    expect(code).toBe(0);
    expect(stdout.startsWith('# Framing Lens report: Summit report\n')).toBe(true);
    for (const label of ['Multipolar world', 'Cold War mentality', 'Hegemony', 'Core interests', 'Mutual respect', 'Collective West']) expect(stdout).toContain(`- **${label}**`);
    expect(stdout).toContain('7 framing terms');
  });
  it('--format csv gives one row per occurrence, in the order of the scan', () => {
    const { code, stdout } = cli('report', '--format', 'csv', 'tests/fixtures/pages/popup-article.html');
    const { stdout: scanned } = cli('scan', '--json', 'tests/fixtures/pages/popup-article.html');
    expect(code).toBe(0);
    const rows = stdout.trim().split('\r\n');
    expect(rows[0]).toBe('position,term,label,category,voice,text,sentence,reason');
    expect(rows.slice(1).map((r) => r.split(',')[1])).toEqual((JSON.parse(scanned) as Hit[]).map((h) => h.term));
  });
  it('several files write one file each under --out, and say where', () => {
    const out = `${ROOT}/tests/.artifacts/report-cli`;
    const { code, stdout } = cli('report', '--format', 'json', '--out', out, 'tests/fixtures/pages/popup-article.html', CORPUS_FILE);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    const path = /→ (.+)$/.exec(lines[0]!)![1]!;
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ format: 'framing-lens-report', version: 1, page: { title: 'Summit report' } });
  });
  it('refuses what it cannot do, with a message and nothing written', () => {
    for (const [args, message] of [
      [['report', '--format', 'pdf', CORPUS_FILE], /unknown --format "pdf"/],
      [['report', CORPUS_FILE, 'tests/fixtures/pages/popup-article.html'], /needs --out DIR/],
      [['report', 'no/such/page.html'], /no\/such\/page\.html: no such file/],
    ] as const) {
      const { code, stderr, stdout } = cli(...args);
      expect(code).not.toBe(0);
      expect(stderr).toMatch(message);
      expect(stdout).toBe('');
    }
  });
});
