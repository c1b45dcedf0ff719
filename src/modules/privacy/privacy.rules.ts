import { rule } from 'graphql-shield'
import type { Context } from '../../graphql/context.js'
import type { Viewer } from '../../shared/viewer.js'
import { forbidden } from '../../shared/errors.js'
import { allow, signedIn, type RuleMap } from '../../graphql/rules.js'

/** Only the viewer themself: a Viewer object is always the caller's own, but say it in the rule too. */
const isOwnViewer = rule({ cache: 'contextual' })((viewer: Viewer, _args, ctx: Context) =>
  ctx.viewer !== null && ctx.viewer.userId === viewer.userId && ctx.viewer.shopId === viewer.shopId
    ? true
    : forbidden('Only the user themself can export their data'),
)

export const privacyRules: RuleMap = {
  Viewer: { dataExport: isOwnViewer },
  DataExport: { '*': allow },
  Mutation: { viewerDelete: signedIn },
  ViewerDeletePayload: { '*': allow },
}
