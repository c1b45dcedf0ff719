/**
 * Regenerates db/types.ts from a freshly migrated embedded database (`npm run db:types`), or checks
 * it is current (`npm run db:types -- --verify`, used by CI). Needs no PostgreSQL installed.
 */
import { spawn } from 'node:child_process'
import { openDatabase } from '../db/client.js'
import { startEmbeddedDatabase } from '../db/embedded.js'
import { migrateToLatest } from '../db/migrate.js'

const verify = process.argv.includes('--verify')
const embedded = await startEmbeddedDatabase(null)
const database = openDatabase({ url: embedded.url, max: 1 })
try {
  await migrateToLatest(database.db)
  await database.close()
  const overrides = {
    columns: {
      'user.role': '"CUSTOMER" | "STAFF" | "ADMIN"',
      'product.status': '"DRAFT" | "ACTIVE" | "ARCHIVED"',
      // Written as a JSON string (pg would send a JS array as a PostgreSQL array), read back parsed.
      'product_variant.options': 'ColumnType<{ name: string; value: string }[], string | undefined, string>',
      'post.status': 'Generated<"DRAFT" | "PUBLISHED">',
      'comment.status': 'Generated<"VISIBLE" | "HIDDEN">',
      'review.status': 'Generated<"PUBLISHED" | "HIDDEN">',
      'order.status': '"PENDING_PAYMENT" | "PAID" | "FULFILLED" | "CANCELLED" | "REFUNDED"',
      'order_event.status': '"PENDING_PAYMENT" | "PAID" | "FULFILLED" | "CANCELLED" | "REFUNDED"',
      'email_delivery.kind': '"welcome" | "order-confirmation" | "order-status-changed" | "password-reset"',
    },
  }
  // Asynchronous on purpose: the embedded database is served by this process's event loop.
  const child = spawn(
    'npx',
    [
      'kysely-codegen',
      '--dialect',
      'postgres',
      '--url',
      embedded.url,
      '--out-file',
      'db/types.ts',
      // One pattern only: the CLI joins repeated ones with a comma into a glob that matches nothing.
      // Kysely's own migration tables are left out by Kysely's introspector anyway.
      '--exclude-pattern',
      'pgboss.*',
      '--overrides',
      JSON.stringify(overrides),
      ...(verify ? ['--verify'] : []),
    ],
    { stdio: 'inherit' },
  )
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  if (code !== 0) process.exitCode = code ?? 1
} finally {
  await database.close()
  await embedded.stop()
}
