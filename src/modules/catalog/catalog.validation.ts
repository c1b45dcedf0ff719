// The catalog's input checks (every error names its field) and the preconditions its writes share.
import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { userError, type UserError } from '../../shared/errors.js'
import { currencyScale, parseDecimal } from '../../shared/money.js'
import type { RequestScope } from '../../shared/scope.js'
import { checkLength } from '../../shared/validation.js'
import { isStaff } from '../../shared/viewer.js'
import { findShopById } from '../auth/auth.service.js'

export const MAX_VARIANTS_PER_PRODUCT = 100
const MAX_OPTIONS = 3
const MAX_DESCRIPTION = 20_000
const HANDLE = /^[a-z0-9]([a-z0-9-]{0,98}[a-z0-9])?$/
const SKU = /^\S{1,64}$/
/** Stock stays within 0…10^9 (a CHECK constraint too), so stock + delta never overflows. */
export const MAX_STOCK = 1_000_000_000
/** Prices stay below 1,000,000,000 units of the currency. */
const MAX_PRICE_MAJOR = 1_000_000_000n

/** The services are reached only through staff-only mutations; anything else is a wiring bug. */
export function staffShopOf(scope: RequestScope): string {
  if (!scope.viewer || !isStaff(scope.viewer)) throw new Error('catalog write attempted by a non-staff viewer')
  return scope.viewer.shopId
}

/** The currency of the staff member's shop: input prices are parsed with its minor-unit scale. */
export async function currencyOfShop(db: Kysely<DB>, shopId: string): Promise<string> {
  const shop = await findShopById(db, shopId)
  if (!shop) throw new Error(`shop ${shopId} of a signed-in staff member is missing`)
  return shop.currency_code
}

export function checkTitle(value: string, field: string[], errors: UserError[]): string {
  return checkLength(value, field, 'Title', { min: 1, max: 200 }, errors)
}

export function checkHandle(value: string, field: string[], errors: UserError[]): string {
  const handle = value.trim()
  if (!HANDLE.test(handle)) {
    errors.push(userError('INVALID_INPUT', 'Handle must be 1–100 lowercase letters, digits and inner dashes', field))
  }
  return handle
}

export function checkDescription(value: string, field: string[], errors: UserError[]): string {
  if (value.length > MAX_DESCRIPTION) {
    errors.push(userError('INVALID_INPUT', `Description must be at most ${MAX_DESCRIPTION} characters`, field))
  }
  return value
}

export function checkSku(value: string, field: string[], errors: UserError[]): string {
  const sku = value.trim()
  if (!SKU.test(sku)) errors.push(userError('INVALID_INPUT', 'SKU must be 1–64 characters without spaces', field))
  return sku
}

export function checkPrice(value: string, currencyCode: string, field: string[], errors: UserError[]): bigint {
  const scale = currencyScale(currencyCode)
  const minor = parseDecimal(value, scale)
  if (minor === null) {
    errors.push(userError('INVALID_INPUT', `Price must be a decimal amount with at most ${scale} decimals`, field))
    return 0n
  }
  if (minor < 0n) errors.push(userError('INVALID_INPUT', 'Price must be at least 0', field))
  else if (minor >= MAX_PRICE_MAJOR * 10n ** BigInt(scale)) {
    errors.push(userError('INVALID_INPUT', 'Price must be less than 1,000,000,000', field))
  }
  return minor
}

export function checkQuantity(value: number, field: string[], errors: UserError[]): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_STOCK) {
    errors.push(userError('INVALID_INPUT', `Quantity must be an integer from 0 to ${MAX_STOCK}`, field))
  }
  return value
}

export function checkReason(value: string, field: string[], errors: UserError[]): string {
  const reason = value.trim()
  if (reason.length < 1 || reason.length > 200)
    errors.push(userError('INVALID_INPUT', 'Reason must be 1–200 characters', field))
  return reason
}

export interface SelectedOption {
  name: string
  value: string
}

export function checkOptions(
  options: readonly SelectedOption[],
  field: string[],
  errors: UserError[],
): SelectedOption[] {
  if (options.length > MAX_OPTIONS) {
    errors.push(userError('INVALID_INPUT', `A variant has at most ${MAX_OPTIONS} options`, field))
    return []
  }
  const seen = new Set<string>()
  return options.map((option, i) => {
    const name = option.name.trim()
    const value = option.value.trim()
    if (name.length < 1 || name.length > 50) {
      errors.push(userError('INVALID_INPUT', 'Option name must be 1–50 characters', [...field, String(i), 'name']))
    } else if (seen.has(name.toLowerCase())) {
      errors.push(
        userError('INVALID_INPUT', 'Option names must be unique within a variant', [...field, String(i), 'name']),
      )
    }
    seen.add(name.toLowerCase())
    if (value.length < 1 || value.length > 100) {
      errors.push(userError('INVALID_INPUT', 'Option value must be 1–100 characters', [...field, String(i), 'value']))
    }
    return { name, value }
  })
}

export function defaultVariantTitle(options: readonly SelectedOption[]): string {
  return (options.map((o) => o.value).join(' / ') || 'Default').slice(0, 200)
}

export interface VariantInput {
  sku: string
  title?: string | null
  selectedOptions?: readonly SelectedOption[] | null
  price: string
  quantity?: number | null
}

export interface CheckedVariant {
  sku: string
  title: string
  options: SelectedOption[]
  priceMinor: bigint
  stock: number
}

export function checkVariant(
  input: VariantInput,
  currencyCode: string,
  path: string[],
  errors: UserError[],
): CheckedVariant {
  const sku = checkSku(input.sku, [...path, 'sku'], errors)
  const options = checkOptions(input.selectedOptions ?? [], [...path, 'selectedOptions'], errors)
  const title = input.title != null ? checkTitle(input.title, [...path, 'title'], errors) : defaultVariantTitle(options)
  const priceMinor = checkPrice(input.price, currencyCode, [...path, 'price'], errors)
  const stock = checkQuantity(input.quantity ?? 0, [...path, 'quantity'], errors)
  return { sku, title, options, priceMinor, stock }
}

export function variantRow(shopId: string, productId: string, position: number, v: CheckedVariant) {
  return {
    shop_id: shopId,
    product_id: productId,
    position,
    sku: v.sku,
    title: v.title,
    options: JSON.stringify(v.options),
    price_minor: v.priceMinor.toString(),
    stock: v.stock,
  }
}

export const PRODUCT_NOT_FOUND = (field: string[]) => userError('NOT_FOUND', 'No such product in this shop', field)
export const VARIANT_NOT_FOUND = (field: string[]) => userError('NOT_FOUND', 'No such variant in this shop', field)
export const PRODUCT_DELETED = (field: string[]) =>
  userError('INVALID_STATE', 'The product is deleted; restore it before changing it', field)
