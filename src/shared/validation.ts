import { userError, type UserError } from './errors.js'

/** Length in Unicode code points, as PostgreSQL's char_length (and the CHECK constraints) count it. */
export function charLength(text: string): number {
  let length = 0
  for (const _ of text) length += 1
  return length
}

/**
 * Checks a text input's length in code points, pushing an INVALID_INPUT naming `field` when it is
 * out of range; answers the value trimmed (unless `trim: false`).
 */
export function checkLength(
  value: string,
  field: string[],
  label: string,
  bounds: { min: number; max: number; trim?: boolean },
  errors: UserError[],
): string {
  const text = bounds.trim === false ? value : value.trim()
  const length = charLength(text)
  if (length < bounds.min || length > bounds.max) {
    const range = bounds.min === 0 ? `at most ${bounds.max}` : `${bounds.min}–${bounds.max}`
    errors.push(userError('INVALID_INPUT', `${label} must be ${range} characters`, field))
  }
  return text
}

// C0 and C1 controls (CR, LF, TAB, DEL, ...), the Unicode line and paragraph separators, and the
// bidirectional overrides and isolates that make text read differently from what it is.
const CONTROL = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u

/** Whether text has characters that have no place in a name: line breaks, controls, bidi overrides. */
export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text)
}
