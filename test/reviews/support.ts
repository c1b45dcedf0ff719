import {
  ReviewCreateDocument,
  ReviewModerateDocument,
  type ReviewCreateInput,
  type ReviewModerationAction,
} from '../generated/graphql.js'
import { errorCode, expectNoErrors, type TestApp } from '../support/app.js'
import { createProduct, createShopWorld, type Account, type ShopWorld } from '../support/fixtures.js'

/** The reviews tests' world: the shared one of test/support, its author named Rita Reviewer. */
export type ReviewWorld = ShopWorld

export async function createReviewWorld(app: TestApp): Promise<ReviewWorld> {
  const world = await createShopWorld(app)
  await app.db
    .updateTable('user')
    .set({ display_name: 'Rita Reviewer' })
    .where('id', '=', world.author.userId)
    .execute()
  return world
}

export interface CreatedProduct {
  id: string
  handle: string
}

/** An ACTIVE product of the account's shop (created by `staff`), unless another status is given. */
export async function product(
  app: TestApp,
  staff: Account,
  status: 'ACTIVE' | 'DRAFT' = 'ACTIVE',
): Promise<CreatedProduct> {
  const created = await createProduct(app, staff, { status })
  return { id: created.id, handle: created.handle }
}

export function reviewCreate(app: TestApp, account: Account | null, input: ReviewCreateInput) {
  return app.gql(ReviewCreateDocument, { input }, { token: account?.accessToken })
}

/** Reviews the product as `account`, failing the test on any error; answers the review's global id. */
export async function createReview(
  app: TestApp,
  account: Account,
  productId: string,
  input: Partial<Omit<ReviewCreateInput, 'productId'>> = {},
): Promise<string> {
  const payload = expectNoErrors(
    await reviewCreate(app, account, { productId, rating: 4, title: 'Good', ...input }),
  ).reviewCreate
  if (payload.userErrors.length || !payload.review)
    throw new Error(`reviewCreate failed: ${JSON.stringify(payload.userErrors)}`)
  return payload.review.id
}

export async function moderate(
  app: TestApp,
  staff: Account,
  id: string,
  action: ReviewModerationAction,
): Promise<void> {
  const payload = expectNoErrors(
    await app.gql(ReviewModerateDocument, { input: { id, action } }, { token: staff.accessToken }),
  ).reviewModerate
  if (payload.userErrors.length) throw new Error(`reviewModerate failed: ${JSON.stringify(payload.userErrors)}`)
}

export { errorCode }
