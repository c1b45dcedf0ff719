import { sql, type SelectQueryBuilder } from 'kysely'
import { badUserInput } from './errors.js'

/**
 * Relay connections over keyset ("seek") pagination. A cursor is the sort key of a row plus its
 * id, so it stays valid when rows are inserted or deleted around it, and every page is an index
 * range scan: `WHERE (sort_key, id) > ($1, $2) ORDER BY sort_key, id LIMIT n + 1`.
 */

export const DEFAULT_PAGE_SIZE = 20
export const MAX_PAGE_SIZE = 100

export interface PageArgs {
  first?: number | null
  after?: string | null
  last?: number | null
  before?: string | null
}

/** The kinds of value a cursor may carry; each is checked when the cursor comes back. */
/** `int`: a 32-bit integer (an `integer` column); `number`: a 64-bit one (`bigint`, e.g. minor units). */
export type CursorPart = 'string' | 'int' | 'number' | 'date' | 'uuid'

export interface Page {
  /** Rows wanted (the query fetches one more to learn whether another page follows). */
  readonly size: number
  /** `backward` for `last`/`before`: query in reverse order, then flip the rows. */
  readonly backward: boolean
  /** The decoded `after` (forward) or `before` (backward) position, if any. */
  readonly cursor: unknown[] | null
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values.map((v) => (v instanceof Date ? v.toISOString() : v)))).toString('base64url')
}

/** Decodes and checks a cursor against the shape the connection expects; BAD_USER_INPUT otherwise. */
export function decodeCursor(cursor: string, shape: readonly CursorPart[], argument: string): unknown[] {
  const invalid = () => badUserInput(`"${argument}" is not a valid cursor for this list`, [argument])
  if (typeof cursor !== 'string' || cursor.length > 500 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid()
  let values: unknown
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalid()
  }
  if (!Array.isArray(values) || values.length !== shape.length) throw invalid()
  return values.map((value, i) => {
    switch (shape[i]) {
      case 'string':
        // PostgreSQL cannot hold a NUL in text: the comparison would fail there, not here.
        if (typeof value !== 'string' || value.includes('\u0000')) throw invalid()
        return value
      case 'int':
        // Anything else would reach PostgreSQL as an invalid integer and fail there, not here.
        if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > 2_147_483_647) throw invalid()
        return value
      case 'number':
        if (
          typeof value === 'number'
            ? !Number.isSafeInteger(value)
            : !(typeof value === 'string' && /^-?\d{1,18}$/.test(value))
        ) {
          throw invalid()
        }
        return value
      case 'uuid':
        if (typeof value !== 'string' || !UUID.test(value)) throw invalid()
        return value
      case 'date': {
        const date = typeof value === 'string' ? new Date(value) : null
        // JavaScript dates reach year ±275,760; PostgreSQL's timestamptz does not (4713 BC to 294276 AD).
        if (!date || Number.isNaN(date.getTime())) throw invalid()
        const year = date.getUTCFullYear()
        if (year < 1 || year > 9999) throw invalid()
        return date
      }
    }
  })
}

/**
 * The one place page arguments are parsed (resolvers call it; services and loaders get the Page).
 * Validates `first/after/last/before`: page sizes 1–100 (default 20), not both directions at
 * once, and well-formed cursors. Every violation is BAD_USER_INPUT.
 *
 * A list with several sort orders passes the `sortKey` it is read in: its cursors then start with
 * the sort key they were made for, and a cursor of another order is BAD_USER_INPUT.
 */
export function parsePageArgs(args: PageArgs, shape: readonly CursorPart[], sortKey?: string): Page {
  if (sortKey !== undefined) {
    const tagged = parsePageArgs(args, ['string', ...shape])
    if (tagged.cursor && tagged.cursor[0] !== sortKey) {
      const argument = tagged.backward ? 'before' : 'after'
      throw badUserInput(`"${argument}" is a cursor of another sort order`, [argument])
    }
    return { ...tagged, cursor: tagged.cursor ? tagged.cursor.slice(1) : null }
  }
  const { first, after, last, before } = args
  if (first != null && last != null) throw badUserInput('Pass either "first" or "last", not both', ['first'])
  if (after != null && before != null) throw badUserInput('Pass either "after" or "before", not both', ['after'])
  for (const [name, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (value != null && (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE)) {
      throw badUserInput(`"${name}" must be between 1 and ${MAX_PAGE_SIZE}`, [name])
    }
  }
  const backward = last != null || (before != null && first == null)
  if (backward && after != null) throw badUserInput('"after" goes with "first"; use "before" with "last"', ['after'])
  if (!backward && before != null) throw badUserInput('"before" goes with "last"; use "after" with "first"', ['before'])
  const size = (backward ? last : first) ?? DEFAULT_PAGE_SIZE
  const raw = backward ? before : after
  const cursor = raw != null ? decodeCursor(raw, shape, backward ? 'before' : 'after') : null
  return { size, backward, cursor }
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[]
  nodes: T[]
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }
  /** Counted only when the client selects it (graphql-js calls function-valued fields). */
  totalCount?: () => Promise<number>
}

/**
 * Builds the connection from rows fetched with `LIMIT page.size + 1` in the page's query order
 * (reversed for backward pages). `hasPreviousPage`/`hasNextPage` on the side the client did not
 * page from report whether a cursor was given, as the Relay spec allows.
 */
export function toConnection<T>(
  rows: T[],
  page: Page,
  cursorOf: (row: T) => readonly unknown[],
  totalCount?: () => Promise<number>,
): Connection<T> {
  const more = rows.length > page.size
  const slice = more ? rows.slice(0, page.size) : rows
  const ordered = page.backward ? slice.reverse() : slice
  const cursor = (node: T | undefined) => (node === undefined ? null : encodeCursor(cursorOf(node)))
  // Cursors are encoded only when selected: a list read through `nodes` (most are) encodes none.
  let edges: Connection<T>['edges'] | undefined
  return {
    get edges() {
      return (edges ??= ordered.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node })))
    },
    nodes: ordered,
    pageInfo: {
      hasNextPage: page.backward ? page.cursor !== null : more,
      hasPreviousPage: page.backward ? more : page.cursor !== null,
      get startCursor() {
        return cursor(ordered[0])
      },
      get endCursor() {
        return cursor(ordered[ordered.length - 1])
      },
    },
    ...(totalCount ? { totalCount } : {}),
  }
}

/**
 * The comparison operator for the keyset condition: rows after the cursor in the requested
 * order. With `descending` order "after" means smaller; paging backward flips it.
 */
export function keysetOperator(descending: boolean, page: Page): '>' | '<' {
  return descending !== page.backward ? '<' : '>'
}

/** The ORDER BY direction to query in: the requested one, flipped for backward pages. */
export function queryDirection(descending: boolean, page: Page): 'asc' | 'desc' {
  return descending !== page.backward ? 'desc' : 'asc'
}

/**
 * Narrows a query to one keyset page ordered by (`column`, id): the rows after the page's cursor,
 * in the page's query order, `page.size + 1` of them (the extra one tells whether more follow).
 * The cursor must be the [column value, id] pair `toConnection` wrote.
 */
export function seekPage<QB extends SelectQueryBuilder<any, any, any>>(
  query: QB,
  column: string,
  descending: boolean,
  page: Page,
): QB {
  let seek = query as SelectQueryBuilder<any, any, any>
  if (page.cursor) {
    const [value, id] = page.cursor
    seek = seek.where(
      sql`(${sql.ref(column)}, ${sql.ref('id')})`,
      keysetOperator(descending, page),
      sql`(${value}, ${id})`,
    )
  }
  const direction = queryDirection(descending, page)
  return seek
    .orderBy(sql.ref(column), direction)
    .orderBy(sql.ref('id'), direction)
    .limit(page.size + 1) as QB
}
