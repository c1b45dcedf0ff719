// GraphQL parents of this module's types (codegen mappers): codegen.ts maps each `export type <Type>Model`
// below to the SDL type <Type>. Type-only: nothing here runs.
import type { Connection } from '../../shared/pagination.js'
import type { AuditEventRow } from '../../shared/rows.js'

export type AuditEventModel = AuditEventRow
export type AuditEventConnectionModel = Connection<AuditEventRow>
