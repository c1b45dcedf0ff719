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

/**
 * The options graphql-shield's `shield()` would get; schema.ts `applyRules` applies the rules with
 * them (only to fields whose rule is not `allow`).
 */
export const shieldOptions = {
  fallbackRule: deny,
  fallbackError: () => forbidden(),
  // Errors thrown by resolvers pass through untouched (formatError masks the unexpected ones).
  allowExternalErrors: true,
  debug: false,
  // The key of a `cache: 'strict'` rule's result: its parent row and arguments (rows hold no cycles).
  hashFunction: (value: { parent: unknown; args: unknown }) =>
    JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
} as const
