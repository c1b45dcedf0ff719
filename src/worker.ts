/**
 * `npm run worker`: the job workers alone (email delivery, password reset requests), against DATABASE_URL, so API replicas
 * (JOBS_WORKERS=false) and workers scale apart on one PostgreSQL. The embedded database cannot be
 * shared between processes: there the API process runs the workers itself.
 */
import { prepareDatabase } from '../db/boot.js'
import { openDatabase } from '../db/client.js'
import { loadConfigOrExit } from './config.js'
import { startJobs } from './platform/jobs/runtime.js'
import { jobHandlers } from './modules/index.js'
import { createLogger } from './shared/logger.js'
import { stopOnSignals } from './platform/shutdown.js'

async function main(): Promise<void> {
  const config = loadConfigOrExit()
  if (!config.databaseUrl) {
    console.error(
      'npm run worker needs DATABASE_URL (the PostgreSQL the API uses). With the embedded database the API process runs the workers itself.',
    )
    process.exit(78)
  }
  const logger = createLogger(config.logLevel).child({ process: 'worker' })
  const database = openDatabase({
    url: config.databaseUrl,
    onPoolError: (error) =>
      logger.warn({ err: error }, 'a database connection failed; it is replaced on the next checkout'),
  })
  // Idempotent, under the boot lock: whichever process comes first brings the schema up to date.
  const { migrations } = await prepareDatabase(database.db)
  for (const r of migrations.results ?? [])
    logger.info({ migration: r.migrationName, status: r.status }, 'migration applied')
  const jobs = await startJobs({ config, db: database.db, pool: database.pool, logger, handlers: jobHandlers })

  stopOnSignals(
    logger,
    config.shutdownGraceMs,
    'shutting down: letting the workers finish the job in hand',
    async () => {
      await jobs.stop()
      await database.close()
    },
  )
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
