import { randomBytes } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../../db/client.js'
import { createMigrator, migrateAllDown, migrateToLatest } from '../../db/migrate.js'
import { seedDemoData } from '../../db/seed.js'
import { loadConfig } from '../../src/config.js'
import { adminQuery, serverUrl, withDatabase } from '../support/database.js'

// Issue 10.8: every migration has a down, and now something runs it: up, all the way down, up
// again, on an empty database and on one holding the demo data.

const created: { name: string; database: Database }[] = []

async function emptyDatabase(): Promise<Kysely<any>> {
  const server = serverUrl()
  if (!server) throw new Error('the faults suite needs TEST_DATABASE_URL (a PostgreSQL server)')
  const name = `shopfront_migrations_${randomBytes(5).toString('hex')}`
  await adminQuery(`CREATE DATABASE ${name}`)
  const database = openDatabase({ url: withDatabase(server, name), max: 2 })
  created.push({ name, database })
  return database.db
}

afterAll(async () => {
  for (const { name, database } of created) {
    await database.close()
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  }
})

/** Every object our migrations own: tables, columns, indexes, constraints, types and functions of public. */
async function schemaOf(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ item: string }>`
    SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS item
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE 'kysely_migration%'
    UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE 'kysely_migration%'
    UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
      WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE 'kysely_migration%'
    UNION ALL SELECT 'type ' || typname FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typtype IN ('e', 'd')
    -- Functions that belong to an extension (pg_trgm's) are the extension's: its migration's down
    -- leaves the extension in place on purpose (something else may use it).
    UNION ALL SELECT 'function ' || p.proname FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    ORDER BY 1`.execute(db)
  return rows.map((r) => r.item)
}

const config = loadConfig({ DATABASE_URL: 'postgres://unused/x', JWT_SECRET: 'm'.repeat(40), LOG_LEVEL: 'silent' })

describe('migrations, both ways', () => {
  it('go up, all the way down to an empty schema, and up again to the same schema on an empty database', async () => {
    const db = await emptyDatabase()
    await migrateToLatest(db)
    const first = await schemaOf(db)
    expect(first.length).toBeGreaterThan(0)

    const down = await migrateAllDown(db)
    const migrations = await createMigrator(db).getMigrations()
    expect(down.results?.map((r) => r.status)).toEqual(migrations.map(() => 'Success'))
    expect(await schemaOf(db)).toEqual([])
    expect(migrations.every((m) => m.executedAt === undefined)).toBe(true)

    await migrateToLatest(db)
    expect(await schemaOf(db)).toEqual(first)
  })

  it('go all the way down and up again on a database holding the demo data, which the downs drop (they say so)', async () => {
    const db = await emptyDatabase()
    await migrateToLatest(db)
    expect(await seedDemoData(db, config)).toBe(true)
    const schema = await schemaOf(db)

    await migrateAllDown(db)
    expect(await schemaOf(db)).toEqual([])

    await migrateToLatest(db)
    expect(await schemaOf(db)).toEqual(schema)
    // Reversing dropped the data with the tables: the demo shop is loaded afresh.
    expect(await db.selectFrom('shop').select('id').execute()).toEqual([])
    expect(await seedDemoData(db, config)).toBe(true)
  })
})
