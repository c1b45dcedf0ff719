import { shield } from 'graphql-shield'
import { modules } from '../modules/index.js'
import { forbidden } from '../shared/errors.js'
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
export const ruleMap = mergeRules(...modules.map((module) => module.rules))

export const permissions = shield(ruleMap as never, {
  fallbackRule: deny,
  fallbackError: () => forbidden(),
  // Errors thrown by resolvers pass through untouched (formatError masks the unexpected ones).
  allowExternalErrors: true,
  debug: false,
})
