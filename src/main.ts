import { openDatabase } from '../db/client.js'
import { startEmbeddedDatabase } from '../db/embedded.js'
import { migrateToLatest } from '../db/migrate.js'
import { seedDemoData } from '../db/seed.js'
import { ConfigError, loadConfig } from './config.js'
import { startJobs } from './platform/jobs/runtime.js'
import { jobHandlers } from './modules/index.js'
import { createLogger } from './shared/logger.js'
import { buildServer } from './graphql/http.js'
import { stopOnSignals } from './platform/shutdown.js'

/** loadConfig -> database (embedded or DATABASE_URL) -> migrate -> seed -> job workers -> server -> listen. */
async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(78) // EX_CONFIG
    }
    throw error
  }
  const logger = createLogger(config.logLevel)
  const embedded = config.databaseUrl ? null : await startEmbeddedDatabase(config.dataDir)
  if (embedded) logger.info({ dataDir: config.dataDir }, 'started the embedded PostgreSQL (PGlite)')
  const database = openDatabase({
    url: config.databaseUrl ?? embedded!.url,
    max: config.databasePoolMax,
    onPoolError: (error) => logger.error({ err: error }, 'idle database connection failed'),
  })

  const migrations = await migrateToLatest(database.db)
  for (const r of migrations.results ?? []) logger.info({ migration: r.migrationName, status: r.status }, 'migration applied')
  if (config.demoData && (await seedDemoData(database.db, config))) logger.info('loaded the demo shop (handle "demo")')

  const jobs = config.jobsWorkers ? await startJobs({ config, db: database.db, pool: database.pool, logger, handlers: jobHandlers }) : null
  if (!jobs) logger.info('job workers are off here (JOBS_WORKERS=false): run them with `npm run worker`')

  const { httpServer, apollo } = await buildServer({ config, db: database.db, logger })
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve))
  const address = httpServer.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  logger.info({ port, nodeEnv: config.nodeEnv, embedded: Boolean(embedded) }, `Shopfront is listening on http://localhost:${port}/graphql`)

  stopOnSignals(logger, config.shutdownGraceMs, 'shutting down: draining in-flight requests', async () => {
    // Stops accepting, waits for in-flight requests (drain plugin, up to the grace period).
    await apollo.stop()
    // Then the job workers finish the job in hand, before the pool they run on closes.
    await jobs?.stop()
    logger.info('HTTP and jobs drained; closing the database')
    await database.close()
    if (embedded) {
      await embedded.stop()
      logger.info('embedded database closed')
    }
  })
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
