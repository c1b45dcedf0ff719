import {
  CommentCreateDocument,
  PostCreateDocument,
  PostPublishDocument,
  type PostCreateInput,
} from '../generated/graphql.js'
import { expectNoErrors, type TestApp } from '../support/app.js'
import { createShopWorld, uuidOf, type Account, type ShopWorld } from '../support/fixtures.js'

/** The blog tests' world: the shared one of test/support. */
export type BlogWorld = ShopWorld
export const createBlogWorld = createShopWorld

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
    await app.gql(
      PostCreateDocument,
      { input: { title: 'A post', body: 'Some words.', ...input } },
      { token: account.accessToken },
    ),
  ).postCreate
  if (created.userErrors.length || !created.post)
    throw new Error(`postCreate failed: ${JSON.stringify(created.userErrors)}`)
  const post = { id: created.post.id, handle: created.post.handle }
  if (publish) {
    const published = expectNoErrors(
      await app.gql(PostPublishDocument, { input: { id: post.id } }, { token: account.accessToken }),
    ).postPublish
    if (published.userErrors.length) throw new Error(`postPublish failed: ${JSON.stringify(published.userErrors)}`)
  }
  return post
}

export async function createComment(
  app: TestApp,
  account: Account,
  postId: string,
  body = 'Nice post',
): Promise<string> {
  const created = expectNoErrors(
    await app.gql(CommentCreateDocument, { input: { postId, body } }, { token: account.accessToken }),
  ).commentCreate
  if (created.userErrors.length || !created.comment)
    throw new Error(`commentCreate failed: ${JSON.stringify(created.userErrors)}`)
  return created.comment.id
}

export { uuidOf }
