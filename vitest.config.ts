import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
      'test/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    // Vitest's default is one file at a time on a 2-core machine (cores - 1). The slow files
    // mostly wait (child processes killed and reopened, fsyncs, replication over loopback),
    // so two at a time finish sooner without starving each other.
    maxWorkers: 2,
  },
})
