// GraphQL parents of this module's types (codegen mappers): codegen.ts maps each `export type <Type>Model`
// below to the SDL type <Type>. Type-only: nothing here runs.
import type { ReviewRow } from '../../shared/rows.js'
import type { ReviewConnection } from './reviews.loaders.js'

export type ReviewModel = ReviewRow
export type ReviewConnectionModel = ReviewConnection
