import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { makeExecutableSchema } from '@graphql-tools/schema'
import type { GraphQLSchema } from 'graphql'
import { applyMiddleware } from 'graphql-middleware'
import { projectRoot } from '../shared/paths.js'
import { permissions } from './permissions.js'
import { resolvers } from './resolvers.js'

// The same folder whether this runs from src/ (tsx) or from dist/src/ (compiled).
const schemaDir = path.join(projectRoot, 'schema')

/** The SDL of every `schema/*.graphql` file, in name order. */
export function loadTypeDefs(): string[] {
  return readdirSync(schemaDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(path.join(schemaDir, file), 'utf8'))
}

/** The executable schema, with graphql-shield applied (deny by default). */
export function buildSchema(): GraphQLSchema {
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers as never })
  return applyMiddleware(schema, permissions)
}
