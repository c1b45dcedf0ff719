// GraphQL parents of this module's types (codegen mappers): codegen.ts maps each `export type <Type>Model`
// below to the SDL type <Type>. Type-only: nothing here runs.
import type { ProductRow, ProductVariantRow } from '../../shared/rows.js'
import type { ProductConnection } from './catalog.service.js'

export type ProductModel = ProductRow
export type ProductVariantModel = ProductVariantRow
export type ProductConnectionModel = ProductConnection
