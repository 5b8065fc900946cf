import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/sync/**/*.test.ts'],
    environment: 'node',
    // Hang guards, not speed targets: tests run real databases, servers and threads, and wall time grows
    // with the machine's load (about load/2 times on 2 cores). At load 25 a 4 s one-truth test took 36 s
    // and failed at the old 30 s; a PGlite server start in a set-up passed the old 60 s.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
