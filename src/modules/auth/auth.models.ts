// GraphQL parents of this module's types (codegen mappers): codegen.ts maps each `export type <Type>Model`
// below to the SDL type <Type>. Type-only: nothing here runs.
import type { ShopRow, UserRow } from '../../shared/rows.js'
import type { SessionTokens } from './session.service.js'

export type ShopModel = ShopRow
export type UserModel = UserRow
export type SessionModel = SessionTokens
