import { allow, signedIn, type RuleMap } from '../../graphql/rules.js'

export const authRules: RuleMap = {
  Query: { shop: allow, viewer: allow, node: allow, nodes: allow },
  Mutation: {
    shopCreate: allow,
    userRegister: allow,
    sessionCreate: allow,
    sessionRefresh: allow,
    sessionRevoke: allow,
    passwordChange: signedIn,
    passwordResetRequest: allow,
    passwordReset: allow,
    userEmailVerify: allow,
  },
  Shop: { id: allow, handle: allow, name: allow, currencyCode: allow, taxRateBasisPoints: allow, createdAt: allow },
  // email and role answer null (without an error) to anyone but the user and staff of their shop:
  // the resolvers decide, so a public list of authors carries no errors array (canSeePrivateFields).
  User: { id: allow, displayName: allow, email: allow, role: allow, emailVerified: allow, createdAt: allow },
  Viewer: { user: signedIn, shop: signedIn },
  Session: { '*': allow },
  ShopCreatePayload: { '*': allow },
  UserRegisterPayload: { '*': allow },
  SessionCreatePayload: { '*': allow },
  SessionRefreshPayload: { '*': allow },
  SessionRevokePayload: { '*': allow },
  PasswordChangePayload: { '*': allow },
  PasswordResetRequestPayload: { '*': allow },
  PasswordResetPayload: { '*': allow },
  UserEmailVerifyPayload: { '*': allow },
  // Shared types of base.graphql.
  PageInfo: { '*': allow },
  Money: { '*': allow },
  UserError: { '*': allow },
}
