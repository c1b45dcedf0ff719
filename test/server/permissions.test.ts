import { makeExecutableSchema } from '@graphql-tools/schema'
import { buildASTSchema, graphql, isObjectType, parse, type GraphQLObjectType } from 'graphql'
import { allow } from 'graphql-shield'
import { describe, expect, it } from 'vitest'
import { ruleMap } from '../../src/graphql/permissions.js'
import { signedIn } from '../../src/graphql/rules.js'
import { applyRules, buildSchema, loadTypeDefs } from '../../src/graphql/schema.js'

const schema = buildASTSchema(parse(loadTypeDefs().join('\n')))
const objectTypes = Object.values(schema.getTypeMap()).filter(
  (type) => isObjectType(type) && !type.name.startsWith('__'),
)

describe('graphql-shield rule map', () => {
  it('has an explicit rule for every field of every root and object type', () => {
    const missing: string[] = []
    for (const type of objectTypes) {
      if (!isObjectType(type)) continue
      const rules = ruleMap[type.name] ?? {}
      for (const field of Object.keys(type.getFields())) {
        if (!(field in rules) && !('*' in rules)) missing.push(`${type.name}.${field}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('has no rule for a type or field the schema does not have (no stale rules)', () => {
    const stale: string[] = []
    for (const [typeName, fields] of Object.entries(ruleMap)) {
      const type = schema.getType(typeName)
      if (!type || !isObjectType(type)) {
        stale.push(typeName)
        continue
      }
      for (const field of Object.keys(fields)) {
        if (field !== '*' && !(field in type.getFields())) stale.push(`${typeName}.${field}`)
      }
    }
    expect(stale).toEqual([])
  })
})

describe('applying the rules', () => {
  const typeDefs = 'type Query { open: String, guarded: String, forgotten: String }'
  const build = () =>
    applyRules(
      makeExecutableSchema({
        typeDefs,
        resolvers: { Query: { open: () => 'o', guarded: () => 'g', forgotten: () => 'f' } },
      }),
      { Query: { open: allow, guarded: signedIn } },
    )
  const run = (contextValue: object) => graphql({ schema: build(), source: '{ open guarded forgotten }', contextValue })

  it('denies a field that has no rule with FORBIDDEN (deny by default)', async () => {
    const result = await run({ viewer: { userId: 'u' } })
    expect(result.errors?.map((e) => [e.path?.join('.'), e.extensions.code])).toEqual([['forgotten', 'FORBIDDEN']])
    expect(result.data).toEqual({ open: 'o', guarded: 'g', forgotten: null })
  })

  it('refuses a rule-guarded field to a caller the rule refuses', async () => {
    const result = await run({ viewer: null })
    expect(result.errors?.map((e) => [e.path?.join('.'), e.extensions.code])).toContainEqual([
      'guarded',
      'UNAUTHENTICATED',
    ])
    expect(result.data?.open).toBe('o')
  })

  it('leaves fields whose rule is allow without any wrapper', () => {
    const schema = buildSchema()
    const product = schema.getType('Product') as GraphQLObjectType
    // No resolver of its own: graphql-js's default (synchronous) resolver reads the row.
    expect(product.getFields().title.resolve).toBeUndefined()
    expect(product.getFields().deletedAt.resolve).toBeTypeOf('function')
  })

  it('refuses a rule for a field the schema does not have', () => {
    const schema = makeExecutableSchema({ typeDefs })
    expect(() => applyRules(schema, { Query: { open: allow, nowhere: allow } })).toThrow(/Query.nowhere/)
  })
})
