import { GraphQLScalarType } from 'graphql'
import type { Resolvers } from '../../generated/graphql.js'
import { badUserInput } from '../../shared/errors.js'
import { toGlobalId } from '../../shared/ids.js'
import { toPayload } from '../../graphql/payload.js'
import * as privacy from './privacy.service.js'

/** Output-only in practice: no argument of the schema takes JSON, and input is refused. */
const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: () => {
    throw badUserInput('JSON is not accepted as input')
  },
  parseLiteral: () => {
    throw badUserInput('JSON is not accepted as input')
  },
})

export const privacyResolvers: Resolvers = {
  JSON: JSONScalar,
  Viewer: {
    dataExport: async (viewer, _args, ctx) => {
      if (viewer.userId !== ctx.viewer?.userId) throw new Error('a Viewer object is always the caller')
      const exported = await privacy.exportViewerData(ctx)
      if (!exported) throw new Error('the viewer vanished during the request')
      return exported
    },
  },
  DataExport: {
    generatedAt: (row) => row.generatedAt,
    document: (row) => row.document,
    truncated: (row) => row.truncated,
  },
  Mutation: {
    viewerDelete: async (_parent, { input }, ctx) => {
      const result = await privacy.deleteViewer(ctx, input)
      return toPayload(result, (ok) => ({ deletedUserId: toGlobalId('User', ok.userId) }), { deletedUserId: null })
    },
  },
}
