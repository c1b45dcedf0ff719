import type { Module } from '../module.js'
import { reportsResolvers } from './reports.resolvers.js'
import { reportsRules } from './reports.rules.js'

/** Staff sales reports (top customers, sales by day, top variants), computed in SQL. */
export const reportsModule: Module = {
  name: 'reports',
  resolvers: reportsResolvers,
  rules: reportsRules,
  nodes: {},
  createLoaders: () => ({}),
}
