import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
} from 'graphql'
// graphql-js's own field collection (fragments, type conditions, @skip/@include), so a look ahead sees
// exactly the fields the executor will resolve. Internal to graphql 16 but exported from its package.
import { collectSubfields } from 'graphql/execution/collectFields.js'

/**
 * A field the client asked for below the one being resolved: its name, its arguments (variables
 * applied, defaults filled in, as the resolver will get them) and, for fields of object type, what
 * it selects in turn. Built lazily: only what a resolver looks at is collected.
 */
export interface RequestedField {
  readonly name: string
  /** The response key: the alias, or the name (what `info.path.key` is when the field resolves). */
  readonly key: string
  readonly args: Readonly<Record<string, unknown>>
  /** The fields selected on the field's value (empty for leaves). */
  selection(): Selection
}

/** What the client selected on an object: by response key. */
export type Selection = ReadonlyMap<string, RequestedField>

type Look = Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'variableValues'>

function selectionOf(look: Look, type: GraphQLObjectType, nodes: readonly FieldNode[]): Selection {
  const fields = new Map<string, RequestedField>()
  for (const [key, fieldNodes] of collectSubfields(look.schema, look.fragments, look.variableValues, type, nodes)) {
    const node = fieldNodes[0]
    const definition = type.getFields()[node.name.value]
    // __typename and the like: nothing to fetch.
    if (!definition) continue
    const named = getNamedType(definition.type)
    const fieldType = isObjectType(named) ? named : null
    let cached: Selection | null = null
    fields.set(key, {
      name: node.name.value,
      key,
      args: getArgumentValues(definition, node, look.variableValues),
      selection: () => (cached ??= fieldType ? selectionOf(look, fieldType, fieldNodes) : new Map()),
    })
  }
  return fields
}

/** What the client selected on the value of the field being resolved (its return type must be an object type). */
export function lookAhead(info: GraphQLResolveInfo): Selection {
  const type = getNamedType(info.returnType)
  if (!isObjectType(type)) return new Map()
  return selectionOf(info, type, info.fieldNodes)
}

/**
 * The node selection of a Relay connection: what the client asked of `nodes` and of `edges { node }`,
 * merged (the same object answers both). A key asked under both with different arguments cannot be
 * served by one embedded value: such a selection reports `conflict`.
 */
export function connectionNodes(connection: Selection): { fields: Selection; conflict: boolean } {
  const merged = new Map<string, RequestedField>()
  let conflict = false
  const add = (selection: Selection) => {
    for (const [key, field] of selection) {
      const seen = merged.get(key)
      if (!seen) merged.set(key, field)
      else if (seen.name !== field.name || JSON.stringify(seen.args) !== JSON.stringify(field.args)) conflict = true
    }
  }
  for (const field of connection.values()) {
    if (field.name === 'nodes') add(field.selection())
    if (field.name === 'edges')
      for (const edge of field.selection().values()) if (edge.name === 'node') add(edge.selection())
  }
  return { fields: merged, conflict }
}
