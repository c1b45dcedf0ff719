import type { Logger } from '../shared/logger.js'

/**
 * On the first SIGTERM or SIGINT: log `message`, run `stop` (drain and close, in order) and exit 0,
 * or exit 1 when it fails or outlasts the grace period by 5 seconds.
 */
export function stopOnSignals(logger: Logger, graceMs: number, message: string, stop: () => Promise<void>): void {
  let stopping = false
  const onSignal = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, message)
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting')
      process.exit(1)
    }, graceMs + 5_000)
    force.unref()
    try {
      await stop()
      logger.info('stopped')
      process.exit(0)
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed')
      process.exit(1)
    }
  }
  process.on('SIGTERM', () => void onSignal('SIGTERM'))
  process.on('SIGINT', () => void onSignal('SIGINT'))
}
