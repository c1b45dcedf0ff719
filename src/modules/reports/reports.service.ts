import { isStaff, type Viewer } from '../../shared/viewer.js'
import { badUserInput } from '../../shared/errors.js'
import type { ShopRow } from '../../shared/rows.js'
import type { RequestScope } from '../../shared/scope.js'
import * as repo from './reports.repository.js'

/** The longest window a report covers, in days (a leap year). */
export const MAX_REPORT_DAYS = 366
export const MAX_REPORT_ROWS = 100

const DAY_MS = 24 * 60 * 60 * 1000

/** Whether the viewer may read this shop's reports (the rule has checked the role; this checks the tenant). */
export function mayReadReports(viewer: Viewer | null, shop: ShopRow): boolean {
  return isStaff(viewer) && viewer!.shopId === shop.id
}

function checkCount(value: number | null | undefined, fallback: number, max: number, name: string): number {
  const count = value ?? fallback
  if (!Number.isInteger(count) || count < 1 || count > max)
    throw badUserInput(`"${name}" must be between 1 and ${max}`, [name])
  return count
}

/** A `from`/`to` pair of `Date`s (already valid calendar dates): from <= to, at most 366 days. */
function checkRange(from: string, to: string): { from: string; to: string } {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1
  if (days < 1) throw badUserInput('"from" must not be after "to"', ['from'])
  if (days > MAX_REPORT_DAYS) throw badUserInput(`A report covers at most ${MAX_REPORT_DAYS} days`, ['to'])
  return { from, to }
}

/** Top customers by spend over the last `days` days of the shop's calendar (today included). */
export function topCustomers(
  scope: Pick<RequestScope, 'db'>,
  shop: ShopRow,
  args: { days?: number | null; first?: number | null },
) {
  const days = checkCount(args.days, 30, MAX_REPORT_DAYS, 'days')
  const first = checkCount(args.first, 10, MAX_REPORT_ROWS, 'first')
  return repo.findTopCustomers(scope.db, shop, { days, first })
}

/** Orders and revenue per day from `from` to `to`, zeros included. */
export function salesByDay(scope: Pick<RequestScope, 'db'>, shop: ShopRow, args: { from: string; to: string }) {
  return repo.findSalesByDay(scope.db, shop, checkRange(args.from, args.to))
}

/** Best-selling variants from `from` to `to`. */
export function topVariants(
  scope: Pick<RequestScope, 'db'>,
  shop: ShopRow,
  args: { from: string; to: string; first?: number | null },
) {
  const first = checkCount(args.first, 10, MAX_REPORT_ROWS, 'first')
  return repo.findTopVariants(scope.db, shop, { ...checkRange(args.from, args.to), first })
}
