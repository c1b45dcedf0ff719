import type { Context } from '../../graphql/context.js'
import type { NodeFetchers } from '../../graphql/node-types.js'
import type { Resolvers } from '../../generated/graphql.js'
import { toGlobalId } from '../../shared/ids.js'
import { planEmbeds } from '../../graphql/embed.js'
import { lookAhead } from '../../graphql/lookahead.js'
import { toPayload } from '../../graphql/payload.js'
import * as repo from './auth.repository.js'
import type { UserRow } from '../../shared/rows.js'
import * as auth from './auth.service.js'
import * as passwords from './password.service.js'
import * as sessions from './session.service.js'

/**
 * Whether the viewer may read a user's private fields (email, role): the user themself (signed in,
 * or just proved by the mutation), or staff of the user's own shop. Anyone else reads null.
 */
function canSeePrivateFields(user: UserRow, ctx: Context): boolean {
  const viewer = ctx.viewer
  if ((viewer && viewer.userId === user.id) || ctx.provenUserIds.has(user.id)) return true
  return viewer !== null && (viewer.role === 'STAFF' || viewer.role === 'ADMIN') && viewer.shopId === user.shop_id
}

export const authResolvers: Resolvers = {
  Query: {
    shop: async (_parent, { handle }, ctx, info) => {
      const embeds = planEmbeds(ctx, 'Shop', 'shop', lookAhead(info))
      if (!embeds.selections.length) return ctx.loaders.shopByHandle.load(handle)
      // The shop with the lists selected below it, in one statement (graphql/embed.ts); its row carries
      // embedded values, so it stays out of the loaders.
      const [shop] = await repo.findShopsByHandles(ctx.db, [handle], embeds)
      return shop ?? null
    },
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
    // An erased account keeps a placeholder address: nobody, staff included, is shown one.
    email: (user, _args, ctx) => (user.deleted_at === null && canSeePrivateFields(user, ctx) ? user.email : null),
    role: (user, _args, ctx) => (canSeePrivateFields(user, ctx) ? user.role : null),
    emailVerified: (user, _args, ctx) => (canSeePrivateFields(user, ctx) ? user.email_verified_at !== null : null),
    createdAt: (user) => user.created_at,
  },
  Mutation: {
    shopCreate: async (_parent, { input }, ctx) => {
      const result = await auth.createShop(ctx, input)
      if (result.ok) ctx.provenUserIds.add(result.user.id)
      return toPayload(result, 'shop', 'user', 'session')
    },
    userRegister: async (_parent, { input }, ctx) => {
      const result = await auth.registerUser(ctx, input)
      if (result.ok) ctx.provenUserIds.add(result.user.id)
      return toPayload(result, 'user', 'session')
    },
    sessionCreate: async (_parent, { input }, ctx) => {
      const result = await sessions.createSession(ctx, input)
      if (result.ok) ctx.provenUserIds.add(result.user.id)
      return toPayload(result, 'user', 'session')
    },
    sessionRefresh: async (_parent, { input }, ctx) => toPayload(await sessions.refreshSession(ctx, input), 'session'),
    sessionRevoke: async (_parent, { input }, ctx) =>
      toPayload(await sessions.revokeSession(ctx, input), (ok) => ({ revoked: ok.revoked }), { revoked: false }),
    passwordChange: async (_parent, { input }, ctx) =>
      toPayload(await passwords.changePassword(ctx, input), 'user', 'session'),
    passwordResetRequest: async (_parent, { input }, ctx) =>
      toPayload(await passwords.requestPasswordReset(ctx, input)),
    passwordReset: async (_parent, { input }, ctx) => {
      const result = await passwords.resetPassword(ctx, input)
      if (result.ok) ctx.provenUserIds.add(result.user.id)
      return toPayload(result, 'user')
    },
    userEmailVerify: async (_parent, { input }, ctx) => {
      const result = await auth.verifyEmail(ctx, input)
      if (result.ok) ctx.provenUserIds.add(result.user.id)
      return toPayload(result, 'user')
    },
  },
}

/** How `node(id:)` fetches this module's types; the loaders apply the visibility rules. */
export const authNodes: NodeFetchers = {
  Shop: (ctx, id) => ctx.loaders.shopById.load(id),
  User: (ctx, id) => ctx.loaders.userById.load(id),
}
