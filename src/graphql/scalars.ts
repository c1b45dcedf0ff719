import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql'
import { isCurrencyCode } from '../shared/money.js'

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } })
}

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || value.length > 40) throw invalid('DateTime must be an ISO 8601 string')
  // Require a date, a time and an offset: "2026-11-21T09:30:00Z" or "...+01:00".
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw invalid('DateTime must be an ISO 8601 date-time with an offset, e.g. "2026-11-21T09:30:00Z"')
  }
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) throw invalid('DateTime is not a valid instant')
  return date
}

export const DateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value))
    if (Number.isNaN(date.getTime())) throw new Error('DateTime cannot represent an invalid date')
    return date.toISOString()
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid('DateTime must be a string')
    return parseDateTime(ast.value)
  },
})

const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/
function parseDecimal(value: unknown): string {
  if (typeof value !== 'string' || !DECIMAL.test(value)) throw invalid('Decimal must be a string like "12.50"')
  return value
}

export const Decimal = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  serialize: (value) => String(value),
  parseValue: parseDecimal,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid('Decimal must be a string like "12.50"')
    return parseDecimal(ast.value)
  },
})

function parseCurrency(value: unknown): string {
  if (typeof value !== 'string' || !isCurrencyCode(value))
    throw invalid('CurrencyCode must be an ISO 4217 code like "EUR"')
  return value
}

export const CurrencyCode = new GraphQLScalarType<string, string>({
  name: 'CurrencyCode',
  serialize: (value) => String(value),
  parseValue: parseCurrency,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid('CurrencyCode must be a string')
    return parseCurrency(ast.value)
  },
})

/** Any JSON value, passed through as it is (audit diffs are stored as jsonb and read back parsed). */
export const JSONScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
})
