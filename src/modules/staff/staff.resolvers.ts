import type { Context } from '../../graphql/context.js'
import { badUserInput } from '../../shared/errors.js'
import type { Resolvers } from '../../generated/graphql.js'
import { toPayload } from '../../graphql/payload.js'
import { requireGlobalId, toGlobalId } from '../../shared/ids.js'
import type { NodeFetchers } from '../../graphql/node-types.js'
import { parsePageArgs, toConnection } from '../../shared/pagination.js'
import * as repo from './staff.repository.js'
import * as staff from './staff.service.js'

const CURSOR = ['date', 'uuid'] as const

async function currencyOf(ctx: Context, shopId: string): Promise<string> {
  const shop = await ctx.loaders.shopById.load(shopId)
  if (!shop) throw new Error('shop of a visible customer is missing')
  return shop.currency_code
}

export const staffResolvers: Resolvers = {
  Shop: {
    // Staff only (shield), and only of their own shop: another shop's customers answer as empty.
    customers: (shop, { query, role, ...args }, ctx) => {
      const page = parsePageArgs(args, CURSOR)
      if (ctx.viewer?.shopId !== shop.id)
        return toConnection(
          [],
          page,
          () => [],
          async () => 0,
        )
      let prefix: string | null = null
      if (query != null) {
        prefix = query.trim().toLowerCase()
        if (prefix.length < 1 || prefix.length > 100) throw badUserInput('"query" must be 1–100 characters', ['query'])
      }
      const filter = { prefix, role: role ?? null }
      return repo.findCustomerPage(ctx.db, shop.id, filter, page).then((rows) =>
        toConnection(
          rows,
          page,
          (row) => [row.created_at, row.id],
          () => repo.countCustomers(ctx.db, shop.id, filter),
        ),
      )
    },
    timezone: (shop) => shop.timezone,
  },
  Customer: {
    id: (user) => toGlobalId('Customer', user.id),
    user: (user) => user,
    email: (user) => user.email,
    displayName: (user) => user.display_name,
    role: (user) => user.role,
    createdAt: (user) => user.created_at,
    orderCount: async (user, _args, ctx) => (await ctx.loaders.orderStatsByCustomerId.load(user.id)).order_count,
    totalSpent: async (user, _args, ctx) => {
      const [stats, currencyCode] = await Promise.all([
        ctx.loaders.orderStatsByCustomerId.load(user.id),
        currencyOf(ctx, user.shop_id),
      ])
      return { amountMinor: BigInt(stats.total_spent_minor), currencyCode }
    },
    lastOrderAt: async (user, _args, ctx) => (await ctx.loaders.orderStatsByCustomerId.load(user.id)).last_order_at,
  },
  Mutation: {
    staffInvite: async (_parent, { input }, ctx) =>
      toPayload(await staff.inviteStaff(ctx, input), (ok) => ({ user: ok.user, created: ok.created }), {
        user: null,
        created: false,
      }),
    userRoleUpdate: async (_parent, { input }, ctx) => {
      const userId = requireGlobalId(input.userId, 'User', ['input', 'userId'])
      return toPayload(await staff.updateUserRole(ctx, { userId, role: input.role }), 'user')
    },
    shopUpdate: async (_parent, { input }, ctx) => toPayload(await staff.updateShop(ctx, input), 'shop'),
  },
}

/** node(id:) for customers: staff of the customer's shop only (checked in SQL by the loader). */
export const staffNodes = {
  Customer: (ctx, id) => ctx.loaders.customerById.load(id),
} satisfies NodeFetchers
