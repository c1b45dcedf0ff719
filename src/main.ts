import { prepareDatabase } from '../db/boot.js'
import { openDatabase } from '../db/client.js'
import { DataDirLockedError } from '../db/datadir-lock.js'
import { abortAllDeadlines } from '../db/deadline.js'
import { startEmbeddedDatabase } from '../db/embedded.js'
import { seedDemoData } from '../db/seed.js'
import { loadConfigOrExit } from './config.js'
import { startJobs } from './platform/jobs/runtime.js'
import { jobHandlers } from './modules/index.js'
import { createLogger } from './shared/logger.js'
import { buildServer } from './graphql/http.js'
import { stopOnSignals } from './platform/shutdown.js'

/**
 * loadConfig -> database (embedded, with DATA_DIR locked, or DATABASE_URL) -> migrate and seed
 * (under the boot lock) -> job workers -> server -> listen.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit()
  const logger = createLogger(config.logLevel)
  let embedded
  try {
    embedded = config.databaseUrl ? null : await startEmbeddedDatabase(config.dataDir)
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message)
      process.exit(75) // EX_TEMPFAIL: the other process holds the directory
    }
    throw error
  }
  if (embedded) logger.info({ dataDir: config.dataDir }, 'started the embedded PostgreSQL (PGlite)')
  const database = openDatabase({
    url: config.databaseUrl ?? embedded!.url,
    max: config.databasePoolMax,
    cancelAtDeadline: !embedded,
    onPoolError: (error) =>
      logger.warn({ err: error }, 'a database connection failed; it is replaced on the next checkout'),
  })

  // Every step that changes the database, under one advisory lock: replicas booting together take turns.
  const { migrations, seeded } = await prepareDatabase(database.db, {
    seed: config.demoData ? (connection) => seedDemoData(connection, config) : undefined,
  })
  for (const r of migrations.results ?? [])
    logger.info({ migration: r.migrationName, status: r.status }, 'migration applied')
  if (seeded) logger.info('loaded the demo shop (handle "demo")')

  const jobs = config.jobsWorkers
    ? await startJobs({ config, db: database.db, pool: database.pool, logger, handlers: jobHandlers })
    : null
  if (!jobs) logger.info('job workers are off here (JOBS_WORKERS=false): run them with `npm run worker`')

  const { httpServer, apollo, metricsServer } = await buildServer({ config, db: database.db, logger })
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve))
  if (metricsServer) {
    await new Promise<void>((resolve) => metricsServer.listen(config.metricsPort!, config.host, resolve))
    logger.info({ port: config.metricsPort }, 'Prometheus metrics on their own port (METRICS_PORT)')
  }
  const address = httpServer.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  logger.info(
    { port, nodeEnv: config.nodeEnv, embedded: Boolean(embedded) },
    `Shopfront is listening on http://localhost:${port}/graphql`,
  )

  stopOnSignals(logger, config.shutdownGraceMs, 'shutting down: draining in-flight requests', async () => {
    // Stops accepting and waits for in-flight requests (drain plugin, up to SHUTDOWN_GRACE_MS),
    // while the job workers finish the job in hand (same grace); then the pool they run on closes.
    await Promise.all([apollo.stop(), jobs?.stop()])
    metricsServer?.close()
    metricsServer?.closeAllConnections()
    // Requests still running past the grace lost their connection to the client: cancel their SQL.
    const abandoned = abortAllDeadlines()
    if (abandoned > 0) logger.warn({ abandoned }, 'requests still running after the grace period were cancelled')
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
