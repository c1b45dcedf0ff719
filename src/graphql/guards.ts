import depthLimit from 'graphql-depth-limit'
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  valueFromASTUntyped,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql'

/**
 * True when every fragment spread names a defined fragment and no fragment reaches itself.
 * graphql-depth-limit follows spreads blindly: a cycle recurses until the stack overflows and an
 * unknown fragment throws, both crashing validation. We only hand it documents where neither can
 * happen; for the others graphql-js's own NoFragmentCycles / KnownFragmentNames rules report a
 * clean validation error.
 */
export function fragmentsAreSound(document: DocumentNode): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  }
  const spreadsOf = (selectionSet: SelectionSetNode, into: string[] = []): string[] => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) into.push(selection.name.value)
      else if (selection.selectionSet) spreadsOf(selection.selectionSet, into)
    }
    return into
  }
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (name: string): boolean => {
    const fragment = fragments.get(name)
    if (!fragment) return false
    const seen = state.get(name)
    if (seen === 'done') return true
    if (seen === 'visiting') return false
    state.set(name, 'visiting')
    for (const spread of spreadsOf(fragment.selectionSet)) if (!visit(spread)) return false
    state.set(name, 'done')
    return true
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue
    for (const spread of spreadsOf(definition.selectionSet)) if (!visit(spread)) return false
  }
  return [...fragments.keys()].every(visit)
}

/** graphql-depth-limit, made safe against fragment cycles and unknown fragments. */
export function depthLimitRule(maxDepth: number): ValidationRule {
  const inner = depthLimit(maxDepth) as unknown as ValidationRule
  return (context: ValidationContext): ASTVisitor => {
    if (fragmentsAreSound(context.getDocument())) inner(context)
    return {}
  }
}

/** At most `max` aliased fields and `__typename` selections per document. */
export function aliasLimitRule(max: number): ValidationRule {
  return (context) => {
    let count = 0
    let reported = false
    return {
      Field(node) {
        if (node.alias || node.name.value === '__typename') count += 1
        if (count > max && !reported) {
          reported = true
          context.reportError(new GraphQLError(`Operation has more than ${max} aliases (including __typename)`, { nodes: [node] }))
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

export const DEFAULT_PAGE_SIZE = 20
export const MAX_PAGE_SIZE = 100

function isConnection(type: GraphQLNamedType): boolean {
  return type.name.endsWith('Connection')
}

type Arguments = readonly { name: { value: string }; value: ValueNode }[] | undefined

function argumentValue(args: Arguments, name: string, variables: Record<string, unknown>): unknown {
  const arg = args?.find((a) => a.name.value === name)
  return arg ? valueFromASTUntyped(arg.value, variables) : undefined
}

/**
 * The page size a connection field will serve: `first`/`last` from a literal, a variable or the
 * variable's default; 20 when absent. A value outside 1–100 is refused by the resolver, but it is
 * costed as 100 here: a negative or huge number must never lower the cost of the rest.
 */
function pageSize(args: Arguments, variables: Record<string, unknown>): number {
  for (const name of ['first', 'last']) {
    const value = argumentValue(args, name, variables)
    if (value === undefined || value === null) continue
    return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_PAGE_SIZE ? value : MAX_PAGE_SIZE
  }
  return DEFAULT_PAGE_SIZE
}

/**
 * How many items a plain list field returns, when its arguments say so: `nodes(ids:)` returns one
 * per id. Other plain lists are the short, bounded ones of the contract (a product's variants, an
 * order's lines) and count once, as the cost model says.
 */
function listLength(args: Arguments, variables: Record<string, unknown>): number {
  for (const arg of args ?? []) {
    const value = valueFromASTUntyped(arg.value, variables)
    if (Array.isArray(value)) return Math.max(1, value.length)
  }
  return 1
}

/** The operation's variables as the executor will see them: the ones sent, else their defaults. */
function effectiveVariables(operation: OperationDefinitionNode, provided: Record<string, unknown>): Record<string, unknown> {
  const variables: Record<string, unknown> = {}
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value
    if (name in provided) variables[name] = provided[name]
    else if (definition.defaultValue) variables[name] = valueFromASTUntyped(definition.defaultValue)
  }
  return variables
}

/**
 * The cost of an operation: 1 per object, 0 per scalar, 2 + page size per connection, and every
 * selection below a list multiplied by its length (a connection's page size, the number of ids of
 * `nodes`). `first`/`last` are read from literals, variables and variable defaults.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  provided: Record<string, unknown> = {},
): number {
  const variables = effectiveVariables(operation, provided)
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d)
  const rootType =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType()
  if (!rootType) return 0

  const costOf = (selectionSet: SelectionSetNode, parent: GraphQLNamedType, seen: Set<string>): number => {
    let total = 0
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value)
        if (!fragment || seen.has(fragment.name.value)) continue
        const target = schema.getType(fragment.typeCondition.name.value) ?? parent
        total += costOf(fragment.selectionSet, target, new Set(seen).add(fragment.name.value))
        continue
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const target = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) ?? parent : parent
        total += costOf(selection.selectionSet, target, seen)
        continue
      }
      if (selection.name.value.startsWith('__')) continue
      let field: GraphQLField<unknown, unknown> | undefined
      if (isObjectType(parent) || isInterfaceType(parent)) field = parent.getFields()[selection.name.value]
      if (!field) continue
      const namedType = getNamedType(field.type)
      if (!isCompositeType(namedType)) continue
      const children = selection.selectionSet ? costOf(selection.selectionSet, namedType, seen) : 0
      if (isConnection(namedType)) {
        const size = pageSize(selection.arguments, variables)
        // edges/nodes inside the connection are counted once per item.
        total += 2 + size + children * size
      } else if (isListType(getNullableType(field.type))) {
        total += listLength(selection.arguments, variables) * (1 + children)
      } else {
        total += 1 + children
      }
    }
    return total
  }
  return costOf(operation.selectionSet, rootType, new Set())
}
