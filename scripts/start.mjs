// `npm start` / `npm run worker`: runs the compiled JavaScript in dist/ (never a TypeScript loader),
// building it first when it is missing or older than the sources, so `npm install && npm start`
// works on a fresh clone. Usage: node scripts/start.mjs [main|worker]
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const entry = process.argv[2] ?? 'main'
if (!['main', 'worker'].includes(entry)) {
  console.error(`unknown entry point "${entry}" (main or worker)`)
  process.exit(64)
}
const stamp = path.join(root, 'dist', '.build-stamp')

/** The newest modification time of the files the build reads. */
function newestSource() {
  let newest = 0
  const walk = (dir) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, item.name)
      if (item.isDirectory()) walk(full)
      else if (item.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs)
    }
  }
  for (const dir of ['src', 'db', 'migrations']) walk(path.join(root, dir))
  for (const file of ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json']) {
    newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs)
  }
  return newest
}

const hasSources = existsSync(path.join(root, 'src'))
const stale = !existsSync(stamp) || (hasSources && newestSource() > statSync(stamp).mtimeMs)
if (stale) {
  console.error(
    existsSync(stamp) ? 'sources changed: rebuilding dist/ (npm run build)' : 'building dist/ (npm run build)',
  )
  const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' })
  if (built.status !== 0) process.exit(built.status ?? 1)
}
process.setSourceMapsEnabled(true)
await import(pathToFileURL(path.join(root, 'dist', 'src', `${entry}.js`)).href)
