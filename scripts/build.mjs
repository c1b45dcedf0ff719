// `npm run build`: a clean compile of src/, db/ and migrations/ into dist/. Clean, so a deleted
// source (a migration above all) never survives as stale JavaScript.
import { spawnSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
rmSync(path.join(root, 'dist'), { recursive: true, force: true })
const tsc = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
  {
    cwd: root,
    stdio: 'inherit',
  },
)
if (tsc.status !== 0) process.exit(tsc.status ?? 1)
writeFileSync(path.join(root, 'dist', '.build-stamp'), new Date().toISOString() + '\n')
