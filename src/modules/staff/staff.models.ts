// GraphQL parents of this module's types (codegen mappers): codegen.ts maps each `export type <Type>Model`
// below to the SDL type <Type>. Type-only: nothing here runs.
import type { Connection } from '../../shared/pagination.js'
import type { UserRow } from '../../shared/rows.js'

/** A Customer is the staff view of a user row. */
export type CustomerModel = UserRow
export type CustomerConnectionModel = Connection<UserRow>
