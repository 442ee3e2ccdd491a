import { defineConfig } from 'vitest/config';

// Three projects so that a slow browser run never hides a fast unit failure, and so
// that `vitest run --project unit` gives a quick loop while developing.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // One Chromium at a time: two cores cannot run more without timeouts.
          fileParallelism: false,
          // A page renders its heading before its list arrives from the local store; on a
          // shared two-core machine that can take longer than expect.poll's 1 s default.
          expect: { poll: { timeout: 15_000, interval: 50 } },
        },
      },
    ],
  },
});
