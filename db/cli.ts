/**
 * `npm run db:migrate -- [latest|up|down]` and `npm run db:types`-style maintenance against
 * DATABASE_URL, or against the embedded database under DATA_DIR when DATABASE_URL is unset.
 */
import { loadConfig } from '../src/config.js'
import { openDatabase } from './client.js'
import { DataDirLockedError } from './datadir-lock.js'
import { startEmbeddedDatabase } from './embedded.js'
import { withBootLock } from './boot.js'
import { migrateDown, migrateToLatest, migrateUp } from './migrate.js'

const command = process.argv[2] ?? 'latest'
const config = loadConfig({ ...process.env, JWT_SECRET: process.env.JWT_SECRET || 'x'.repeat(32) })
// On the embedded database this takes the DATA_DIR lock: it refuses to run while the server does.
let embedded
try {
  embedded = config.databaseUrl ? null : await startEmbeddedDatabase(config.dataDir)
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error
  console.error(error.message)
  process.exit(75)
}
const database = openDatabase({ url: config.databaseUrl ?? embedded!.url, max: embedded ? 1 : 2 })
try {
  const migrations = { latest: migrateToLatest, up: migrateUp, down: migrateDown }[command]
  // Under the boot lock, like the migrations a booting server runs.
  const run = migrations && ((db: Parameters<typeof migrations>[0]) => withBootLock(db, migrations))
  if (!run) throw new Error(`unknown command "${command}" (use latest, up or down)`)
  const result = await run(database.db)
  for (const r of result.results ?? []) console.log(`${r.direction} ${r.migrationName}: ${r.status}`)
  if (!result.results?.length) console.log('nothing to do')
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  await database.close()
  await embedded?.stop()
}
