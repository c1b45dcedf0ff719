import {
  Kind,
  buildASTSchema,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type OperationDefinitionNode,
} from 'graphql'
import { describe, expect, it } from 'vitest'
import {
  MAX_EXPANDED_SELECTIONS,
  aliasLimitRule,
  depthLimitRule,
  documentShape,
  knownOperationTypesRule,
  operationCost,
  operationDepth,
  overlappingPairs,
  precheckDocument,
} from '../../src/graphql/guards.js'
import { loadTypeDefs } from '../../src/graphql/schema.js'
import { fragmentExplosion } from '../support/hostile.js'

const schema = buildASTSchema(parse(loadTypeDefs().join('\n')))

/**
 * Parses `source` and counts every read of a selection set's selections: the work of a walk over
 * the document, whatever it computes.
 */
function instrumented(source: string): { document: DocumentNode; reads: () => number; selectionSets: number } {
  const document = parse(source, { noLocation: true })
  let reads = 0
  let selectionSets = 0
  const wrap = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(wrap)
    if (!node || typeof node !== 'object') return
    for (const value of Object.values(node)) wrap(value)
    if ((node as { kind?: string }).kind === Kind.SELECTION_SET) {
      selectionSets += 1
      const selections = (node as { selections: unknown }).selections
      Object.defineProperty(node, 'selections', {
        get: () => {
          reads += 1
          return selections
        },
      })
    }
  }
  wrap(document)
  return { document, reads: () => reads, selectionSets }
}

const operationOf = (document: DocumentNode) =>
  document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode

describe('walks over a fragment explosion', () => {
  // 70 levels fit in 2,000 tokens and expand to 10^70 copies: walking each spread path would never end.
  const levels = 70

  it('prices the document reading each selection set once', () => {
    const { document, reads, selectionSets } = instrumented(fragmentExplosion(levels))
    expect(operationCost(schema, document, operationOf(document))).toBeGreaterThan(1e69)
    expect(reads()).toBe(selectionSets)
  })

  it('measures its depth reading each selection set once', () => {
    const { document, reads, selectionSets } = instrumented(fragmentExplosion(levels))
    expect(operationDepth(document, operationOf(document))).toBe(2)
    expect(reads()).toBe(selectionSets)
  })

  it('refuses it in the pre-check, reading each selection set a bounded number of times', () => {
    const { document, reads, selectionSets } = instrumented(fragmentExplosion(levels))
    expect(precheckDocument(document)).toMatch(/expands to more than 10000 selections/)
    expect(reads()).toBeLessThanOrEqual(4 * selectionSets)
  })

  it('knows its expanded size without expanding it', () => {
    expect(documentShape(parse(fragmentExplosion(7))).expanded).toBe(3 * 10 ** 7)
    expect(documentShape(parse(fragmentExplosion(3))).expanded).toBeLessThanOrEqual(MAX_EXPANDED_SELECTIONS)
  })

  it('runs the depth rule inside validation, reporting the limit', () => {
    const deep = parse('{ viewer { ...A } } fragment A on Viewer { user { ...B } } fragment B on User { id }')
    expect(validate(schema, deep, [depthLimitRule(1)]).map((e) => e.message)).toEqual([
      "'' exceeds maximum operation depth of 1",
    ])
    expect(validate(schema, deep, [depthLimitRule(2)])).toEqual([])
  })

  it('survives a fragment cycle in the depth rule (graphql-js reports the cycle)', () => {
    const cyclic = parse('{ viewer { ...A } } fragment A on Viewer { user { id } ...B } fragment B on Viewer { ...A }')
    const messages = validate(schema, cyclic, [...specifiedRules, depthLimitRule(10)]).map((e) => e.message)
    expect(messages.some((m) => /Cannot spread fragment "A" within itself/.test(m))).toBe(true)
  })
})

describe('the pre-check of repeated fields', () => {
  it('refuses 1,985 copies of one field before validation', () => {
    const document = parse(`{ ${Array(1985).fill('__typename').join(' ')} nope }`, { maxTokens: 2000 })
    expect(overlappingPairs(document)).toBe((1985 * 1984) / 2)
    expect(precheckDocument(document)).toMatch(/repeats fields or fragments too often/)
  })

  it('counts fields merged through inline fragments and fragments, level by level', () => {
    const document = parse(
      '{ viewer { user { id } } ... on Query { viewer { user { id } } } ...Q } fragment Q on Query { viewer { id: __typename } }',
    )
    // viewer: 3 copies (3 pairs); user: 2 (1); id: 2 (1); the fragment against nothing else.
    expect(overlappingPairs(document)).toBe(3 + 1 + 1)
  })

  it('counts pairs of fragments spread at one level, once per fragment', () => {
    const fragments = Array.from({ length: 10 }, (_, i) => `fragment V${i} on Viewer { a${i}: __typename }`).join(' ')
    const spreads = Array.from({ length: 10 }, (_, i) => `...V${i} ...V${i}`).join(' ')
    expect(overlappingPairs(parse(`{ viewer { ${spreads} } } ${fragments}`))).toBe(45)
  })

  it('accepts what a client such as Apollo Client sends', () => {
    const document = parse(
      'query Page($h: String!) { shop(handle: $h) { __typename id products(first: 20) { __typename nodes { __typename id ...Card ...Price } } } } ' +
        'fragment Card on Product { __typename id title } fragment Price on Product { __typename id priceRange { min { amount } } }',
    )
    expect(precheckDocument(document)).toBeNull()
  })

  it('refuses an unknown fragment or a cycle before anything expands it', () => {
    expect(precheckDocument(parse('{ ...Missing }'))).toBe('Unknown fragment "Missing"')
    expect(
      precheckDocument(
        parse(
          '{ ...A } fragment A on Query { viewer { ...B } } fragment B on Viewer { user { id } } fragment C on Query { ...C }',
        ),
      ),
    ).toBe('Fragment "C" spreads itself')
  })
})

describe('alias limit and operation types', () => {
  const aliases = (document: string) => validate(schema, parse(document), [aliasLimitRule(2)]).length

  it('does not count the plain __typename a client adds to every selection', () => {
    expect(aliases('{ __typename viewer { __typename user { __typename } } a: viewer { __typename } }')).toBe(0)
  })

  it('counts an aliased __typename', () => {
    expect(aliases('{ a: __typename b: __typename c: __typename }')).toBe(1)
  })

  it('refuses a subscription on a schema without subscriptions', () => {
    const errors = validate(schema, parse('subscription { shop(handle: "x") { id } }'), [knownOperationTypesRule])
    expect(errors.map((e) => e.message)).toEqual(['This API does not support subscription operations'])
  })
})
