import { createRequire } from 'node:module'
import { defineConfig } from 'vitest/config'

const require = createRequire(import.meta.url)

// Tests run against a real PostgreSQL: the server at TEST_DATABASE_URL / DATABASE_URL when set
// (each test app gets a fresh database cloned from a migrated template), else an in-memory
// embedded PGlite per test app. See test/support/database.ts.
export default defineConfig({
  resolve: {
    // graphql 16 ships ESM (.mjs, via "module") and CJS (.js, via "main"). Vite picks the ESM
    // build for our code while Node loads the CJS build for dependencies (graphql-shield,
    // graphql-middleware), and two copies of graphql refuse each other's schema objects. Point
    // our imports at the same CJS build Node uses, as in production.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // The fault-injection suite has its own config and command: npm run test:faults.
    exclude: ['test/resilience/**', 'node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', ['junit', { outputFile: 'test-results/junit.xml' }]],
  },
})
