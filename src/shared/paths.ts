import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The project's root folder (the one holding package.json and schema/): found by walking up from
 * this file, so it is the same whether the code runs from src/ (tsx) or from dist/src/ (compiled).
 */
export const projectRoot: string = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'schema'))) {
    const parent = path.dirname(dir)
    if (parent === dir)
      throw new Error('cannot find the project root (package.json and schema/) above ' + fileURLToPath(import.meta.url))
    dir = parent
  }
  return dir
})()
