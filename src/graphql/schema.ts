import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { makeExecutableSchema } from '@graphql-tools/schema'
import {
  defaultFieldResolver,
  isIntrospectionType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql'
import { allow } from 'graphql-shield'
import { projectRoot } from '../shared/paths.js'
import { applyEmbeds } from './embed.js'
import { embeds } from './loaders.js'
import { ruleMap, shieldOptions } from './permissions.js'
import { resolvers } from './resolvers.js'
import type { RuleMap } from './rules.js'

// The same folder whether this runs from src/ (tsx) or from dist/src/ (compiled).
const schemaDir = path.join(projectRoot, 'schema')

/** The SDL of every `schema/*.graphql` file, in name order. */
export function loadTypeDefs(): string[] {
  return readdirSync(schemaDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(path.join(schemaDir, file), 'utf8'))
}

type Rule = RuleMap[string][string]

/**
 * Applies the graphql-shield rules the way `shield()` + graphql-middleware would (same rule
 * objects, same per-request rule cache, same fallback), but only where a rule can refuse: a field
 * whose rule is `allow` keeps its own resolver (or graphql-js's default one) with no wrapper, so
 * the scalars of every row stay synchronous. Any field without a rule gets the fallback (`deny`).
 * A rule for a type or field the schema does not have fails the build, as it did in shield.
 */
export function applyRules(schema: GraphQLSchema, rules: RuleMap): GraphQLSchema {
  const typeMap = schema.getTypeMap()
  const stale = Object.keys(rules).filter((name) => !isObjectType(typeMap[name]))
  if (stale.length) throw new Error(`shield rules for types the schema does not have: ${stale.join(', ')}`)
  const { fallbackRule, fallbackError } = shieldOptions
  for (const type of Object.values(typeMap)) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue
    const typeRules = rules[type.name] ?? {}
    const fields = type.getFields()
    const unknown = Object.keys(typeRules).filter((name) => name !== '*' && !(name in fields))
    if (unknown.length)
      throw new Error(`shield rules for fields the schema does not have: ${unknown.map((f) => `${type.name}.${f}`)}`)
    for (const field of Object.values(fields)) {
      const rule: Rule = typeRules[field.name] ?? typeRules['*'] ?? fallbackRule
      if (rule === allow) continue
      const resolve: GraphQLFieldResolver<unknown, Record<string, unknown>> = field.resolve ?? defaultFieldResolver
      field.resolve = async (parent, args, ctx, info) => {
        // graphql-shield's per-request cache of 'contextual' rules lives on the context.
        ctx._shield ??= { cache: {} }
        try {
          const verdict = await rule.resolve(parent, args, ctx, info, shieldOptions as never)
          if (verdict === true) return await resolve(parent, args, ctx, info)
          if (verdict === false) return fallbackError()
          return verdict
        } catch (error) {
          // allowExternalErrors: a resolver's own error passes through (formatError masks the unexpected).
          return error
        }
      }
    }
  }
  return schema
}

/** The executable schema, with the graphql-shield rules applied (deny by default). */
export function buildSchema(): GraphQLSchema {
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers as never })
  // Embeds first: the rules wrap outside them, so a field is guarded however it resolves.
  return applyRules(applyEmbeds(schema, embeds), ruleMap)
}
