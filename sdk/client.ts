import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { print, type DocumentNode } from 'graphql'

/** One GraphQL error as the API answers it. `extensions.code` says what kind (UNAUTHENTICATED, FORBIDDEN, ...). */
export interface ShopfrontGraphQLError {
  message: string
  path?: (string | number)[]
  locations?: { line: number; column: number }[]
  extensions?: { code?: string; [key: string]: unknown }
}

/**
 * A request the API refused or failed as a whole: the response carried GraphQL `errors`, or was not a GraphQL
 * JSON response at all. (Expected mutation failures are not thrown: they come back in the payload's `userErrors`.)
 */
export class ShopfrontError extends Error {
  override readonly name = 'ShopfrontError'
  /**
   * The first error's `extensions.code`, e.g. `UNAUTHENTICATED`, `FORBIDDEN`, `BAD_USER_INPUT`, `THROTTLED`,
   * `INTERNAL_SERVER_ERROR`; `INVALID_RESPONSE` when the body was not a GraphQL JSON response.
   */
  readonly code: string
  /** The HTTP status of the response (200 for most GraphQL errors; 401, 429, 400... for some). */
  readonly status: number
  /** Every GraphQL error of the response (empty for `INVALID_RESPONSE`). */
  readonly errors: readonly ShopfrontGraphQLError[]
  /** Whatever data came with the errors (a partial result), if any. */
  readonly data: unknown

  constructor(options: {
    message: string
    code: string
    status: number
    errors?: ShopfrontGraphQLError[]
    data?: unknown
  }) {
    super(options.message)
    this.code = options.code
    this.status = options.status
    this.errors = options.errors ?? []
    this.data = options.data ?? null
  }
}

export interface ShopfrontClientOptions {
  /** The GraphQL endpoint, e.g. `https://api.example.com/graphql`. */
  url: string
  /** An access token from `userRegister` / `sessionCreate` / `sessionRefresh`; sent as `Authorization: Bearer`. */
  accessToken?: string | null
  /** The fetch to use (defaults to the global one): pass one to add headers, retries or a test double. */
  fetch?: typeof globalThis.fetch
}

export interface ShopfrontClient {
  /** Sends one typed operation; answers its `data`, or throws a `ShopfrontError`. */
  request<R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R>
  /** Signs the following requests with this access token; `null` makes them anonymous. */
  setAccessToken(token: string | null): void
}

const printed = new WeakMap<DocumentNode, string>()

function queryOf(document: DocumentNode): string {
  let text = printed.get(document)
  if (text === undefined) {
    text = print(document)
    printed.set(document, text)
  }
  return text
}

export function createShopfrontClient(options: ShopfrontClientOptions): ShopfrontClient {
  const fetchFn = options.fetch ?? globalThis.fetch
  let accessToken = options.accessToken ?? null

  return {
    setAccessToken(token) {
      accessToken = token
    },

    async request<R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' }
      if (accessToken) headers.authorization = `Bearer ${accessToken}`
      const response = await fetchFn(options.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: queryOf(document), variables: variables ?? {} }),
      })
      const text = await response.text()
      let body: { data?: R | null; errors?: ShopfrontGraphQLError[] } | null
      try {
        body = JSON.parse(text)
      } catch {
        body = null
      }
      if (body === null || typeof body !== 'object') {
        throw new ShopfrontError({
          message: `Not a GraphQL response (HTTP ${response.status}): ${text.slice(0, 200)}`,
          code: 'INVALID_RESPONSE',
          status: response.status,
        })
      }
      if (Array.isArray(body.errors) && body.errors.length > 0) {
        const [first] = body.errors
        throw new ShopfrontError({
          message: first.message,
          code: typeof first.extensions?.code === 'string' ? first.extensions.code : 'UNKNOWN',
          status: response.status,
          errors: body.errors,
          data: body.data,
        })
      }
      if (body.data === undefined || body.data === null) {
        throw new ShopfrontError({
          message: `A GraphQL response without data (HTTP ${response.status})`,
          code: 'INVALID_RESPONSE',
          status: response.status,
        })
      }
      return body.data
    },
  }
}
