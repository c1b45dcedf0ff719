import {
  CommentCreateDocument,
  PostCreateDocument,
  PostPublishDocument,
  type PostCreateInput,
} from '../generated/graphql.js'
import { expectNoErrors, type TestApp } from '../support/app.js'
import { createShop, createStaff, registerCustomer, type Account } from '../support/fixtures.js'

/** A shop with an author, another customer and staff, plus staff of a second shop. */
export interface BlogWorld {
  handle: string
  shopId: string
  admin: Account
  author: Account
  customer: Account
  staff: Account
  otherShopHandle: string
  otherShopStaff: Account
}

export async function createBlogWorld(app: TestApp): Promise<BlogWorld> {
  const shop = await createShop(app)
  const other = await createShop(app)
  return {
    handle: shop.handle,
    shopId: shop.admin.shopId,
    admin: shop.admin,
    author: await registerCustomer(app, shop.handle),
    customer: await registerCustomer(app, shop.handle),
    staff: await createStaff(app, shop.handle),
    otherShopHandle: other.handle,
    otherShopStaff: await createStaff(app, other.handle),
  }
}

export interface CreatedPost {
  id: string
  handle: string
}

/** Creates a post as `account` (a draft unless `publish`), failing the test on any error. */
export async function createPost(
  app: TestApp,
  account: Account,
  input: Partial<PostCreateInput> = {},
  publish = false,
): Promise<CreatedPost> {
  const created = expectNoErrors(
    await app.gql(PostCreateDocument, { input: { title: 'A post', body: 'Some words.', ...input } }, { token: account.accessToken }),
  ).postCreate
  if (created.userErrors.length || !created.post) throw new Error(`postCreate failed: ${JSON.stringify(created.userErrors)}`)
  const post = { id: created.post.id, handle: created.post.handle }
  if (publish) {
    const published = expectNoErrors(
      await app.gql(PostPublishDocument, { input: { id: post.id } }, { token: account.accessToken }),
    ).postPublish
    if (published.userErrors.length) throw new Error(`postPublish failed: ${JSON.stringify(published.userErrors)}`)
  }
  return post
}

export async function createComment(app: TestApp, account: Account, postId: string, body = 'Nice post'): Promise<string> {
  const created = expectNoErrors(
    await app.gql(CommentCreateDocument, { input: { postId, body } }, { token: account.accessToken }),
  ).commentCreate
  if (created.userErrors.length || !created.comment) throw new Error(`commentCreate failed: ${JSON.stringify(created.userErrors)}`)
  return created.comment.id
}

export function uuidOf(globalId: string): string {
  return globalId.slice(globalId.lastIndexOf('/') + 1)
}
