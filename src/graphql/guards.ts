import {
  GraphQLError,
  Kind,
  visit,
  type ASTVisitor,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql'
import { fragmentMemo, fragmentsOf } from './fragments.js'

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PLAIN_LIST_BOUNDS, operationCost } from './cost.js'

/**
 * The first reason the document's fragments cannot be expanded: a spread of an unknown fragment,
 * or a fragment that reaches itself. Null when every spread can be expanded. Linear in the document.
 */
export function fragmentProblem(document: DocumentNode): string | null {
  const fragments = fragmentsOf(document)
  const spreadsOf = (selectionSet: SelectionSetNode, into: string[] = []): string[] => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) into.push(selection.name.value)
      else if (selection.selectionSet) spreadsOf(selection.selectionSet, into)
    }
    return into
  }
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (name: string): string | null => {
    if (!fragments.has(name)) return `Unknown fragment "${name}"`
    const seen = state.get(name)
    if (seen === 'done') return null
    if (seen === 'visiting') return `Fragment "${name}" spreads itself`
    state.set(name, 'visiting')
    for (const spread of spreadsOf(fragments.get(name)!.selectionSet)) {
      const problem = visit(spread)
      if (problem) return problem
    }
    state.set(name, 'done')
    return null
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue
    for (const spread of spreadsOf(definition.selectionSet)) {
      const problem = visit(spread)
      if (problem) return problem
    }
  }
  for (const name of fragments.keys()) {
    const problem = visit(name)
    if (problem) return problem
  }
  return null
}

/** True when every fragment spread names a defined fragment and no fragment reaches itself. */
export function fragmentsAreSound(document: DocumentNode): boolean {
  return fragmentProblem(document) === null
}

/**
 * How deep an operation goes, counted as graphql-depth-limit counts: the root fields at depth 0,
 * one more per nested selection set, introspection fields (`__schema`...) not followed.
 */
export function operationDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  const memo = fragmentMemo(fragmentsOf(document), 0)
  const depthOf = (selectionSet: SelectionSetNode): number => {
    let deepest = 0
    for (const selection of selectionSet.selections) {
      let depth = 0
      if (selection.kind === Kind.FIELD) {
        if (selection.selectionSet && !selection.name.value.startsWith('__'))
          depth = 1 + depthOf(selection.selectionSet)
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        depth = depthOf(selection.selectionSet)
      } else {
        depth = memo(selection.name.value, (fragment) => depthOf(fragment.selectionSet))
      }
      if (depth > deepest) deepest = depth
    }
    return deepest
  }
  return depthOf(operation.selectionSet)
}

/**
 * At most `maxDepth` levels per operation (graphql-depth-limit's rule and message), each fragment
 * measured once however often it is spread.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      if (operationDepth(context.getDocument(), node) > maxDepth) {
        context.reportError(
          new GraphQLError(`'${node.name?.value ?? ''}' exceeds maximum operation depth of ${maxDepth}`, {
            nodes: [node],
          }),
        )
      }
      return false
    },
  })
}

/**
 * At most `max` aliased fields per document. An aliased `__typename` counts; the plain
 * `__typename` clients such as Apollo Client add to every selection does not.
 */
export function aliasLimitRule(max: number): ValidationRule {
  return (context) => {
    let count = 0
    let reported = false
    return {
      Field(node) {
        if (node.alias) count += 1
        if (count > max && !reported) {
          reported = true
          context.reportError(new GraphQLError(`Operation has more than ${max} aliases`, { nodes: [node] }))
        }
      },
    }
  }
}

/** At most `max` directives per document. */
export function directiveLimitRule(max: number): ValidationRule {
  return (context) => {
    let count = 0
    let reported = false
    return {
      Directive(node) {
        count += 1
        if (count > max && !reported) {
          reported = true
          context.reportError(new GraphQLError(`Operation has more than ${max} directives`, { nodes: [node] }))
        }
      },
    }
  }
}

/**
 * Refuses an operation whose root type the schema does not have (e.g. `subscription` on an API
 * without subscriptions). graphql-js 16 lets it through validation and fails it only at execution,
 * as an unexpected error.
 */
export const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema()
    const root =
      node.operation === 'query'
        ? schema.getQueryType()
        : node.operation === 'mutation'
          ? schema.getMutationType()
          : schema.getSubscriptionType()
    if (!root)
      context.reportError(new GraphQLError(`This API does not support ${node.operation} operations`, { nodes: [node] }))
    return false
  },
})

// ---- the pre-check, before graphql-js validation

/** Selections the document may have once its fragments are expanded (each spread counted in full). */
export const MAX_EXPANDED_SELECTIONS = 10_000
/**
 * Pairs of selections of the same response name at one level (fields merged through fragments, and
 * the sub-selections of fields merged by name), plus pairs of fragments spread at one level: the
 * work graphql-js's OverlappingFieldsCanBeMerged does is a few microseconds per pair, so 2,000
 * copies of one field (two million pairs) cost it half a second. 5,000 pairs stay near 10 ms.
 */
export const MAX_OVERLAPPING_PAIRS = 5_000

export interface DocumentShape {
  /** Selections (fields, fragment spreads, inline fragments) as written. */
  readonly written: number
  /** Fields after expanding every fragment spread of the operations (an upper bound on what executes). */
  readonly expanded: number
}

/** The size of a document as written and as expanded; linear in the document (fragments memoized). */
export function documentShape(document: DocumentNode): DocumentShape {
  const fragments = fragmentsOf(document)
  let written = 0
  const countWritten = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      written += 1
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) countWritten(selection.selectionSet)
    }
  }
  const memo = fragmentMemo(fragments, 0)
  const expandedIn = (selectionSet: SelectionSetNode): number => {
    let total = 0
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) total += 1 + (selection.selectionSet ? expandedIn(selection.selectionSet) : 0)
      else if (selection.kind === Kind.INLINE_FRAGMENT) total += expandedIn(selection.selectionSet)
      else total += memo(selection.name.value, (fragment) => expandedIn(fragment.selectionSet))
    }
    return total
  }
  let expanded = 0
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) {
      countWritten(definition.selectionSet)
    }
    if (definition.kind === Kind.OPERATION_DEFINITION) expanded += expandedIn(definition.selectionSet)
  }
  return { written, expanded }
}

/**
 * Pairs of same-named selections, level by level, as the executor merges them. Walks the expanded
 * document, so call it only once `documentShape(...).expanded` is known to be small and the
 * fragments sound; stops counting past `stopAt`.
 */
export function overlappingPairs(document: DocumentNode, stopAt = Number.POSITIVE_INFINITY): number {
  const fragments = fragmentsOf(document)
  let pairs = 0
  const level = (selectionSets: readonly SelectionSetNode[]): void => {
    const groups = new Map<string, SelectionSetNode[]>()
    const counts = new Map<string, number>()
    // As the executor does, a fragment spread twice at one level is collected once.
    const spread = new Set<string>()
    const collect = (selectionSet: SelectionSetNode): void => {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value
          const count = counts.get(key) ?? 0
          pairs += count
          counts.set(key, count + 1)
          if (selection.selectionSet) {
            const children = groups.get(key)
            if (children) children.push(selection.selectionSet)
            else groups.set(key, [selection.selectionSet])
          }
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          collect(selection.selectionSet)
        } else {
          const fragment = fragments.get(selection.name.value)
          if (fragment && !spread.has(fragment.name.value)) {
            // graphql-js also compares every pair of fragments spread at one level.
            pairs += spread.size
            spread.add(fragment.name.value)
            collect(fragment.selectionSet)
          }
        }
      }
    }
    for (const selectionSet of selectionSets) collect(selectionSet)
    for (const children of groups.values()) {
      if (pairs > stopAt) return
      level(children)
    }
  }
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) level([definition.selectionSet])
    if (pairs > stopAt) break
  }
  return pairs
}

/**
 * Checks a parsed document before graphql-js validates it, in time linear in its size: fragments
 * that cannot be expanded, an absurd expanded size, or so many same-named selections that
 * validation itself would be the attack. Answers the refusal's message, or null.
 */
export function precheckDocument(document: DocumentNode): string | null {
  const problem = fragmentProblem(document)
  if (problem) return problem
  const { expanded } = documentShape(document)
  if (expanded > MAX_EXPANDED_SELECTIONS) {
    return `Document expands to more than ${MAX_EXPANDED_SELECTIONS} selections once its fragments are spread`
  }
  const pairs = overlappingPairs(document, MAX_OVERLAPPING_PAIRS)
  if (pairs > MAX_OVERLAPPING_PAIRS) {
    return `Document repeats fields or fragments too often at one level (more than ${MAX_OVERLAPPING_PAIRS} overlapping pairs)`
  }
  return null
}

/**
 * The pre-check as a validation rule. It runs on the Document, before any other rule has seen a
 * selection set; on a refusal it reports it and hands the traversal an empty document in place of
 * the real one (a visitor that returns a node replaces the node it was given), so graphql-js's
 * own rules (OverlappingFieldsCanBeMerged above all) never walk the hostile one.
 */
export const precheckRule: ValidationRule = (context) => ({
  Document(node) {
    const refusal = precheckDocument(node)
    if (!refusal) return undefined
    context.reportError(new GraphQLError(refusal))
    return { kind: Kind.DOCUMENT, definitions: [] }
  },
})

// ---- NUL characters

/** The first place (`$input.lines.0.title`) where a NUL character hides in a value, or null. */
function nulInValue(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulInValue(item, `${path}.${i}`)
      if (found) return found
    }
    return null
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return path
      const found = nulInValue(item, `${path}.${key}`)
      if (found) return found
    }
  }
  return null
}

/**
 * Where a NUL character (U+0000) hides in the variables or in a string literal of the document:
 * PostgreSQL cannot store it in text, so it would fail deep in a query as an unexpected error,
 * and no argument of the API has a use for it. Null when there is none.
 */
export function nulCharacterIn(document: DocumentNode, variables: Record<string, unknown>): string | null {
  const inVariables = nulInValue(variables, '$')
  if (inVariables) return `variable ${inVariables.replace(/^\$\./, '$')}`
  let literal: string | null = null
  visit(document, {
    StringValue(node) {
      if (literal === null && node.value.includes('\u0000')) literal = 'a string literal'
    },
  })
  return literal
}
