import type { NodeFetchers } from '../../graphql/node-types.js'
import type { Context } from '../../graphql/context.js'
import type { MutationResolvers, Resolvers } from '../../generated/graphql.js'
import { requireGlobalId, toGlobalId } from '../../shared/ids.js'
import { parsePageArgs, toConnection } from '../../shared/pagination.js'
import type { CartRow, OrderRow } from '../../shared/rows.js'
import { badUserInput } from '../../shared/errors.js'
import { toPayload } from '../../graphql/payload.js'
import * as carts from './cart.service.js'
import * as orderState from './order-state.service.js'
import * as orders from './orders.service.js'

async function currencyOf(ctx: Context, shopId: string): Promise<string> {
  const shop = await ctx.loaders.shopById.load(shopId)
  if (!shop) throw new Error('shop of a visible object is missing')
  return shop.currency_code
}

/** The cart's lines priced (cart.priceCart) at the current catalog prices, through the loaders. */
async function pricedCart(cart: CartRow, ctx: Context) {
  const lines = await ctx.loaders.cartLinesByCartId.load(cart.id)
  const variants = await Promise.all(lines.map((line) => ctx.loaders.variantById.load(line.variant_id)))
  const shop = await ctx.loaders.shopById.load(cart.shop_id)
  if (!shop) throw new Error('shop of a cart is missing')
  const priced = carts.priceCart(
    lines.map((line, i) => ({ quantity: line.quantity, unitPriceMinor: variants[i]?.price_minor ?? null })),
    shop.tax_rate_bps,
  )
  return { ...priced, currencyCode: shop.currency_code }
}

/** The cursor of an order list: when it was placed, then the id. */
const ORDER_CURSOR = ['date', 'uuid'] as const

function transitionResolver(transition: orderState.Transition): MutationResolvers['orderCancel'] {
  return async (_parent, { input }, ctx) => {
    const orderId = requireGlobalId(input.orderId, 'Order', ['input', 'orderId'])
    return toPayload(await orderState.transitionOrder(ctx, orderId, transition), 'order')
  }
}

const orderStatuses = new Set(['PENDING_PAYMENT', 'PAID', 'FULFILLED', 'CANCELLED', 'REFUNDED'])

export const ordersResolvers: Resolvers = {
  Viewer: {
    cart: (_viewer, _args, ctx) => carts.findCart(ctx),
    orders: (viewer, args, ctx) =>
      orders.listOrders(ctx, viewer.shopId, { customerId: viewer.userId }, parsePageArgs(args, ORDER_CURSOR)),
    order: (viewer, { number }, ctx) => orders.findOrderByNumber(ctx, viewer.shopId, number, viewer.userId),
  },
  Shop: {
    // Staff only (shield), and only in their own shop: another shop's orders answer as empty / null.
    orders: (shop, { filter, ...args }, ctx) => {
      const page = parsePageArgs(args, ORDER_CURSOR)
      if (ctx.viewer?.shopId !== shop.id)
        return toConnection(
          [],
          page,
          () => [],
          async () => 0,
        )
      if (filter?.status && !orderStatuses.has(filter.status))
        throw badUserInput('Unknown order status', ['filter', 'status'])
      const listFilter = {
        status: filter?.status ?? null,
        customerId: filter?.customerId ? requireGlobalId(filter.customerId, 'User', ['filter', 'customerId']) : null,
        placedAfter: filter?.placedAfter ?? null,
        placedBefore: filter?.placedBefore ?? null,
      }
      return orders.listOrders(ctx, shop.id, listFilter, page)
    },
    order: (shop, { number }, ctx) =>
      ctx.viewer?.shopId === shop.id ? orders.findOrderByNumber(ctx, shop.id, number, null) : null,
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
      return { amountMinor: priced.total, currencyCode: priced.currencyCode }
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
    unitPrice: async (line, _args, ctx) => ({
      amountMinor: line.unit_price_minor,
      currencyCode: await currencyOf(ctx, line.shop_id),
    }),
    quantity: (line) => line.quantity,
    lineTotal: async (line, _args, ctx) => ({
      amountMinor: line.line_total_minor,
      currencyCode: await currencyOf(ctx, line.shop_id),
    }),
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
      return toPayload(await carts.addCartLines(ctx, lines), 'cart')
    },
    cartLinesUpdate: async (_parent, { input }, ctx) => {
      const changes = input.lines.map((line, i) => ({
        lineId: requireGlobalId(line.lineId, 'CartLine', ['input', 'lines', String(i), 'lineId']),
        quantity: line.quantity,
      }))
      return toPayload(await carts.updateCartLines(ctx, changes), 'cart')
    },
    cartLinesRemove: async (_parent, { input }, ctx) => {
      const ids = input.lineIds.map((id, i) => requireGlobalId(id, 'CartLine', ['input', 'lineIds', String(i)]))
      return toPayload(await carts.removeCartLines(ctx, ids), 'cart')
    },
    checkoutComplete: async (_parent, { input }, ctx) =>
      toPayload(await orders.completeCheckout(ctx, input, ctx.checkoutBulkhead), 'order'),
    orderCancel: transitionResolver('cancel'),
    orderMarkPaid: transitionResolver('markPaid'),
    orderFulfill: transitionResolver('fulfill'),
    orderRefund: transitionResolver('refund'),
  },
}

/** node(id:) for orders (owner or staff of the shop) and carts (owner only). */
export const ordersNodes: NodeFetchers = {
  Order: (ctx: Context, id: string) => ctx.loaders.orderById.load(id),
  Cart: (ctx: Context, id: string) => ctx.loaders.cartById.load(id),
}

export type { OrderRow }
