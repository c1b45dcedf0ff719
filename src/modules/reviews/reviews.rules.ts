import { allow, signedIn, staffOnly, type RuleMap } from '../../graphql/rules.js'

// Reviews only reach a client through the visibility rules in SQL (hidden reviews, and reviews of
// products the viewer cannot see, are never loaded for a viewer who may not see them), so their
// fields are open; the author is a public profile (User's own rules guard its private fields).
// Ownership of writes is re-checked by the service against the locked row.
export const reviewsRules: RuleMap = {
  Product: { reviews: allow, rating: allow },
  Mutation: {
    reviewCreate: signedIn,
    reviewUpdate: signedIn,
    reviewDelete: signedIn,
    reviewModerate: staffOnly,
  },
  Review: {
    id: allow,
    rating: allow,
    title: allow,
    body: allow,
    author: allow,
    verifiedPurchase: allow,
    status: allow,
    product: allow,
    createdAt: allow,
    updatedAt: allow,
  },
  ProductRating: { '*': allow },
  ReviewConnection: { '*': allow },
  ReviewEdge: { '*': allow },
  ReviewCreatePayload: { '*': allow },
  ReviewUpdatePayload: { '*': allow },
  ReviewDeletePayload: { '*': allow },
  ReviewModeratePayload: { '*': allow },
}
