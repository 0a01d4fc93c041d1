#!/usr/bin/env node
// `npm test`: everything CI checks, in order, with one plain closing line `N passed, N failed`.
// Steps: the lexicon's generated files are fresh, typecheck, lint, build the extension, then every
// vitest tier (unit, dom, bundle, e2e). The e2e tier needs Chromium and Firefox: without them the run fails
// loudly unless FRAMING_LENS_SKIP_BROWSER=1 says to skip it on purpose.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
let failedSteps = 0;

function step(name, command, args) {
  const started = Date.now();
  process.stdout.write(`\n== ${name}: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const ok = result.status === 0;
  process.stdout.write(`== ${name}: ${ok ? 'ok' : `FAILED (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  if (!ok) failedSteps++;
  return ok;
}

const skipBrowser = process.env.FRAMING_LENS_SKIP_BROWSER === '1';

/** The browser at `envVar`'s path or the first of `candidates` that exists; without one (and no skip), the run fails loudly here. */
function requireBrowser(name, envVar, candidates, why, install) {
  const path = process.env[envVar] ? (existsSync(process.env[envVar]) ? process.env[envVar] : null) : candidates.find((p) => existsSync(p));
  if (path || skipBrowser) return path;
  process.stderr.write(
    `\n!! No ${name} found (looked at ${envVar}, then ${candidates.join(', ')}).\n` +
      `!! ${why}\n` +
      `!! Install it (Debian: apt-get install -y ${install}) or set ${envVar}, or set\n` +
      '!! FRAMING_LENS_SKIP_BROWSER=1 to skip the browser tier on purpose.\n\n',
  );
  process.stdout.write('0 passed, 1 failed\n');
  process.exit(1);
}

requireBrowser('Chromium', 'CHROME_PATH', CANDIDATES, 'The end-to-end tests load the extension into a real browser and cannot run.', 'chromium');
// The core flows also run in Firefox (Debian's firefox-esr over WebDriver BiDi).
const FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
requireBrowser('Firefox', 'FIREFOX_PATH', FIREFOX, 'The Firefox end-to-end tests install the add-on into a real Firefox and cannot run.', 'firefox-esr');

step('lexicon is fresh', 'npx', ['tsx', 'lib/cli/main.ts', 'learn', '--check']);
step('typecheck', 'npx', ['tsc', '--noEmit']);
step('lint', 'npx', ['eslint', '.']);
const built = step('build', 'npx', ['wxt', 'build']);
// The Firefox package: built from the same sources and checked with Mozilla's linter (errors fail).
if (step('build for Firefox', 'npx', ['wxt', 'build', '-b', 'firefox'])) step('web-ext lint', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--no-input']);

mkdirSync('tests/.artifacts', { recursive: true });
// The bundle and e2e tiers read the built extension: without a build they would only fail for that.
const projects = ['unit', 'dom', ...(built ? ['bundle'] : []), ...(skipBrowser ? [] : built ? ['e2e'] : [])];
if (skipBrowser) process.stdout.write('\n!! FRAMING_LENS_SKIP_BROWSER=1: the end-to-end tier is SKIPPED.\n');
const report = 'tests/.artifacts/vitest.json';
step('tests', 'npx', ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);

let passed = 0;
let failed = failedSteps;
let skipped = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed += json.numFailedTests + (json.numTotalTestSuites > 0 && json.testResults.some((r) => r.status === 'failed' && r.assertionResults.length === 0) ? 1 : 0);
  skipped = json.numPendingTests + json.numTodoTests;
} else {
  failed++;
}
if (!built && !skipBrowser) failed++;
process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
