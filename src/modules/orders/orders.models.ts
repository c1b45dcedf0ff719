// GraphQL parents of this module's types (codegen mappers): codegen.ts maps each `export type <Type>Model`
// below to the SDL type <Type>. Type-only: nothing here runs.
import type { CartLineRow, CartRow, OrderEventRow, OrderLineRow, OrderRow } from '../../shared/rows.js'
import type { OrderConnection } from './orders.service.js'

export type CartModel = CartRow
export type CartLineModel = CartLineRow
export type OrderModel = OrderRow
export type OrderLineModel = OrderLineRow
export type OrderEventModel = OrderEventRow
export type OrderConnectionModel = OrderConnection
