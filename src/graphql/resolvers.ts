import { GraphQLScalarType } from 'graphql'
import type { Resolvers } from '../generated/graphql.js'
import { modules } from '../modules/index.js'
import { currencyScale, formatDecimal } from '../shared/money.js'
import { nodeTypeName, resolveNode, resolveNodes } from './node.js'
import { CurrencyCode, DateTime, Decimal, JSONScalar } from './scalars.js'

/** Resolvers of base.graphql: scalars, Node, Money. */
const baseResolvers: Resolvers = {
  DateTime,
  Decimal,
  CurrencyCode,
  JSON: JSONScalar,
  Query: {
    node: (_parent, { id }, ctx) => resolveNode(ctx, id),
    nodes: (_parent, { ids }, ctx) => resolveNodes(ctx, ids),
  },
  Node: {
    __resolveType: (value) => nodeTypeName(value),
  },
  Money: {
    amount: (money) => formatDecimal(money.amountMinor, currencyScale(money.currencyCode)),
    currencyCode: (money) => money.currencyCode,
  },
}

/** Merges the modules' resolver maps type by type; a field defined twice is a bug. */
function mergeResolvers(...maps: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown> | unknown> = {}
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      const existing = merged[type]
      if (existing === undefined) {
        merged[type] = fields
        continue
      }
      if (existing instanceof GraphQLScalarType || fields instanceof GraphQLScalarType) {
        throw new Error(`resolvers for ${type} are defined twice`)
      }
      for (const field of Object.keys(fields)) {
        if (field in (existing as object)) throw new Error(`resolver ${type}.${field} is defined twice`)
      }
      merged[type] = { ...(existing as object), ...fields }
    }
  }
  return merged as Resolvers
}

/** Every resolver: base.graphql's and each registered module's. */
export const resolvers = mergeResolvers(baseResolvers, ...modules.map((module) => module.resolvers))
