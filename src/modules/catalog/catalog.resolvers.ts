import type { NodeFetchers } from '../../graphql/node-types.js'
import type { Context } from '../../graphql/context.js'
import type { Resolvers } from '../../generated/graphql.js'
import { requireGlobalId, toGlobalId } from '../../shared/ids.js'
import type { MoneyValue } from '../../shared/money.js'
import type { ShopRow } from '../../shared/rows.js'
import { planEmbeds, planNodes } from '../../graphql/embed.js'
import { lookAhead } from '../../graphql/lookahead.js'
import { toPayload } from '../../graphql/payload.js'
import { knowShop, visibilityOf } from './catalog.loaders.js'
import * as repo from './catalog.repository.js'
import { parsePageArgs } from '../../shared/pagination.js'
import * as catalog from './catalog.service.js'
import * as inventory from './inventory.service.js'
import * as variants from './variant.service.js'

async function shopOf(ctx: Context, shopId: string): Promise<ShopRow> {
  const shop = await ctx.loaders.shopById.load(shopId)
  if (!shop) throw new Error(`shop ${shopId} vanished during the request`)
  return shop
}

/** A price in its shop's currency: synchronous once the request has read the shop (every list has). */
function money(ctx: Context, shopId: string, amountMinor: string): MoneyValue | Promise<MoneyValue> {
  const currencyCode = ctx.loaders.currencyByShopId.get(shopId)
  if (currencyCode !== undefined) return { amountMinor, currencyCode }
  return shopOf(ctx, shopId).then((shop) => {
    ctx.loaders.currencyByShopId.set(shop.id, shop.currency_code)
    return { amountMinor, currencyCode: shop.currency_code }
  })
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
    products: (shop, args, ctx, info) => {
      knowShop(ctx.loaders, shop)
      const sortKey = args.sortKey ?? 'CREATED_AT'
      const page = parsePageArgs(args, catalog.PRODUCT_CURSOR[sortKey], sortKey)
      // What the client selected on the products is fetched in the page's own statement where it can be.
      return catalog.listProducts(ctx, shop, args, page, planNodes(ctx, 'Product', 'product', lookAhead(info)))
    },
    product: async (shop, { handle }, ctx, info) => {
      knowShop(ctx.loaders, shop)
      const embeds = planEmbeds(ctx, 'Product', 'product', lookAhead(info))
      if (!embeds.selections.length) return ctx.loaders.productByHandle.load({ shopId: shop.id, handle })
      // The product page in one statement; its rows carry embedded values, so they stay out of the loaders.
      const [row] = await repo.findProductsByHandles(ctx.db, visibilityOf(ctx.viewer), [shop.id], [handle], embeds)
      return row ?? null
    },
  },
  Product: {
    id: (product) => toGlobalId('Product', product.id),
    variants: (product, _args, ctx) =>
      ctx.loaders.variantsByProductId.load({ shopId: product.shop_id, productId: product.id }),
    priceRange: (product, _args, ctx) => {
      const min = money(ctx, product.shop_id, product.min_price_minor)
      const max = money(ctx, product.shop_id, product.max_price_minor)
      if (min instanceof Promise || max instanceof Promise) {
        return Promise.all([min, max]).then(([low, high]) => ({ min: low, max: high }))
      }
      return { min, max }
    },
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
      const result = await catalog.createProduct(ctx, input)
      return toPayload(result, 'product')
    },
    productUpdate: async (_parent, { input }, ctx) => {
      const id = requireGlobalId(input.id, 'Product', ['input', 'id'])
      const result = await catalog.updateProduct(ctx, { ...input, id })
      forget(ctx, id)
      return toPayload(result, 'product')
    },
    productDelete: async (_parent, { input }, ctx) => {
      const id = requireGlobalId(input.id, 'Product', ['input', 'id'])
      const result = await catalog.deleteProduct(ctx, { id })
      forget(ctx, id)
      return toPayload(result, 'product')
    },
    productRestore: async (_parent, { input }, ctx) => {
      const id = requireGlobalId(input.id, 'Product', ['input', 'id'])
      const result = await catalog.restoreProduct(ctx, { id })
      forget(ctx, id)
      return toPayload(result, 'product')
    },
    variantCreate: async (_parent, { input }, ctx) => {
      const productId = requireGlobalId(input.productId, 'Product', ['input', 'productId'])
      const result = await variants.createVariant(ctx, { ...input, productId })
      forget(ctx, productId)
      return toPayload(result, 'variant')
    },
    variantUpdate: async (_parent, { input }, ctx) => {
      const id = requireGlobalId(input.id, 'ProductVariant', ['input', 'id'])
      const result = await variants.updateVariant(ctx, { ...input, id })
      if (result.ok) forget(ctx, result.variant.product_id, id)
      return toPayload(result, 'variant')
    },
    variantDelete: async (_parent, { input }, ctx) => {
      const id = requireGlobalId(input.id, 'ProductVariant', ['input', 'id'])
      const result = await variants.deleteVariant(ctx, { id })
      if (result.ok) forget(ctx, result.product.id, id)
      return toPayload(result, (ok) => ({ deletedVariantId: toGlobalId('ProductVariant', id), product: ok.product }), {
        deletedVariantId: null,
        product: null,
      })
    },
    inventoryAdjust: async (_parent, { input }, ctx) => {
      const variantId = requireGlobalId(input.variantId, 'ProductVariant', ['input', 'variantId'])
      const result = await inventory.adjustInventory(ctx, { ...input, variantId })
      if (result.ok) forget(ctx, result.variant.product_id, variantId)
      return toPayload(result, 'variant')
    },
    inventorySet: async (_parent, { input }, ctx) => {
      const variantId = requireGlobalId(input.variantId, 'ProductVariant', ['input', 'variantId'])
      const result = await inventory.setInventory(ctx, { ...input, variantId })
      if (result.ok) forget(ctx, result.variant.product_id, variantId)
      return toPayload(result, 'variant')
    },
  },
}

/** How `node(id:)` fetches this module's types; the loaders apply the visibility rules. */
export const catalogNodes: NodeFetchers = {
  Product: (ctx, id) => ctx.loaders.productById.load(id),
  ProductVariant: (ctx, id) => ctx.loaders.variantById.load(id),
}
