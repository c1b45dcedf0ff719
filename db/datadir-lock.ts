import { randomBytes } from 'node:crypto'
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * An exclusive lock on DATA_DIR: the embedded database is one PGlite instance per directory, and
 * two processes on one directory both serve, issue the same order numbers and lose acknowledged
 * writes. Node has no flock, so the lock is a file, `DATA_DIR/shopfront.lock`, holding the owner's
 * pid and its process start time:
 *
 * - It is created atomically with its content (written to a private temp file, then hard-linked
 *   into place: link() fails when the lock exists), so nobody ever reads a half-written lock.
 * - A lock whose process is gone is stale and taken over: no such pid, or a pid that now belongs
 *   to another process (its start time differs: pid reuse), or our own pid (a container restarted
 *   with the same pid 1). Only the holder of a second lock file (`shopfront.lock.takeover`,
 *   created the same way) may remove a stale lock, so two processes taking over at once cannot
 *   remove each other's fresh lock; the one that loses the race is refused.
 * - It is removed on a clean stop and when the process exits; after a SIGKILL or a crash the
 *   next start finds it stale.
 *
 * It guards one machine: a DATA_DIR on a network share mounted by two hosts is not protected.
 */
export const LOCK_FILE = 'shopfront.lock'

export interface LockHolder {
  readonly pid: number
  /** Start time of the process in clock ticks since boot (Linux /proc), null where unknown. */
  readonly startTime: string | null
  readonly startedAt: string
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by another Shopfront process` +
        (holder ? ` (pid ${holder.pid}, running since ${holder.startedAt})` : '') +
        `: two processes on one embedded database lose data. Stop the other process, or give this one its own DATA_DIR. ` +
        `(If no such process exists, delete ${path.join(dataDir, LOCK_FILE)}.)`,
    )
    this.name = 'DataDirLockedError'
  }
}

export interface DataDirLock {
  readonly file: string
  release(): void
}

/** The start time of `pid` from /proc (field 22 of stat), or null when it cannot be read. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) is in parentheses and may hold spaces: count after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null
  } catch {
    return null
  }
}

function readHolder(file: string): LockHolder | null | 'missing' {
  let text
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing'
    throw error
  }
  try {
    const parsed = JSON.parse(text) as LockHolder
    return Number.isInteger(parsed.pid) ? parsed : null
  } catch {
    return null
  }
}

/** Whether the process that wrote `holder` still runs. */
export function holderIsAlive(holder: LockHolder): boolean {
  if (holder.pid === process.pid) return false // we do not hold it yet: the pid was reused
  try {
    process.kill(holder.pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false
    // EPERM: it exists (another user's); fall through to the start-time check.
  }
  if (holder.startTime !== null) {
    const now = processStartTime(holder.pid)
    if (now !== null && now !== holder.startTime) return false
  }
  return true
}

const sameHolder = (a: LockHolder | null | 'missing', b: LockHolder | null) =>
  a !== 'missing' &&
  a !== null &&
  b !== null &&
  a.pid === b.pid &&
  a.startTime === b.startTime &&
  a.startedAt === b.startedAt

/** Creates `file` holding `holder`, atomically with its content; false when it exists. */
function createExclusive(file: string, holder: LockHolder): boolean {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`
  writeFileSync(temp, JSON.stringify(holder), { mode: 0o600 })
  try {
    linkSync(temp, file)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return false
  } finally {
    unlinkSync(temp)
  }
}

function removeIfStill(file: string, holder: LockHolder): void {
  if (sameHolder(readHolder(file), holder)) unlinkSync(file)
}

/** Takes the lock on `dataDir` (which must exist), or throws DataDirLockedError. */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE)
  // Only the holder of this second lock may remove a stale lock: two processes that both found
  // the same stale lock cannot then remove each other's fresh one.
  const takeover = `${file}.takeover`
  const me: LockHolder = {
    pid: process.pid,
    startTime: processStartTime(process.pid),
    startedAt: new Date().toISOString(),
  }
  for (let attempt = 0; attempt < 10; attempt++) {
    if (createExclusive(file, me)) return lockHandle(file, me)
    const holder = readHolder(file)
    if (holder === 'missing') continue // released meanwhile
    // An unreadable lock was not written by us (ours are complete from birth): treat it as held.
    if (holder === null || holderIsAlive(holder)) throw new DataDirLockedError(dataDir, holder)
    if (!createExclusive(takeover, me)) {
      const other = readHolder(takeover)
      if (other === 'missing') continue
      // Another process is taking the stale lock over right now: it will hold the directory.
      if (other === null || holderIsAlive(other)) throw new DataDirLockedError(dataDir, other)
      removeIfStill(takeover, other) // its holder died in the middle of a takeover
      continue
    }
    try {
      removeIfStill(file, holder)
    } finally {
      unlinkSync(takeover)
    }
  }
  throw new DataDirLockedError(dataDir, null)
}

function lockHandle(file: string, me: LockHolder): DataDirLock {
  let released = false
  const release = () => {
    if (released) return
    released = true
    process.removeListener('exit', release)
    // Only our own lock: never one that replaced ours after it was (wrongly) judged stale.
    if (sameHolder(readHolder(file), me)) unlinkSync(file)
  }
  process.on('exit', release)
  return { file, release }
}
