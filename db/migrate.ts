import { promises as fs } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import {
  Migrator,
  NO_MIGRATIONS,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely'
import { installJobQueues } from '../src/platform/jobs/boss.js'

export const migrationFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations')

/**
 * Kysely's FileMigrationProvider, but with the `import()` in our own code: an import made from
 * inside node_modules bypasses the TypeScript loader (tsx, vitest) and fails on `.ts` files.
 */
class TypeScriptMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {}
    for (const file of (await fs.readdir(migrationFolder)).sort()) {
      if (!/^\d{4}_\d{2}_\d{2}_\d{4}_[a-z0-9_]+\.(ts|js)$/.test(file)) continue
      const module = (await import(pathToFileURL(path.join(migrationFolder, file)).href)) as Migration
      migrations[file.replace(/\.(ts|js)$/, '')] = { up: module.up, down: module.down }
    }
    return migrations
  }
}

export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: new TypeScriptMigrationProvider() })
}

function check(result: MigrationResultSet): MigrationResultSet {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')
    const error = new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(result.error)}`)
    ;(error as Error & { cause?: unknown }).cause = result.error
    throw error
  }
  return result
}

/**
 * Applies every pending migration; throws (naming the migration) when one fails. Then installs or
 * upgrades pg-boss's own schema (`pgboss`, versioned by pg-boss itself) and the job queues, so any
 * process on a migrated database can enqueue jobs.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const result = check(await createMigrator(db).migrateToLatest())
  await installJobQueues(db)
  return result
}

/** True when every migration in `migrations/` has been applied (used by /readyz). */
export async function migrationsAreCurrent(db: Kysely<any>): Promise<boolean> {
  const migrations = await createMigrator(db).getMigrations()
  return migrations.every((m) => m.executedAt !== undefined)
}

export async function migrateUp(db: Kysely<any>) {
  return check(await createMigrator(db).migrateUp())
}

export async function migrateDown(db: Kysely<any>) {
  return check(await createMigrator(db).migrateDown())
}

/** Reverts every applied migration, newest first (CI runs up, all the way down, and up again). */
export async function migrateAllDown(db: Kysely<any>) {
  return check(await createMigrator(db).migrateTo(NO_MIGRATIONS))
}
