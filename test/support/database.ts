import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openDatabase } from '../../db/client.js'
import { startEmbeddedDatabase } from '../../db/embedded.js'
import { migrateToLatest } from '../../db/migrate.js'

/** Named per test run (set by global-setup), so concurrent runs on one server do not collide. */
export function templateDatabase(): string {
  return process.env.SHOPFRONT_TEST_TEMPLATE || 'shopfront_test_template'
}

/** The PostgreSQL server tests use, or null for the embedded database. */
export function serverUrl(): string | null {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl()! })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

export interface TestDatabase {
  readonly url: string
  /** An in-memory PGlite (no TEST_DATABASE_URL): one process, no LISTEN/NOTIFY over its socket. */
  readonly embedded: boolean
  readonly poolMax: number
  drop(): Promise<void>
}

/**
 * A fresh, migrated database of its own: cloned from the migrated template on the PostgreSQL
 * server, or a new in-memory PGlite when there is none.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = serverUrl()
  if (!server) {
    const embedded = await startEmbeddedDatabase(null)
    const database = openDatabase({ url: embedded.url, max: 1 })
    await migrateToLatest(database.db)
    await database.close()
    return { url: embedded.url, embedded: true, poolMax: embedded.poolMax, drop: () => embedded.stop() }
  }
  const name = `shopfront_test_${randomBytes(6).toString('hex')}`
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`)
      break
    } catch (error) {
      // Two workers cloning the template at the same instant: PostgreSQL refuses one; retry.
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200))
    }
  }
  return {
    url: withDatabase(server, name),
    embedded: false,
    poolMax: 10,
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}
