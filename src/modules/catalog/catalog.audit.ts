// What the catalog's writes record in the audit log: snapshots of rows and the keys that changed.
import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { recordAudit } from '../../platform/audit.js'
import type { ProductRow, ProductVariantRow } from '../../shared/rows.js'
import { requireViewer, type RequestScope } from '../../shared/scope.js'

export function audit(
  trx: Kysely<DB>,
  scope: RequestScope,
  action: string,
  target: { type: 'Product' | 'ProductVariant'; id: string },
  diff: Record<string, unknown>,
): Promise<void> {
  const viewer = requireViewer(scope)
  return recordAudit(trx, {
    shopId: viewer.shopId,
    actorId: viewer.userId,
    action,
    targetType: target.type,
    targetId: target.id,
    diff,
    requestId: scope.requestId,
  })
}

export function productSnapshot(p: ProductRow) {
  return {
    handle: p.handle,
    title: p.title,
    description: p.description,
    status: p.status,
    minPriceMinor: p.min_price_minor,
    maxPriceMinor: p.max_price_minor,
    deletedAt: p.deleted_at,
  }
}

export function variantSnapshot(v: ProductVariantRow) {
  return {
    productId: v.product_id,
    sku: v.sku,
    title: v.title,
    options: v.options,
    priceMinor: v.price_minor,
    stock: v.stock,
  }
}

/** `{ before, after }` with only the keys whose values differ. */
export function changes(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {}
  const a: Record<string, unknown> = {}
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key]
      a[key] = after[key]
    }
  }
  return { before: b, after: a }
}
