import type { AliasedExpression } from 'kysely'

/**
 * What a list's statement embeds for the fields selected below it (built by graphql/embed.ts
 * `planEmbeds`; services and repositories take it without knowing GraphQL): extra select
 * expressions, and how to unpack them onto the rows once the statement has run.
 */
export interface EmbedPlan {
  /** Extra select expressions for the statement that reads the rows. */
  readonly selections: readonly AliasedExpression<unknown, string>[]
  /** Moves each row's embedded values onto the row, in the shape the fields' resolvers return. */
  attach<R extends object>(rows: R[]): R[]
}

/** A plan that embeds nothing. */
export const NO_EMBEDS: EmbedPlan = { selections: [], attach: (rows) => rows }
