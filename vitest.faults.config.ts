import { createRequire } from 'node:module'
import { defineConfig } from 'vitest/config'

const require = createRequire(import.meta.url)

// `npm run test:faults`: the resilience suite (test/resilience). It kills backends, restarts and
// stops PostgreSQL clusters of its own (initdb into temp directories, their own ports), starts
// real Shopfront processes, and holds locks from outside; the shared server at TEST_DATABASE_URL
// is only used for in-process test apps (fresh databases, as in `npm test`). One file at a time:
// each is heavy on CPU, and the machine is shared.
export default defineConfig({
  resolve: {
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/resilience/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    reporters: ['default', ['junit', { outputFile: 'test-results/faults.xml' }]],
  },
})
