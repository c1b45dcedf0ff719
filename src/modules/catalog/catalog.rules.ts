import { rule } from 'graphql-shield'
import type { Context } from '../../graphql/context.js'
import { isStaff } from '../../shared/viewer.js'
import { forbidden, unauthenticated } from '../../shared/errors.js'
import type { ProductRow, ProductVariantRow, ShopRow } from '../../shared/rows.js'
import { allow, staffOnly, type RuleMap } from '../../graphql/rules.js'

function staffOf(ctx: Context, shopId: string): boolean {
  return ctx.viewer !== null && isStaff(ctx.viewer) && ctx.viewer.shopId === shopId
}

/** Staff of the object's own shop; anyone else (anonymous included) gets FORBIDDEN on the field. */
const productShopStaffOnly = rule({ cache: 'no_cache' })((product: ProductRow, _args, ctx: Context) =>
  staffOf(ctx, product.shop_id) ? true : forbidden('Only staff of the shop can see this field'),
)
const variantShopStaffOnly = rule({ cache: 'no_cache' })((variant: ProductVariantRow, _args, ctx: Context) =>
  staffOf(ctx, variant.shop_id) ? true : forbidden('Only staff of the shop can see stock levels'),
)

/**
 * `Shop.products` is public, but its `status` and `includeDeleted` filters are for staff of that shop:
 * anyone else setting them gets FORBIDDEN (UNAUTHENTICATED when anonymous) rather than a silently
 * different list.
 */
const staffFiltersForShopStaff = rule({ cache: 'no_cache' })((
  shop: ShopRow,
  args: { filter?: { status?: unknown; includeDeleted?: boolean | null } | null },
  ctx: Context,
) => {
  const wantsStaffFilter = args.filter?.status != null || args.filter?.includeDeleted === true
  if (!wantsStaffFilter || staffOf(ctx, shop.id)) return true
  if (!ctx.viewer) return unauthenticated('The status and includeDeleted filters need a staff access token')
  return forbidden('The status and includeDeleted filters are for staff of this shop')
})

export const catalogRules: RuleMap = {
  Shop: { products: staffFiltersForShopStaff, product: allow },
  Product: {
    id: allow,
    handle: allow,
    title: allow,
    description: allow,
    status: allow,
    variants: allow,
    priceRange: allow,
    createdAt: allow,
    updatedAt: allow,
    deletedAt: productShopStaffOnly,
  },
  ProductVariant: {
    id: allow,
    sku: allow,
    title: allow,
    selectedOptions: allow,
    price: allow,
    availableForSale: allow,
    quantityAvailable: variantShopStaffOnly,
    product: allow,
    createdAt: allow,
    updatedAt: allow,
  },
  Mutation: {
    productCreate: staffOnly,
    productUpdate: staffOnly,
    productDelete: staffOnly,
    productRestore: staffOnly,
    variantCreate: staffOnly,
    variantUpdate: staffOnly,
    variantDelete: staffOnly,
    inventoryAdjust: staffOnly,
    inventorySet: staffOnly,
  },
  PriceRange: { '*': allow },
  SelectedOption: { '*': allow },
  ProductConnection: { '*': allow },
  ProductEdge: { '*': allow },
  ProductCreatePayload: { '*': allow },
  ProductUpdatePayload: { '*': allow },
  ProductDeletePayload: { '*': allow },
  ProductRestorePayload: { '*': allow },
  VariantCreatePayload: { '*': allow },
  VariantUpdatePayload: { '*': allow },
  VariantDeletePayload: { '*': allow },
  InventoryAdjustPayload: { '*': allow },
  InventorySetPayload: { '*': allow },
}
