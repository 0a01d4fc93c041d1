import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm start` without a display (as here and in CI): the demo runs headless and says where its
// screenshots are. (`npm start` builds first; the test tier runs after the build.)
const ROOT = resolve(import.meta.dirname, '../..');

describe('npm start, headless', () => {
  it('serves the demo site, loads the extension, and writes the page, card and popup screenshots', () => {
    const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' };
    const run = spawnSync('npx', ['tsx', 'lib/cli/start.ts'], { cwd: ROOT, env, encoding: 'utf8', timeout: 80_000 });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Demo site: http:\/\/127\.0\.0\.1:\d+\/ \(\d+ articles from the corpora/m);
    expect(run.stdout).toContain('No display here, so Chromium ran headless. Screenshots:');
    for (const name of ['page', 'card', 'popup']) {
      const path = resolve(ROOT, `.output/demo/${name}.png`);
      expect(run.stdout).toContain(path);
      expect(existsSync(path)).toBe(true);
      expect(statSync(path).size).toBeGreaterThan(20_000);
    }
  });
});
