import { ReviewCreateDocument, ReviewModerateDocument, type ReviewCreateInput, type ReviewModerationAction } from '../generated/graphql.js'
import { createProduct } from '../catalog/support.js'
import { expectNoErrors, type GraphQLResponse, type TestApp } from '../support/app.js'
import { createShop, createStaff, registerCustomer, type Account } from '../support/fixtures.js'

/** A shop with a review author, another customer and staff, plus a second shop with its own staff and customer. */
export interface ReviewWorld {
  handle: string
  shopId: string
  admin: Account
  author: Account
  customer: Account
  staff: Account
  otherShopHandle: string
  otherShopStaff: Account
  otherShopCustomer: Account
}

export async function createReviewWorld(app: TestApp): Promise<ReviewWorld> {
  const shop = await createShop(app)
  const other = await createShop(app)
  const world = {
    handle: shop.handle,
    shopId: shop.admin.shopId,
    admin: shop.admin,
    author: await registerCustomer(app, shop.handle),
    customer: await registerCustomer(app, shop.handle),
    staff: await createStaff(app, shop.handle),
    otherShopHandle: other.handle,
    otherShopStaff: await createStaff(app, other.handle),
    otherShopCustomer: await registerCustomer(app, other.handle),
  }
  await app.db.updateTable('user').set({ display_name: 'Rita Reviewer' }).where('id', '=', world.author.userId).execute()
  return world
}

export interface CreatedProduct {
  id: string
  handle: string
}

/** An ACTIVE product of the account's shop (created by `staff`), unless another status is given. */
export async function product(app: TestApp, staff: Account, status: 'ACTIVE' | 'DRAFT' = 'ACTIVE'): Promise<CreatedProduct> {
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
  const payload = expectNoErrors(await reviewCreate(app, account, { productId, rating: 4, title: 'Good', ...input })).reviewCreate
  if (payload.userErrors.length || !payload.review) throw new Error(`reviewCreate failed: ${JSON.stringify(payload.userErrors)}`)
  return payload.review.id
}

export async function moderate(app: TestApp, staff: Account, id: string, action: ReviewModerationAction): Promise<void> {
  const payload = expectNoErrors(await app.gql(ReviewModerateDocument, { input: { id, action } }, { token: staff.accessToken }))
    .reviewModerate
  if (payload.userErrors.length) throw new Error(`reviewModerate failed: ${JSON.stringify(payload.userErrors)}`)
}

export function errorCode(response: GraphQLResponse<unknown>): string | undefined {
  return response.body.errors?.[0]?.extensions?.code
}
