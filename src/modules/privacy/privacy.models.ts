// GraphQL parents of this module's types (codegen mappers): codegen.ts maps each `export type <Type>Model`
// below to the SDL type <Type>. Type-only: nothing here runs.
import type { DataExportRow } from './privacy.repository.js'

export type DataExportModel = DataExportRow
