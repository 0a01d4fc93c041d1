import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Four tiers: unit (pure lib/ in Node), dom (happy-dom with WXT's fake browser), bundle (the built
// content scripts run in happy-dom: needs `wxt build` first), e2e (the built extension in real
// Chromium and Firefox, one file at a time).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
      { plugins: [WxtVitest()], test: { name: 'dom', environment: 'happy-dom', include: ['tests/dom/**/*.test.ts', 'tests/dom/**/*.test.tsx'] } },
      { plugins: [WxtVitest()], test: { name: 'bundle', environment: 'happy-dom', include: ['tests/bundle/**/*.test.ts'] } },
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
