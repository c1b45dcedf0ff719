/** Money inside the app: integer minor units (never a float) and the shop's currency. */
export interface MoneyValue {
  /** Minor units (cents): a number, bigint, or the string PostgreSQL returns for bigint. */
  readonly amountMinor: number | bigint | string
  readonly currencyCode: string
}

// Building an Intl.NumberFormat costs tens of microseconds and Money fields are resolved for every
// row: each currency's scale is computed once per process (there are fewer than 200 codes).
const scales = new Map<string, number>()

/** Minor-unit digits of a currency (EUR 2, JPY 0, BHD 3), from ICU; computed once per currency. */
export function currencyScale(currencyCode: string): number {
  let scale = scales.get(currencyCode)
  if (scale === undefined) {
    scale = computeScale(currencyCode)
    if (scales.size < 1000) scales.set(currencyCode, scale)
  }
  return scale
}

function computeScale(currencyCode: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency: currencyCode }).resolvedOptions()
        .maximumFractionDigits ?? 2
    )
  } catch {
    return 2
  }
}

/** Formats minor units as an exact decimal string: 1250 EUR -> "12.50", -5 -> "-0.05", 7 JPY -> "7". */
export function formatDecimal(amountMinor: number | bigint | string, scale: number): string {
  const value = BigInt(amountMinor)
  const negative = value < 0n
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0')
  const whole = digits.slice(0, digits.length - scale)
  const fraction = scale > 0 ? '.' + digits.slice(digits.length - scale) : ''
  return (negative ? '-' : '') + whole + fraction
}

/** Parses a decimal string into minor units; null when malformed or more precise than the currency. */
export function parseDecimal(text: string, scale: number): bigint | null {
  const match = /^(-)?(\d{1,15})(?:\.(\d+))?$/.exec(text.trim())
  if (!match) return null
  const fraction = match[3] ?? ''
  if (fraction.length > scale) return null
  const minor = BigInt(match[2] + fraction.padEnd(scale, '0'))
  return match[1] ? -minor : minor
}

/** A currency code ICU knows (ISO 4217). */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false
  currencyCodes ??= new Set(
    (Intl as unknown as { supportedValuesOf(key: string): string[] }).supportedValuesOf('currency'),
  )
  return currencyCodes.has(code)
}

let currencyCodes: Set<string> | undefined
