import type { Module } from '../module.js'
import { privacyResolvers } from './privacy.resolvers.js'
import { privacyRules } from './privacy.rules.js'

/** A user's own data: export (Viewer.dataExport) and erasure (viewerDelete). */
export const privacyModule: Module = {
  name: 'privacy',
  resolvers: privacyResolvers,
  rules: privacyRules,
  nodes: {},
  createLoaders: () => ({}),
}
