import {
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  valueFromASTUntyped,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql'
import { fragmentMemo, fragmentsOf } from './fragments.js'

// Operation cost (SPEC §6): object 1, scalar 0, connection 2 + first, a plain list times its bound,
// each item of a list input 1. Fragments are priced once per use without re-walking them.

export const DEFAULT_PAGE_SIZE = 20
export const MAX_PAGE_SIZE = 100

/**
 * The most items each plain list of the schema holds (SPEC §6): what the list holds is priced that
 * many times. A plain list missing here is priced as a page of 100; test/server/cost.test.ts
 * checks every plain list of the schema has a deliberate bound.
 */
export const PLAIN_LIST_BOUNDS: Readonly<Record<string, number>> = {
  'Product.variants': 100, // MAX_VARIANTS_PER_PRODUCT
  'Cart.lines': 100, // MAX_CART_LINES
  'Order.lines': 100, // copied from a cart at checkout
  'Order.events': 4, // placed, paid, fulfilled, refunded: the longest path of the status machine
  'ProductVariant.selectedOptions': 3, // MAX_OPTIONS
  'ShopReports.topCustomers': 100, // MAX_REPORT_ROWS (the `first` argument's maximum)
  'ShopReports.salesByDay': 366, // MAX_REPORT_DAYS: one row per day of the window
  'ShopReports.topVariants': 100, // MAX_REPORT_ROWS
}

/** Plain lists priced once: nothing below them is an object, so nothing can be amplified. */
const SCALAR_ONLY_LIST_TYPES = new Set(['UserError'])

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
    return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_PAGE_SIZE
      ? value
      : MAX_PAGE_SIZE
  }
  return DEFAULT_PAGE_SIZE
}

/**
 * How many items a plain list field returns at most: one per id for a list argument such as
 * `nodes(ids:)`, else the bound the contract sets for it. The `edges`/`nodes` of a connection
 * count once: the connection multiplies them by its page size.
 */
function listLength(
  parent: GraphQLNamedType,
  field: GraphQLField<unknown, unknown>,
  args: Arguments,
  variables: Record<string, unknown>,
): number {
  for (const arg of args ?? []) {
    const value = valueFromASTUntyped(arg.value, variables)
    if (Array.isArray(value)) return Math.max(1, value.length)
  }
  if (isConnection(parent) || SCALAR_ONLY_LIST_TYPES.has(getNamedType(field.type).name)) return 1
  return PLAIN_LIST_BOUNDS[`${parent.name}.${field.name}`] ?? MAX_PAGE_SIZE
}

/** Every item of every list in an input value (a mutation's list input costs 1 per item). */
function listItems(value: unknown): number {
  if (Array.isArray(value)) {
    let total = value.length
    for (const item of value) total += listItems(item)
    return total
  }
  if (value !== null && typeof value === 'object') {
    let total = 0
    for (const item of Object.values(value)) total += listItems(item)
    return total
  }
  return 0
}

/** The operation's variables as the executor will see them: the ones sent, else their defaults. */
function effectiveVariables(
  operation: OperationDefinitionNode,
  provided: Record<string, unknown>,
): Record<string, unknown> {
  const variables: Record<string, unknown> = {}
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value
    if (name in provided) variables[name] = provided[name]
    else if (definition.defaultValue) variables[name] = valueFromASTUntyped(definition.defaultValue)
  }
  return variables
}

/**
 * The cost of an operation: 1 per object, 0 per scalar, 2 + page size per connection, every
 * selection below a list multiplied by its length (a connection's page size, the number of ids of
 * `nodes`, a plain list's bound), and 1 per item of a mutation's list inputs. `first`/`last` and
 * list inputs are read from literals, variables and variable defaults. Each fragment is priced once.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  provided: Record<string, unknown> = {},
): number {
  const variables = effectiveVariables(operation, provided)
  const rootType =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType()
  if (!rootType) return 0
  const memo = fragmentMemo(fragmentsOf(document), 0)

  const costOf = (selectionSet: SelectionSetNode, parent: GraphQLNamedType): number => {
    let total = 0
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        // A fragment's cost depends only on its own type condition and the variables: price it once.
        total += memo(selection.name.value, (fragment) =>
          costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? parent),
        )
        continue
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const target = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? parent) : parent
        total += costOf(selection.selectionSet, target)
        continue
      }
      if (selection.name.value.startsWith('__')) continue
      let field: GraphQLField<unknown, unknown> | undefined
      if (isObjectType(parent) || isInterfaceType(parent)) field = parent.getFields()[selection.name.value]
      if (!field) continue
      if (parent === rootType && operation.operation === 'mutation') {
        for (const arg of selection.arguments ?? []) total += listItems(valueFromASTUntyped(arg.value, variables))
      }
      const namedType = getNamedType(field.type)
      if (!isCompositeType(namedType)) continue
      const children = selection.selectionSet ? costOf(selection.selectionSet, namedType) : 0
      if (isConnection(namedType)) {
        const size = pageSize(selection.arguments, variables)
        // edges/nodes inside the connection are counted once per item.
        total += 2 + size + children * size
      } else if (isListType(getNullableType(field.type))) {
        total += listLength(parent, field, selection.arguments, variables) * (1 + children)
      } else {
        total += 1 + children
      }
    }
    return total
  }
  return costOf(operation.selectionSet, rootType)
}
