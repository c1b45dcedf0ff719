/**
 * `npx tsx scripts/embedded-memory.ts '<PGlite options JSON>'`: boots the embedded database on a
 * fresh temp DATA_DIR (migrations, pg-boss, demo data) and prints this process's peak RSS during
 * boot and its RSS at rest afterwards. Used for the memory figures in the README.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { prepareDatabase } from '../db/boot.js'
import { openDatabase } from '../db/client.js'
import { EMBEDDED_TUNING, startEmbeddedDatabase } from '../db/embedded.js'
import { seedDemoData } from '../db/seed.js'
import { loadConfig } from '../src/config.js'

const options = process.argv[2] ? JSON.parse(process.argv[2]) : EMBEDDED_TUNING
const dir = mkdtempSync(path.join(os.tmpdir(), 'shopfront-mem-'))
let peak = 0
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss))
const sampler = setInterval(sample, 20)
const mb = (bytes: number) => Math.round(bytes / 2 ** 20)
try {
  const config = loadConfig({ DATA_DIR: dir, JWT_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent' })
  const baseline = process.memoryUsage().rss
  const embedded = await startEmbeddedDatabase(dir, options)
  sample()
  const started = process.memoryUsage().rss
  const database = openDatabase({ url: embedded.url, max: 1, cancelAtDeadline: false })
  await prepareDatabase(database.db, { seed: (db) => seedDemoData(db, config) })
  sample()
  const bootPeak = peak
  await new Promise((resolve) => setTimeout(resolve, 3000))
  globalThis.gc?.()
  const rest = process.memoryUsage().rss
  console.log(
    JSON.stringify({
      options,
      baselineMB: mb(baseline),
      startedMB: mb(started),
      bootPeakMB: mb(bootPeak),
      restMB: mb(rest),
    }),
  )
  await database.close()
  await embedded.stop()
} finally {
  clearInterval(sampler)
  rmSync(dir, { recursive: true, force: true })
}
