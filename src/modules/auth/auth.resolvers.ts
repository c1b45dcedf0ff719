import type { NodeFetchers } from '../../graphql/node-types.js'
import type { Resolvers } from '../../generated/graphql.js'
import { toGlobalId } from '../../shared/ids.js'
import * as auth from './auth.service.js'

export const authResolvers: Resolvers = {
  Query: {
    shop: (_parent, { handle }, ctx) => ctx.loaders.shopByHandle.load(handle),
    viewer: async (_parent, _args, ctx) => {
      if (!ctx.viewer) return null
      // A token can outlive its account (erased or deleted): then there is no viewer.
      const user = await ctx.loaders.userById.load(ctx.viewer.userId)
      return user ? ctx.viewer : null
    },
  },
  Viewer: {
    user: async (viewer, _args, ctx) => {
      const user = await ctx.loaders.userById.load(viewer.userId)
      if (!user) throw new Error('viewer user vanished during the request')
      return user
    },
    shop: async (viewer, _args, ctx) => {
      const shop = await ctx.loaders.shopById.load(viewer.shopId)
      if (!shop) throw new Error('viewer shop vanished during the request')
      return shop
    },
  },
  Shop: {
    id: (shop) => toGlobalId('Shop', shop.id),
    currencyCode: (shop) => shop.currency_code,
    taxRateBasisPoints: (shop) => shop.tax_rate_bps,
    createdAt: (shop) => shop.created_at,
  },
  User: {
    id: (user) => toGlobalId('User', user.id),
    displayName: (user) => user.display_name,
    email: (user) => user.email,
    role: (user) => user.role,
    createdAt: (user) => user.created_at,
  },
  Mutation: {
    shopCreate: async (_parent, { input }, ctx) => {
      const result = await auth.createShop(ctx, input)
      if (result.ok) ctx.provenUserIds.add(result.user.id)
      return result.ok
        ? { shop: result.shop, user: result.user, session: result.session, userErrors: [] }
        : { shop: null, user: null, session: null, userErrors: result.errors }
    },
    userRegister: async (_parent, { input }, ctx) => {
      const result = await auth.registerUser(ctx, input)
      if (result.ok) ctx.provenUserIds.add(result.user.id)
      return result.ok
        ? { user: result.user, session: result.session, userErrors: [] }
        : { user: null, session: null, userErrors: result.errors }
    },
    sessionCreate: async (_parent, { input }, ctx) => {
      const result = await auth.createSession(ctx, input)
      if (result.ok) ctx.provenUserIds.add(result.user.id)
      return result.ok
        ? { user: result.user, session: result.session, userErrors: [] }
        : { user: null, session: null, userErrors: result.errors }
    },
    sessionRefresh: async (_parent, { input }, ctx) => {
      const result = await auth.refreshSession(ctx, input)
      return result.ok ? { session: result.session, userErrors: [] } : { session: null, userErrors: result.errors }
    },
    sessionRevoke: async (_parent, { input }, ctx) => {
      const result = await auth.revokeSession(ctx, input)
      return result.ok ? { revoked: result.revoked, userErrors: [] } : { revoked: false, userErrors: result.errors }
    },
    passwordChange: async (_parent, { input }, ctx) => {
      const result = await auth.changePassword(ctx, ctx.viewer!, input)
      return result.ok
        ? { user: result.user, session: result.session, userErrors: [] }
        : { user: null, session: null, userErrors: result.errors }
    },
    passwordResetRequest: async (_parent, { input }, ctx) => {
      const result = await auth.requestPasswordReset(ctx, input)
      return { userErrors: result.ok ? [] : result.errors }
    },
    passwordReset: async (_parent, { input }, ctx) => {
      const result = await auth.resetPassword(ctx, input)
      if (result.ok) ctx.provenUserIds.add(result.user.id)
      return result.ok ? { user: result.user, userErrors: [] } : { user: null, userErrors: result.errors }
    },
  },
}

/** How `node(id:)` fetches this module's types; the loaders apply the visibility rules. */
export const authNodes: NodeFetchers = {
  Shop: (ctx, id) => ctx.loaders.shopById.load(id),
  User: (ctx, id) => ctx.loaders.userById.load(id),
}
