import type { Resolvers } from '../../generated/graphql.js'
import { toGlobalId } from '../../shared/ids.js'
import { toPayload } from '../../graphql/payload.js'
import * as privacy from './privacy.service.js'

export const privacyResolvers: Resolvers = {
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
