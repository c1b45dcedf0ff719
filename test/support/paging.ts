/** One page of a Relay connection, as the walkers below need it. */
export interface PageOf<T> {
  edges: { node: T }[]
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null }
}

/**
 * Walks a connection forward (first/after) and backward (last/before), `size` at a time, and answers
 * what each direction saw, in list order. At most 10 pages each way: a test of a short list.
 */
export async function walkBothWays<T, K>(
  fetch: (args: { first?: number; after?: string; last?: number; before?: string }) => Promise<PageOf<T>>,
  size: number,
  keyOf: (node: T) => K,
): Promise<{ forward: K[]; backward: K[] }> {
  const forward: K[] = []
  let after: string | undefined
  for (let guard = 0; guard < 10; guard++) {
    const page = await fetch({ first: size, after })
    forward.push(...page.edges.map((e) => keyOf(e.node)))
    if (!page.pageInfo.hasNextPage) break
    after = page.pageInfo.endCursor!
  }
  const backward: K[] = []
  let before: string | undefined
  for (let guard = 0; guard < 10; guard++) {
    const page = await fetch({ last: size, before })
    backward.unshift(...page.edges.map((e) => keyOf(e.node)))
    if (!page.pageInfo.hasPreviousPage) break
    before = page.pageInfo.startCursor!
  }
  return { forward, backward }
}
