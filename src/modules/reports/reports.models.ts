// GraphQL parents of this module's types (codegen mappers): codegen.ts maps each `export type <Type>Model`
// below to the SDL type <Type>. Type-only: nothing here runs.
import type { ShopRow } from '../../shared/rows.js'
import type { DailySalesRow, TopCustomerRow, TopVariantRow } from './reports.repository.js'

/** The reports of one shop hang off the shop row itself. */
export type ShopReportsModel = ShopRow
export type TopCustomerModel = TopCustomerRow
export type DailySalesModel = DailySalesRow
export type TopVariantModel = TopVariantRow
