import { ordersNodes } from '../modules/orders/orders.resolvers.js'
import type { Context } from './context.js'
import { badUserInput } from '../shared/errors.js'
import { parseGlobalId } from '../shared/ids.js'
import { authNodes } from '../modules/auth/auth.resolvers.js'
import { catalogNodes } from '../modules/catalog/catalog.resolvers.js'
import { blogNodes } from '../modules/blog/blog.resolvers.js'
import { reviewsNodes } from '../modules/reviews/reviews.resolvers.js'

/** For each Node type, how to fetch one object by UUID for this viewer (null when not visible). */
export type NodeFetchers = Record<string, (ctx: Context, id: string) => Promise<object | null>>

// Every module adds its Node types here.
const fetchers: NodeFetchers = {
  ...authNodes,
  ...catalogNodes,
  ...ordersNodes,
  ...blogNodes,
  ...reviewsNodes,
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
