import { GraphQLError, GraphQLScalarType, Kind } from 'graphql'

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } })
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A real calendar date `YYYY-MM-DD` (years 1000–9999), else BAD_USER_INPUT. */
function parseDate(value: unknown): string {
  const match = typeof value === 'string' ? DATE.exec(value) : null
  if (!match) throw invalid('Date must be a string "YYYY-MM-DD"')
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (year < 1000 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw invalid('Date is not a valid calendar date')
  }
  return value as string
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  serialize: (value) => String(value),
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid('Date must be a string "YYYY-MM-DD"')
    return parseDate(ast.value)
  },
})
