import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql'
import { sql, type AliasedExpression, type Expression } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Context } from './context.js'
import { NO_EMBEDS, type EmbedPlan } from '../shared/embed-plan.js'
import { connectionNodes, type RequestedField, type Selection } from './lookahead.js'

export type { EmbedPlan }

/**
 * Embedding: one SQL statement per known shape instead of one per level.
 *
 * A list resolver that knows what the client selected below it (`lookAhead`) asks `planEmbeds()` for
 * the fields of its rows that can be fetched inside its own statement: each such field contributes
 * a correlated subquery that builds the field's value as JSON in PostgreSQL (Kysely's
 * `jsonArrayFrom` / `jsonObjectFrom`), itself embedding what is selected below it. After the
 * statement, `attach()` turns each row's JSON into what the field's resolver would have returned
 * and keeps it on the row; the field's resolver (wrapped once, in `applyEmbeds`) answers with it and
 * never runs. Anything not embedded resolves as before (resolvers and DataLoaders), so an embed is
 * only ever a shortcut: dropping one changes the number of statements, never the answer.
 *
 * Rules an embed keeps:
 * - it is planned once per statement (`plan`), then reads each row's JSON (`read`);
 * - the subquery applies the same tenant and visibility filters as the loader it replaces (both are
 *   built from one repository function);
 * - its value is exactly what the resolver returns: whole rows (timestamps as Dates, bigints as
 *   strings), connections built by the same `toConnection`;
 * - it answers null from `plan()` for arguments it cannot serve, and the resolver runs instead.
 */
export interface Embed {
  /**
   * How this selection of the field is fetched inside the statement that reads its parents from
   * `parent` (the table name that statement reads, which the subquery correlates with); null to
   * leave the field to its resolver (arguments it cannot serve: the resolver reports them).
   */
  plan(ctx: Context, parent: string, field: RequestedField): EmbedPart | null
}

/** One embedded field of one statement. */
export interface EmbedPart {
  /** The field's value for the parent row, as an expression PostgreSQL evaluates to JSON. */
  readonly sql: Expression<unknown>
  /** The resolver's answer built from that JSON (parsed) for the parent row; undefined to run the resolver. */
  read(json: unknown, parent: Record<string, unknown>): unknown
}

/** Embeds by type and field name, from every module. */
export type EmbedMap = Readonly<Record<string, Readonly<Record<string, Embed>>>>

const EMBEDDED = Symbol('embedded')

type Row = Record<string, unknown> & { [EMBEDDED]?: Record<string, unknown> }

/** The column name an embedded field's JSON comes back in (not a valid GraphQL name: no field can read it). */
function column(key: string): string {
  return `$embed:${key}`
}

/**
 * What of `selection` (fields of one object type, whose rows the caller reads from `table`) can be
 * embedded in the caller's statement (the registry is `ctx.embeds`, every module's).
 */
export function planEmbeds(ctx: Context, typeName: string, table: string, selection: Selection): EmbedPlan {
  const forType = ctx.embeds[typeName]
  if (!forType) return NO_EMBEDS
  const parts: { key: string; part: EmbedPart; column: string }[] = []
  const selections: AliasedExpression<unknown, string>[] = []
  for (const field of selection.values()) {
    const part = forType[field.name]?.plan(ctx, table, field)
    if (!part) continue
    parts.push({ key: field.key, part, column: column(field.key) })
    selections.push(sql`${part.sql}`.as(column(field.key)))
  }
  if (!parts.length) return NO_EMBEDS
  return {
    selections,
    attach(rows) {
      for (const row of rows as Row[]) {
        const values: Record<string, unknown> = {}
        for (const { key, part, column: name } of parts) {
          values[key] = part.read(row[name], row)
          // Not `delete`: that would turn the row into a slow dictionary object for every later field read.
          row[name] = undefined
        }
        row[EMBEDDED] = values
      }
      return rows
    },
  }
}

/**
 * Wraps the resolver of every embeddable field once: a row that carries the field's embedded value
 * (under the field's response key) answers with it; any other row runs the resolver. Applied before
 * the shield rules, so a rule still guards the field whichever way it resolves.
 */
export function applyEmbeds(schema: GraphQLSchema, embeds: EmbedMap): GraphQLSchema {
  for (const [typeName, fields] of Object.entries(embeds)) {
    const type = schema.getType(typeName)
    if (!type || !('getFields' in type)) throw new Error(`embeds for a type the schema does not have: ${typeName}`)
    const definitions = type.getFields()
    for (const name of Object.keys(fields)) {
      const field = definitions[name] as { resolve?: GraphQLFieldResolver<unknown, unknown> } | undefined
      if (!field) throw new Error(`an embed for a field the schema does not have: ${typeName}.${name}`)
      const resolve = field.resolve ?? defaultFieldResolver
      field.resolve = (parent, args, ctx, info: GraphQLResolveInfo) => {
        const embedded = (parent as Row)[EMBEDDED]
        if (embedded !== undefined) {
          const value = embedded[info.path.key as string]
          if (value !== undefined) return value
        }
        return resolve(parent, args, ctx, info)
      }
    }
  }
  return schema
}

/** `new Date()` of each named column of a row read from JSON (PostgreSQL writes timestamptz as ISO 8601). */
export function datesIn<R>(json: Record<string, unknown>, columns: readonly string[]): R {
  for (const name of columns) {
    const value = json[name]
    if (typeof value === 'string') json[name] = new Date(value)
  }
  return json as R
}

/** Every module's embeds in one map (a type's fields may come from several modules). */
export function mergeEmbeds(maps: readonly (EmbedMap | undefined)[]): EmbedMap {
  const merged: Record<string, Record<string, Embed>> = {}
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map ?? {})) {
      for (const [name, embed] of Object.entries(fields)) {
        merged[typeName] ??= {}
        if (merged[typeName][name]) throw new Error(`two embeds for ${typeName}.${name}`)
        merged[typeName][name] = embed
      }
    }
  }
  return merged
}

/**
 * The embeds of what is selected on the nodes of a connection (`nodes` and `edges { node }`), whose
 * rows are read from `table`; none when the two ask one key with different arguments.
 */
export function planNodes(ctx: Context, typeName: string, table: string, connection: Selection): EmbedPlan {
  const nodes = connectionNodes(connection)
  return nodes.conflict ? NO_EMBEDS : planEmbeds(ctx, typeName, table, nodes.fields)
}

/**
 * The part of a list field (a plain list or a connection's page): `query`'s rows aggregated into a
 * JSON array (in the query's order), read back with `fromJson`, `below`'s embeds attached, and
 * handed to `build` (the connection, for a page) with the parent row.
 */
export function listPart<R extends object>(
  query: Expression<unknown>,
  below: EmbedPlan,
  fromJson: (json: Record<string, unknown>) => R,
  build: (rows: R[], parent: Record<string, unknown>) => unknown = (rows) => rows,
): EmbedPart {
  return {
    sql: jsonArrayFrom(query as Expression<object>),
    read: (json, parent) => build(below.attach((json as Record<string, unknown>[]).map(fromJson)), parent),
  }
}
