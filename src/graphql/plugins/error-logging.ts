import type { ApolloServerPlugin } from '@apollo/server'
import type { GraphQLError } from 'graphql'
import type { Context } from '../context.js'
import { isDeliberate } from '../errors.js'

/** Logs every error that formatError will mask, with the request id, so it can be found. */
export function errorLoggingPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isDeliberate(error)) continue
            const original = (error as GraphQLError).originalError ?? error
            contextValue.logger.error(
              { err: original, path: error.path },
              'unexpected error while handling a GraphQL request',
            )
          }
        },
      }
    },
  }
}
