import { buildASTSchema, parse, type OperationDefinitionNode } from 'graphql'
import { describe, expect, it } from 'vitest'
import { operationCost } from '../../src/graphql/guards.js'
import { loadTypeDefs } from '../../src/graphql/schema.js'

const schema = buildASTSchema(parse(loadTypeDefs().join('\n')))

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query)
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode
  return operationCost(schema, document, operation, variables)
}

describe('operationCost', () => {
  it('counts 1 per object, 0 per scalar', () => {
    expect(cost('{ shop(handle: "x") { name } }')).toBe(1)
    expect(cost('{ viewer { user { email } shop { name } } }')).toBe(3)
  })

  it('counts a connection as 2 + first, and its items once per page entry', () => {
    // 2 + 10 for the connection, plus 10 × (nodes item 1 + priceRange 1)
    expect(cost('{ shop(handle: "x") { products(first: 10) { nodes { title priceRange { min { amount } } } } } }')).toBe(
      1 + 2 + 10 + 10 * (1 + 1 + 1),
    )
  })

  it('uses the default page size of 20 when first is absent', () => {
    expect(cost('{ shop(handle: "x") { products { nodes { id } } } }')).toBe(1 + 2 + 20 + 20)
  })

  it('reads first from variables and from variable defaults', () => {
    const query = 'query Q($n: Int = 100) { shop(handle: "x") { products(first: $n) { nodes { id } } } }'
    expect(cost(query)).toBe(1 + 2 + 100 + 100)
    expect(cost(query, { n: 5 })).toBe(1 + 2 + 5 + 5)
  })

  it('never lets a negative or oversized page size lower the cost', () => {
    const heavy = '{ shop(handle: "x") { products(first: 100) { nodes { id } } } }'
    const decoy = 'query Q($n: Int) { shop(handle: "x") { products(first: $n) { nodes { id } } } }'
    expect(cost('{ shop(handle: "x") { products(first: -1000000) { nodes { id } } } }')).toBe(cost(heavy))
    expect(cost(decoy, { n: -5 })).toBe(cost(heavy))
    expect(cost(decoy, { n: 1_000_000 })).toBe(cost(heavy))
  })

  it('multiplies what nodes(ids:) selects by the number of ids', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `"gid://shopfront/Product/${i}"`).join(', ')
    expect(cost(`{ nodes(ids: [${ids}]) { ... on Product { variants { id } } } }`)).toBe(30 * (1 + 1))
    expect(cost('query Q($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['a', 'b', 'c'] })).toBe(3)
  })
})
