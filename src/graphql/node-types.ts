import type { Context } from './context.js'

/** For each Node type, how to fetch one object by UUID for this viewer (null when not visible). */
export type NodeFetchers = Record<string, (ctx: Context, id: string) => Promise<object | null>>
