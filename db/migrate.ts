import { promises as fs } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { FileMigrationProvider, Migrator, type Kysely, type MigrationResultSet } from 'kysely'

export const migrationFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations')

export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder }),
  })
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

/** Applies every pending migration; throws (naming the migration) when one fails. */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  return check(await createMigrator(db).migrateToLatest())
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
