import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Three tiers: unit (pure lib/ in Node), dom (happy-dom with WXT's fake browser), e2e (the built
// extension in real Chromium, one file at a time).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
      { plugins: [WxtVitest()], test: { name: 'dom', environment: 'happy-dom', include: ['tests/dom/**/*.test.ts', 'tests/dom/**/*.test.tsx'] } },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
