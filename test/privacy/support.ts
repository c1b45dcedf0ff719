import { sql } from 'kysely'
import { createProduct, uuidOf } from '../support/fixtures.js'
import {
  CartLinesAddDocument,
  CheckoutCompleteDocument,
  CommentCreateDocument,
  PasswordResetRequestDocument,
  PostCreateDocument,
  PostLikeDocument,
  PostPublishDocument,
  ReviewCreateDocument,
  SessionCreateDocument,
} from '../generated/graphql.js'
import { expectNoErrors, type TestApp } from '../support/app.js'
import type { Account } from '../support/fixtures.js'

export interface Footprint {
  orderNumber: number
  postHandle: string
  productId: string
}

/**
 * Gives `account` something of every kind Shopfront stores about a person, through the API: an
 * order (idempotency record, confirmation email job), a cart line, a review, a published post
 * with their own comment and like, a failed login and a password reset request (rate-limit keys
 * and a job with the address), and a delivered email in the log.
 */
export async function leaveFootprint(
  app: TestApp,
  shopHandle: string,
  staff: Account,
  account: Account,
): Promise<Footprint> {
  const auth = { token: account.accessToken }
  const product = await createProduct(app, staff, {
    title: 'Privacy Mug',
    variants: [
      { sku: `MUG-${account.userId.slice(0, 8)}`, price: '12.00', quantity: 20 },
      { sku: `CUP-${account.userId.slice(0, 8)}`, price: '3.00', quantity: 20 },
    ],
  })
  const [mug, cup] = await app.db
    .selectFrom('product_variant')
    .select('id')
    .where('product_id', '=', uuidOf(product.id))
    .orderBy('sku', 'desc')
    .execute()
  const gid = (id: string) => `gid://shopfront/ProductVariant/${id}`
  expectNoErrors(
    await app.gql(CartLinesAddDocument, { input: { lines: [{ variantId: gid(mug.id), quantity: 2 }] } }, auth),
  )
  const placed = expectNoErrors(
    await app.gql(CheckoutCompleteDocument, { input: { idempotencyKey: `k-${account.userId}` } }, auth),
  )
  const order = placed.checkoutComplete.order!
  expectNoErrors(
    await app.gql(CartLinesAddDocument, { input: { lines: [{ variantId: gid(cup.id), quantity: 1 }] } }, auth),
  )
  const review = expectNoErrors(
    await app.gql(
      ReviewCreateDocument,
      { input: { productId: product.id, rating: 4, title: 'Holds coffee', body: 'Fine mug.' } },
      auth,
    ),
  )
  if (review.reviewCreate.userErrors.length) throw new Error(JSON.stringify(review.reviewCreate.userErrors))
  const post = expectNoErrors(
    await app.gql(PostCreateDocument, { input: { title: 'My mug story', body: 'It holds coffee.' } }, auth),
  ).postCreate.post!
  expectNoErrors(await app.gql(PostPublishDocument, { input: { id: post.id } }, auth))
  expectNoErrors(
    await app.gql(CommentCreateDocument, { input: { postId: post.id, body: 'Replying to myself.' } }, auth),
  )
  expectNoErrors(await app.gql(PostLikeDocument, { input: { postId: post.id } }, auth))
  await app.gql(SessionCreateDocument, { input: { shopHandle, email: account.email, password: 'wrong password!!' } })
  await app.gql(PasswordResetRequestDocument, { input: { shopHandle, email: account.email.toUpperCase() } })
  await sql`
    INSERT INTO email_delivery (shop_id, kind, dedupe_key, recipient, message_id)
    VALUES (${account.shopId}, 'welcome', ${account.userId}, ${account.email}, ${`<${account.userId}@test>`})`.execute(
    app.db,
  )
  return { orderNumber: order.number, postHandle: post.handle, productId: product.id }
}

/**
 * Every (schema.table.column) of text or JSON type, in the app's schema and pg-boss's, whose
 * value mentions `needle` (case-insensitively), with how many rows do.
 */
export async function columnsMentioning(app: TestApp, needle: string, exceptShopId?: string): Promise<string[]> {
  // pg-boss 10 keeps each queue's jobs in a partition of pgboss.job: search the parent only.
  const columns = await sql<{ table_schema: string; table_name: string; column_name: string }>`
    SELECT c.table_schema, c.table_name, c.column_name
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema IN ('public', 'pgboss') AND t.table_type = 'BASE TABLE'
      AND NOT (c.table_schema = 'pgboss' AND c.table_name ~ '^j[0-9a-f]{56}$')
      AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb') OR c.data_type = 'ARRAY')`.execute(
    app.db,
  )
  const found: string[] = []
  for (const c of columns.rows) {
    const ref = sql`${sql.id(c.table_schema, c.table_name)}`
    // A row "of" another shop mentions its id somewhere (shop_id, or a job's data.shopId).
    const except = exceptShopId ? sql`AND strpos(to_jsonb(r)::text, ${exceptShopId}) = 0` : sql``
    const result = await sql<{ n: string }>`
      SELECT count(*) AS n FROM ${ref} AS r
      WHERE strpos(lower(${sql.ref(`r.${c.column_name}`)}::text), lower(${needle})) > 0 ${except}`.execute(app.db)
    const n = Number(result.rows[0].n)
    if (n > 0) found.push(`${c.table_schema}.${c.table_name}.${c.column_name} (${n})`)
  }
  return found
}
