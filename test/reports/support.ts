import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { TestApp } from '../support/app.js'

export interface OrderSpec {
  customerId: string
  status: 'PENDING_PAYMENT' | 'PAID' | 'FULFILLED' | 'CANCELLED' | 'REFUNDED'
  /** An SQL timestamptz expression, e.g. `'2026-03-01T20:00:00Z'` or `now() - interval '2 days'`. */
  placedAt: string
  lines: { variantId: string | null; sku: string; title?: string; quantity: number; unitPriceMinor: number }[]
}

let next = 1000

/** Inserts an order with its lines straight into the database (totals = lines, no tax). */
export async function insertOrder(app: TestApp, shopId: string, spec: OrderSpec): Promise<string> {
  const id = randomUUID()
  const subtotal = spec.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0)
  await sql`
    INSERT INTO "order" (id, shop_id, number, customer_id, status, currency_code, tax_rate_bps, subtotal_minor, tax_minor,
                         total_minor, placed_at)
    VALUES (${id}, ${shopId}, ${next++}, ${spec.customerId}, ${spec.status}, 'USD', 0, ${subtotal}, 0, ${subtotal},
            ${sql.raw(spec.placedAt.startsWith('now()') ? spec.placedAt : `'${spec.placedAt}'::timestamptz`)})`.execute(
    app.db,
  )
  for (const [position, line] of spec.lines.entries()) {
    await sql`
      INSERT INTO order_line (shop_id, order_id, position, variant_id, title, sku, unit_price_minor, quantity, line_total_minor)
      VALUES (${shopId}, ${id}, ${position}, ${line.variantId}, ${line.title ?? line.sku}, ${line.sku}, ${line.unitPriceMinor},
              ${line.quantity}, ${line.unitPriceMinor * line.quantity})`.execute(app.db)
  }
  return id
}
