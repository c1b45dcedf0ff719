import type { NodeFetchers } from '../../graphql/node-types.js'
import type { Context } from '../../graphql/context.js'
import type { Resolvers } from '../../generated/graphql.js'
import { requireGlobalId, toGlobalId } from '../../shared/ids.js'
import { parsePageArgs, toConnection } from '../../shared/pagination.js'
import type { CartRow, OrderRow } from '../../shared/rows.js'
import { badUserInput } from '../../shared/errors.js'
import * as repo from './orders.repository.js'
import * as orders from './orders.service.js'

async function currencyOf(ctx: Context, shopId: string): Promise<string> {
  const shop = await ctx.loaders.shopById.load(shopId)
  if (!shop) throw new Error('shop of a visible object is missing')
  return shop.currency_code
}

/** The cart's lines priced at the current catalog prices; lines no longer for sale count nothing. */
async function pricedCart(cart: CartRow, ctx: Context) {
  const lines = await ctx.loaders.cartLinesByCartId.load(cart.id)
  const variants = await Promise.all(lines.map((line) => ctx.loaders.variantById.load(line.variant_id)))
  const subtotal = lines.reduce((sum, line, i) => sum + (variants[i] ? BigInt(variants[i]!.price_minor) * BigInt(line.quantity) : 0n), 0n)
  const shop = await ctx.loaders.shopById.load(cart.shop_id)
  if (!shop) throw new Error('shop of a cart is missing')
  return { subtotal, tax: orders.taxOf(subtotal, shop.tax_rate_bps), currencyCode: shop.currency_code }
}

async function orderPage(ctx: Context, shopId: string, args: { first?: number | null; after?: string | null; last?: number | null; before?: string | null }, filter: repo.OrderListFilter) {
  const page = parsePageArgs(args, ['date', 'uuid'])
  const rows = await repo.findOrderPage(ctx.db, shopId, filter, page)
  return toConnection(rows, page, (row) => [row.placed_at, row.id], () => repo.countOrders(ctx.db, shopId, filter))
}

function transitionResolver(transition: 'cancel' | 'markPaid' | 'fulfill' | 'refund') {
  return async (_parent: unknown, { input }: { input: { orderId: string } }, ctx: Context) => {
    const orderId = requireGlobalId(input.orderId, 'Order', ['input', 'orderId'])
    const result = await orders.transitionOrder(ctx, ctx.viewer!, orderId, transition)
    return result.ok ? { order: result.order, userErrors: [] } : { order: null, userErrors: result.errors }
  }
}

const orderStatuses = new Set(['PENDING_PAYMENT', 'PAID', 'FULFILLED', 'CANCELLED', 'REFUNDED'])

export const ordersResolvers: Resolvers = {
  Viewer: {
    cart: async (viewer, _args, ctx) => (await repo.findCartByUser(ctx.db, viewer.shopId, viewer.userId)) ?? null,
    orders: (viewer, args, ctx) => orderPage(ctx, viewer.shopId, args, { customerId: viewer.userId }) as never,
    order: async (viewer, { number }, ctx) => (await repo.findOrderByNumber(ctx.db, viewer.shopId, number, viewer.userId)) ?? null,
  },
  Shop: {
    // Staff only (shield), and only in their own shop: another shop's orders answer as empty / null.
    orders: (shop, { filter, ...args }, ctx) => {
      if (ctx.viewer?.shopId !== shop.id) return toConnection([], parsePageArgs(args, ['date', 'uuid']), () => [], async () => 0) as never
      if (filter?.status && !orderStatuses.has(filter.status)) throw badUserInput('Unknown order status', ['filter', 'status'])
      return orderPage(ctx, shop.id, args, {
        status: filter?.status ?? null,
        customerId: filter?.customerId ? requireGlobalId(filter.customerId, 'User', ['filter', 'customerId']) : null,
        placedAfter: filter?.placedAfter ?? null,
        placedBefore: filter?.placedBefore ?? null,
      }) as never
    },
    order: async (shop, { number }, ctx) =>
      ctx.viewer?.shopId === shop.id ? ((await repo.findOrderByNumber(ctx.db, shop.id, number, null)) ?? null) : null,
  },
  Cart: {
    id: (cart) => toGlobalId('Cart', cart.id),
    lines: (cart, _args, ctx) => ctx.loaders.cartLinesByCartId.load(cart.id),
    subtotal: async (cart, _args, ctx) => {
      const priced = await pricedCart(cart, ctx)
      return { amountMinor: priced.subtotal, currencyCode: priced.currencyCode }
    },
    estimatedTax: async (cart, _args, ctx) => {
      const priced = await pricedCart(cart, ctx)
      return { amountMinor: priced.tax, currencyCode: priced.currencyCode }
    },
    total: async (cart, _args, ctx) => {
      const priced = await pricedCart(cart, ctx)
      return { amountMinor: priced.subtotal + priced.tax, currencyCode: priced.currencyCode }
    },
    updatedAt: (cart) => cart.updated_at,
  },
  CartLine: {
    id: (line) => toGlobalId('CartLine', line.id),
    variant: (line, _args, ctx) => ctx.loaders.variantById.load(line.variant_id),
    quantity: (line) => line.quantity,
    lineTotal: async (line, _args, ctx) => {
      const variant = await ctx.loaders.variantById.load(line.variant_id)
      const amount = variant ? BigInt(variant.price_minor) * BigInt(line.quantity) : 0n
      return { amountMinor: amount, currencyCode: await currencyOf(ctx, line.shop_id) }
    },
  },
  Order: {
    id: (order) => toGlobalId('Order', order.id),
    number: (order) => order.number,
    status: (order) => order.status,
    lines: (order, _args, ctx) => ctx.loaders.orderLinesByOrderId.load(order.id),
    subtotal: (order) => ({ amountMinor: order.subtotal_minor, currencyCode: order.currency_code }),
    tax: (order) => ({ amountMinor: order.tax_minor, currencyCode: order.currency_code }),
    total: (order) => ({ amountMinor: order.total_minor, currencyCode: order.currency_code }),
    note: (order) => order.note,
    customer: (order, _args, ctx) => ctx.loaders.userById.load(order.customer_id),
    placedAt: (order) => order.placed_at,
    cancelledAt: (order) => order.cancelled_at,
    events: (order, _args, ctx) => ctx.loaders.orderEventsByOrderId.load(order.id),
  },
  OrderLine: {
    title: (line) => line.title,
    sku: (line) => line.sku,
    unitPrice: async (line, _args, ctx) => ({ amountMinor: line.unit_price_minor, currencyCode: await currencyOf(ctx, line.shop_id) }),
    quantity: (line) => line.quantity,
    lineTotal: async (line, _args, ctx) => ({ amountMinor: line.line_total_minor, currencyCode: await currencyOf(ctx, line.shop_id) }),
    variant: (line, _args, ctx) => (line.variant_id ? ctx.loaders.variantById.load(line.variant_id) : null),
  },
  OrderEvent: {
    status: (event) => event.status,
    occurredAt: (event) => event.occurred_at,
  },
  Mutation: {
    cartLinesAdd: async (_parent, { input }, ctx) => {
      const lines = input.lines.map((line, i) => ({
        variantId: requireGlobalId(line.variantId, 'ProductVariant', ['input', 'lines', String(i), 'variantId']),
        quantity: line.quantity,
      }))
      const result = await orders.addCartLines(ctx, ctx.viewer!, lines)
      return result.ok ? { cart: result.cart, userErrors: [] } : { cart: null, userErrors: result.errors }
    },
    cartLinesUpdate: async (_parent, { input }, ctx) => {
      const changes = input.lines.map((line, i) => ({
        lineId: requireGlobalId(line.lineId, 'CartLine', ['input', 'lines', String(i), 'lineId']),
        quantity: line.quantity,
      }))
      const result = await orders.updateCartLines(ctx, ctx.viewer!, changes)
      return result.ok ? { cart: result.cart, userErrors: [] } : { cart: null, userErrors: result.errors }
    },
    cartLinesRemove: async (_parent, { input }, ctx) => {
      const ids = input.lineIds.map((id, i) => requireGlobalId(id, 'CartLine', ['input', 'lineIds', String(i)]))
      const result = await orders.removeCartLines(ctx, ctx.viewer!, ids)
      return result.ok ? { cart: result.cart, userErrors: [] } : { cart: null, userErrors: result.errors }
    },
    checkoutComplete: async (_parent, { input }, ctx) => {
      const result = await orders.completeCheckout(ctx, ctx.viewer!, input)
      return result.ok ? { order: result.order, userErrors: [] } : { order: null, userErrors: result.errors }
    },
    orderCancel: transitionResolver('cancel') as never,
    orderMarkPaid: transitionResolver('markPaid') as never,
    orderFulfill: transitionResolver('fulfill') as never,
    orderRefund: transitionResolver('refund') as never,
  },
}

/** node(id:) for orders (owner or staff of the shop) and carts (owner only). */
export const ordersNodes: NodeFetchers = {
  Order: (ctx: Context, id: string) => ctx.loaders.orderById.load(id),
  Cart: (ctx: Context, id: string) => ctx.loaders.cartById.load(id),
}

export type { OrderRow }
