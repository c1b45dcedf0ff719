import {
  buildASTSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  parse,
  type OperationDefinitionNode,
} from 'graphql'
import { describe, expect, it } from 'vitest'
import { PLAIN_LIST_BOUNDS, operationCost } from '../../src/graphql/guards.js'
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
    expect(
      cost('{ shop(handle: "x") { products(first: 10) { nodes { title priceRange { min { amount } } } } } }'),
    ).toBe(1 + 2 + 10 + 10 * (1 + 1 + 1))
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
    expect(cost(`{ nodes(ids: [${ids}]) { ... on Product { variants { id } } } }`)).toBe(30 * (1 + 100))
    expect(cost('query Q($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['a', 'b', 'c'] })).toBe(3)
  })
})

describe('operationCost: plain lists, fragments and list inputs', () => {
  it("multiplies what a product's variants hold by their bound of 100", () => {
    expect(cost('{ shop(handle: "x") { product(handle: "p") { variants { id } } } }')).toBe(1 + 1 + 100)
    // Each variants list multiplies everything below it: a million objects are priced as such.
    expect(
      cost(
        '{ shop(handle: "x") { product(handle: "p") { variants { product { variants { product { variants { id } } } } } } } }',
      ),
    ).toBe(1 + 1 + 100 * (1 + 1 + 100 * (1 + 1 + 100)))
  })

  it('bounds cart and order lines by 100 and order events by 4', () => {
    expect(cost('{ viewer { cart { lines { variant { id } } } } }')).toBe(1 + 1 + 100 * 2)
    expect(cost('{ viewer { order(number: 1) { lines { title } events { status } } } }')).toBe(1 + 1 + 100 + 4)
  })

  it('counts userErrors and the edges/nodes of a connection once (the connection multiplies them)', () => {
    expect(cost('mutation { sessionRevoke(input: { refreshToken: "x" }) { userErrors { code } } }')).toBe(1 + 1)
    expect(cost('{ shop(handle: "x") { products(first: 10) { edges { node { id } } } } }')).toBe(1 + 2 + 10 + 10 * 2)
  })

  it('gives every plain list of the schema a deliberate bound', () => {
    const unbounded: string[] = []
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type)) || !isCompositeType(getNamedType(field.type))) continue
        const key = `${type.name}.${field.name}`
        const handled =
          key in PLAIN_LIST_BOUNDS ||
          type.name.endsWith('Connection') ||
          getNamedType(field.type).name === 'UserError' ||
          key === 'Query.nodes'
        if (!handled) unbounded.push(key)
      }
    }
    expect(unbounded).toEqual([])
  })

  it('prices a fragment spread in several places once per use', () => {
    const query =
      '{ viewer { ...V } shop(handle: "x") { ...S } } fragment V on Viewer { user { id } } fragment S on Shop { products(first: 5) { nodes { ...P } } } fragment P on Product { variants { id } }'
    expect(cost(query)).toBe(1 + 1 + 1 + (2 + 5 + 5 * (1 + 100)))
  })

  it("charges 1 per item of a mutation's list input, from literals and from variables", () => {
    const literal = 'mutation { cartLinesRemove(input: { lineIds: ["a", "b", "c"] }) { cart { id } } }'
    expect(cost(literal)).toBe(3 + 1 + 1)
    const variable =
      'mutation M($input: CartLinesUpdateInput!) { cartLinesUpdate(input: $input) { userErrors { field } } }'
    const lines = Array.from({ length: 250 }, (_, i) => ({ lineId: `gid://shopfront/CartLine/${i}`, quantity: 1 }))
    expect(cost(variable, { input: { lines } })).toBe(250 + 1 + 1)
  })

  it('prices 30 aliased cartLinesUpdate sharing one 250-line variable over the 5,000 limit', () => {
    const fields = Array.from(
      { length: 30 },
      (_, i) => `u${i}: cartLinesUpdate(input: $input) { userErrors { field } }`,
    ).join(' ')
    const lines = Array.from({ length: 250 }, (_, i) => ({ lineId: `gid://shopfront/CartLine/${i}`, quantity: 1 }))
    expect(cost(`mutation M($input: CartLinesUpdateInput!) { ${fields} }`, { input: { lines } })).toBe(30 * 252)
  })
})
