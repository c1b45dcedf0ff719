import { modules } from '../modules/index.js'
import type { Context } from './context.js'
import type { NodeFetchers } from './node-types.js'
import { badUserInput } from '../shared/errors.js'
import { parseGlobalId } from '../shared/ids.js'


// Every module's Node types, from the registry; a type registered twice is a bug.
const fetchers: NodeFetchers = {}
for (const module of modules) {
  for (const [type, fetch] of Object.entries(module.nodes)) {
    if (type in fetchers) throw new Error(`Node type ${type} is registered twice`)
    fetchers[type] = fetch
  }
}

export const NODES_MAX = 100

/** `node(id:)`: a malformed id, an unknown type, or an invisible object all answer null. */
export async function resolveNode(ctx: Context, globalId: string): Promise<object | null> {
  const parsed = parseGlobalId(globalId)
  const fetch = parsed ? fetchers[parsed.type] : undefined
  if (!parsed || !fetch) return null
  const found = await fetch(ctx, parsed.id)
  // Tagged copy: loader results are shared within the request and must not be mutated.
  return found ? { ...found, __typename: parsed.type } : null
}

export function resolveNodes(ctx: Context, ids: readonly string[]): Promise<(object | null)[]> {
  if (ids.length > NODES_MAX) throw badUserInput(`nodes accepts at most ${NODES_MAX} ids`, ['ids'])
  return Promise.all(ids.map((id) => resolveNode(ctx, id)))
}

export function nodeTypeName(value: object): string | null {
  return (value as { __typename?: string }).__typename ?? null
}
