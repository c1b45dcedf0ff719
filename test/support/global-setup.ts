import { openDatabase } from '../../db/client.js'
import { migrateToLatest } from '../../db/migrate.js'
import { adminQuery, serverUrl, withDatabase } from './database.js'

/** On a PostgreSQL server: migrate a template database once; every test app clones it. */
export default async function setup(): Promise<() => Promise<void>> {
  const server = serverUrl()
  if (!server) return async () => {}
  // Workers are forked after global setup and inherit this.
  const TEMPLATE_DATABASE = `shopfront_test_template_${process.pid}`
  process.env.SHOPFRONT_TEST_TEMPLATE = TEMPLATE_DATABASE
  await adminQuery(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`)
  await adminQuery(`CREATE DATABASE ${TEMPLATE_DATABASE}`)
  const database = openDatabase({ url: withDatabase(server, TEMPLATE_DATABASE), max: 1 })
  try {
    await migrateToLatest(database.db)
  } finally {
    await database.close()
  }
  return async () => {
    await adminQuery(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`)
  }
}
