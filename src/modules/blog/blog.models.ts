// GraphQL parents of this module's types (codegen mappers): codegen.ts maps each `export type <Type>Model`
// below to the SDL type <Type>. Type-only: nothing here runs.
import type { CommentRow, PostRow } from '../../shared/rows.js'
import type { CommentConnection, PostConnection } from './blog.loaders.js'

export type PostModel = PostRow
export type CommentModel = CommentRow
export type PostConnectionModel = PostConnection
export type CommentConnectionModel = CommentConnection
