import { readFileSync } from 'node:fs'
import { Kind, parse } from 'graphql'
import { describe, expect, it } from 'vitest'
import { ruleMap } from '../../src/graphql/permissions.js'

// Every field the catalog contract declares (its own types and its extensions of Shop and Mutation).
const document = parse(readFileSync(new URL('../../schema/catalog.graphql', import.meta.url), 'utf8'))
const fields = document.definitions.flatMap((definition) =>
  definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION
    ? (definition.fields ?? []).map((field) => `${definition.name.value}.${field.name.value}`)
    : [],
)

describe('shield rules of the catalog', () => {
  it('name a rule for every catalog field (deny-by-default never decides silently)', () => {
    expect(fields.length).toBeGreaterThan(50)
    const missing = fields.filter((path) => {
      const [type, field] = path.split('.')
      return !(ruleMap[type] && (field in ruleMap[type] || '*' in ruleMap[type]))
    })
    expect(missing).toEqual([])
  })
})
