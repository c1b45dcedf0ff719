import { GraphQLError, type GraphQLFormattedError } from 'graphql'
import { HeaderMap } from '@apollo/server'
import { unwrapResolverError } from '@apollo/server/errors'
import { RequestError } from '../shared/errors.js'

/**
 * A whole operation refused by the API's cost budget before it runs: THROTTLED, answered with
 * HTTP 429 and a Retry-After header (nothing executed, so the status can speak for the request).
 */
export function operationThrottled(
  message: string,
  retryAfterSeconds: number,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds))
  return new GraphQLError(message, {
    extensions: {
      code: 'THROTTLED',
      retryAfterSeconds: seconds,
      ...extensions,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) },
    },
  })
}

/** The codes an error may carry to the client unmasked: every one of them is thrown on purpose. */
const DELIBERATE_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'THROTTLED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
])

export const INTERNAL_ERROR_MESSAGE = 'Internal server error'

/** Whether an error reaching formatError was raised on purpose (and may be shown as it is). */
export function isDeliberate(error: unknown): boolean {
  const original = unwrapResolverError(error)
  if (original instanceof RequestError) return true
  if (!(original instanceof GraphQLError)) return false
  // A GraphQLError wrapping some other error (e.g. from a scalar or the executor) is not ours.
  if (original.originalError instanceof RequestError) return true
  if (original.originalError && !(original.originalError instanceof GraphQLError)) return false
  const code = original.extensions?.code
  return typeof code === 'string' && DELIBERATE_CODES.has(code)
}

/** graphql-js's "Did you mean ...?" hints, which name fields, arguments and enum values of the schema. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g

/**
 * Apollo's formatError: everything not thrown deliberately becomes a bare INTERNAL_SERVER_ERROR
 * (the original is logged with the request id by the logging plugin). Stack traces are dropped
 * in every mode: no SQL, constraint name, hostname or stack reaches a client. Without
 * `suggestions` (production) the "Did you mean" hints of graphql-js are cut from every message:
 * Apollo's hideSchemaDetailsFromClientErrors covers validation errors, but variable coercion
 * errors (`Field "titleContain" is not defined ... Did you mean "titleContains"?`) would still
 * reveal the schema that disabled introspection hides.
 */
export function createFormatError(options: { suggestions: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (!isDeliberate(error)) {
      return { message: INTERNAL_ERROR_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } }
    }
    const { stacktrace: _stack, http: _http, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>
    const message = options.suggestions ? formatted.message : formatted.message.replace(SUGGESTION, '')
    return { ...formatted, message, extensions }
  }
}

/** A RequestError as the GraphQLError Apollo needs where it does not wrap errors itself (context creation). */
export function toGraphQLError(error: RequestError): GraphQLError {
  return new GraphQLError(error.message, { extensions: error.extensions, originalError: error })
}

/** The production formatError: no suggestions. */
export const formatError = createFormatError({ suggestions: false })
