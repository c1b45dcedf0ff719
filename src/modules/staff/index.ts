import { type Module } from '../module.js'
import { createStaffLoaders } from './staff.loaders.js'
import { staffNodes, staffResolvers } from './staff.resolvers.js'
import { staffRules } from './staff.rules.js'

export type StaffLoaders = ReturnType<typeof createStaffLoaders>

/** The back office: customers, staff invitations, role changes and shop settings. */
export const staffModule: Module<StaffLoaders> = {
  name: 'staff',
  resolvers: staffResolvers,
  rules: staffRules,
  nodes: staffNodes,
  createLoaders: createStaffLoaders,
}
