// The one slug rule: how a handle (the URL name of a product, a post...) is derived from a title.

// Latin letters that do not decompose into a base letter and accents.
const TRANSLITERATION: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', đ: 'd', ł: 'l', þ: 'th' }

/** A derived handle leaves room for a `-<n>` suffix under every handle limit (100). */
export const DERIVED_HANDLE_MAX = 80

/**
 * A URL-safe handle from a title: lower case ASCII letters and digits, words joined by one dash,
 * at most 80 characters: `"Hello, Wörld!"` -> `"hello-world"`; `fallback` when nothing is left.
 */
export function handleFromTitle(title: string, fallback: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæøœđłþ]/g, (ch) => TRANSLITERATION[ch])
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, DERIVED_HANDLE_MAX)
    .replace(/-+$/g, '')
  return slug || fallback
}

/** The first of `base`, `base-2`, `base-3`… not in `taken`. */
export function firstFreeHandle(base: string, taken: readonly string[]): string {
  const used = new Set(taken)
  if (!used.has(base)) return base
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`
}
