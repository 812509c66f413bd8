import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['apps/**/*.test.{ts,tsx}', 'packages/**/*.test.{ts,tsx}'],
    globalSetup: ['apps/identity/test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
