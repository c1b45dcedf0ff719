import { type Module } from '../module.js'
import { authEmbeds } from './auth.embeds.js'
import { createAuthLoaders } from './auth.loaders.js'
import { authNodes, authResolvers } from './auth.resolvers.js'
import { authRules } from './auth.rules.js'
import { seedDemoShop } from './auth.seed.js'
import { passwordResetJobHandler } from './password.service.js'

export type AuthLoaders = ReturnType<typeof createAuthLoaders>

/** Shops, users, sessions and passwords. */
export const authModule: Module<AuthLoaders> = {
  name: 'auth',
  resolvers: authResolvers,
  rules: authRules,
  nodes: authNodes,
  createLoaders: createAuthLoaders,
  embeds: authEmbeds,
  jobs: [passwordResetJobHandler],
  seed: seedDemoShop,
}
