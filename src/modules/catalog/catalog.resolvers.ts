import type { NodeFetchers } from '../../graphql/node-types.js'
import type { Context } from '../../graphql/context.js'
import type { Resolvers } from '../../generated/graphql.js'
import { requireGlobalId, toGlobalId } from '../../shared/ids.js'
import type { MoneyValue } from '../../shared/money.js'
import type { ShopRow } from '../../shared/rows.js'
import * as catalog from './catalog.service.js'

async function shopOf(ctx: Context, shopId: string): Promise<ShopRow> {
  const shop = await ctx.loaders.shopById.load(shopId)
  if (!shop) throw new Error(`shop ${shopId} vanished during the request`)
  return shop
}

async function money(ctx: Context, shopId: string, amountMinor: string): Promise<MoneyValue> {
  return { amountMinor, currencyCode: (await shopOf(ctx, shopId)).currency_code }
}

/** The acting staff member and their shop's currency (the mutations are staff-only by rule). */
async function scopeOf(ctx: Context): Promise<catalog.CatalogScope> {
  const viewer = ctx.viewer!
  const shop = await shopOf(ctx, viewer.shopId)
  return { db: ctx.db, viewer, requestId: ctx.requestId, currencyCode: shop.currency_code }
}

/** A write changed these rows: later reads in this request must not see cached copies. */
function forget(ctx: Context, productId: string, variantId?: string) {
  ctx.loaders.productById.clear(productId)
  ctx.loaders.variantsByProductId.clearAll()
  ctx.loaders.productByHandle.clearAll()
  if (variantId) ctx.loaders.variantById.clear(variantId)
}

export const catalogResolvers: Resolvers = {
  Shop: {
    products: (shop, args, ctx) => {
      ctx.loaders.shopById.prime(shop.id, shop)
      return catalog.listProducts(ctx.db, ctx.viewer, shop, args)
    },
    product: (shop, { handle }, ctx) => {
      ctx.loaders.shopById.prime(shop.id, shop)
      return ctx.loaders.productByHandle.load({ shopId: shop.id, handle })
    },
  },
  Product: {
    id: (product) => toGlobalId('Product', product.id),
    variants: (product, _args, ctx) => ctx.loaders.variantsByProductId.load({ shopId: product.shop_id, productId: product.id }),
    priceRange: async (product, _args, ctx) => ({
      min: await money(ctx, product.shop_id, product.min_price_minor),
      max: await money(ctx, product.shop_id, product.max_price_minor),
    }),
    createdAt: (product) => product.created_at,
    updatedAt: (product) => product.updated_at,
    deletedAt: (product) => product.deleted_at,
  },
  ProductVariant: {
    id: (variant) => toGlobalId('ProductVariant', variant.id),
    selectedOptions: (variant) => variant.options,
    price: (variant, _args, ctx) => money(ctx, variant.shop_id, variant.price_minor),
    availableForSale: (variant) => variant.stock > 0,
    quantityAvailable: (variant) => variant.stock,
    product: async (variant, _args, ctx) => {
      // A visible variant has a visible product: the variant loaders apply the product's visibility.
      const product = await ctx.loaders.productById.load(variant.product_id)
      if (!product) throw new Error('the product of a visible variant is not visible')
      return product
    },
    createdAt: (variant) => variant.created_at,
    updatedAt: (variant) => variant.updated_at,
  },
  Mutation: {
    productCreate: async (_parent, { input }, ctx) => {
      const result = await catalog.createProduct(await scopeOf(ctx), input)
      return result.ok ? { product: result.product, userErrors: [] } : { product: null, userErrors: result.errors }
    },
    productUpdate: async (_parent, { input }, ctx) => {
      const id = requireGlobalId(input.id, 'Product', ['input', 'id'])
      const result = await catalog.updateProduct(await scopeOf(ctx), { ...input, id })
      forget(ctx, id)
      return result.ok ? { product: result.product, userErrors: [] } : { product: null, userErrors: result.errors }
    },
    productDelete: async (_parent, { input }, ctx) => {
      const id = requireGlobalId(input.id, 'Product', ['input', 'id'])
      const result = await catalog.deleteProduct(await scopeOf(ctx), { id })
      forget(ctx, id)
      return result.ok ? { product: result.product, userErrors: [] } : { product: null, userErrors: result.errors }
    },
    productRestore: async (_parent, { input }, ctx) => {
      const id = requireGlobalId(input.id, 'Product', ['input', 'id'])
      const result = await catalog.restoreProduct(await scopeOf(ctx), { id })
      forget(ctx, id)
      return result.ok ? { product: result.product, userErrors: [] } : { product: null, userErrors: result.errors }
    },
    variantCreate: async (_parent, { input }, ctx) => {
      const productId = requireGlobalId(input.productId, 'Product', ['input', 'productId'])
      const result = await catalog.createVariant(await scopeOf(ctx), { ...input, productId })
      forget(ctx, productId)
      return result.ok ? { variant: result.variant, userErrors: [] } : { variant: null, userErrors: result.errors }
    },
    variantUpdate: async (_parent, { input }, ctx) => {
      const id = requireGlobalId(input.id, 'ProductVariant', ['input', 'id'])
      const result = await catalog.updateVariant(await scopeOf(ctx), { ...input, id })
      if (result.ok) forget(ctx, result.variant.product_id, id)
      return result.ok ? { variant: result.variant, userErrors: [] } : { variant: null, userErrors: result.errors }
    },
    variantDelete: async (_parent, { input }, ctx) => {
      const id = requireGlobalId(input.id, 'ProductVariant', ['input', 'id'])
      const result = await catalog.deleteVariant(await scopeOf(ctx), { id })
      if (result.ok) forget(ctx, result.product.id, id)
      return result.ok
        ? { deletedVariantId: toGlobalId('ProductVariant', id), product: result.product, userErrors: [] }
        : { deletedVariantId: null, product: null, userErrors: result.errors }
    },
    inventoryAdjust: async (_parent, { input }, ctx) => {
      const variantId = requireGlobalId(input.variantId, 'ProductVariant', ['input', 'variantId'])
      const result = await catalog.adjustInventory(await scopeOf(ctx), { ...input, variantId })
      if (result.ok) forget(ctx, result.variant.product_id, variantId)
      return result.ok ? { variant: result.variant, userErrors: [] } : { variant: null, userErrors: result.errors }
    },
    inventorySet: async (_parent, { input }, ctx) => {
      const variantId = requireGlobalId(input.variantId, 'ProductVariant', ['input', 'variantId'])
      const result = await catalog.setInventory(await scopeOf(ctx), { ...input, variantId })
      if (result.ok) forget(ctx, result.variant.product_id, variantId)
      return result.ok ? { variant: result.variant, userErrors: [] } : { variant: null, userErrors: result.errors }
    },
  },
}

/** How `node(id:)` fetches this module's types; the loaders apply the visibility rules. */
export const catalogNodes: NodeFetchers = {
  Product: (ctx, id) => ctx.loaders.productById.load(id),
  ProductVariant: (ctx, id) => ctx.loaders.variantById.load(id),
}
