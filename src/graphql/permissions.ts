import { ordersRules } from '../modules/orders/orders.rules.js'
import { shield } from 'graphql-shield'
import { forbidden } from '../shared/errors.js'
import { authRules } from '../modules/auth/auth.rules.js'
import { catalogRules } from '../modules/catalog/catalog.rules.js'
import { blogRules } from '../modules/blog/blog.rules.js'
import { reviewsRules } from '../modules/reviews/reviews.rules.js'
import { deny, type RuleMap } from './rules.js'

/** Merges the modules' rule maps; a rule defined twice is a bug. */
function mergeRules(...maps: RuleMap[]): RuleMap {
  const merged: RuleMap = {}
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      merged[type] ??= {}
      for (const [field, rule] of Object.entries(fields)) {
        if (field in merged[type]) throw new Error(`shield rule ${type}.${field} is defined twice`)
        merged[type][field] = rule
      }
    }
  }
  return merged
}

/** Every field's rule, by type; a test walks the schema and fails for any field missing here. */
export const ruleMap = mergeRules(authRules, catalogRules, ordersRules, blogRules, reviewsRules)

export const permissions = shield(ruleMap as never, {
  fallbackRule: deny,
  fallbackError: () => forbidden(),
  // Errors thrown by resolvers pass through untouched (formatError masks the unexpected ones).
  allowExternalErrors: true,
  debug: false,
})
