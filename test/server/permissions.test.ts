import { buildASTSchema, isObjectType, parse } from 'graphql'
import { describe, expect, it } from 'vitest'
import { ruleMap } from '../../src/graphql/permissions.js'
import { loadTypeDefs } from '../../src/graphql/schema.js'

const schema = buildASTSchema(parse(loadTypeDefs().join('\n')))
const objectTypes = Object.values(schema.getTypeMap()).filter((type) => isObjectType(type) && !type.name.startsWith('__'))

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
