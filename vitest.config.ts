import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the sources, so a stale dist/ never hides a change.
    alias: {
      '@tspyc/bytecode': src('bytecode'),
      '@tspyc/compiler': src('compiler'),
      '@tspyc/loader/runtime': fileURLToPath(new URL('./packages/loader/src/runtime.ts', import.meta.url)),
      '@tspyc/loader': src('loader'),
      '@tspyc/vm': src('vm'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'tests/**/*.test.ts', 'tools/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
