import type { NodeResolvers, ResolversTypes } from '../generated/graphql.js'
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
/** What `node` answers: a module's row, tagged with its type name. */
type NodeValue = ResolversTypes['Node']
/** The Node type names (`Product`, `Post`...), as `__resolveType` answers them. */
type NodeTypeName = NonNullable<Awaited<ReturnType<NonNullable<NodeResolvers['__resolveType']>>>>

export async function resolveNode(ctx: Context, globalId: string): Promise<NodeValue | null> {
  const parsed = parseGlobalId(globalId)
  const fetch = parsed ? fetchers[parsed.type] : undefined
  if (!parsed || !fetch) return null
  const found = await fetch(ctx, parsed.id)
  // Tagged copy: loader results are shared within the request and must not be mutated.
  // The registry maps each type name to the fetcher of that type's rows.
  return found ? ({ ...found, __typename: parsed.type } as unknown as NodeValue) : null
}

export function resolveNodes(ctx: Context, ids: readonly string[]): Promise<(NodeValue | null)[]> {
  if (ids.length > NODES_MAX) throw badUserInput(`nodes accepts at most ${NODES_MAX} ids`, ['ids'])
  return Promise.all(ids.map((id) => resolveNode(ctx, id)))
}

export function nodeTypeName(value: object): NodeTypeName | null {
  return (value as { __typename?: NodeTypeName }).__typename ?? null
}
