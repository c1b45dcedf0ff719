import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EMAIL_QUEUES } from '../../src/platform/jobs/queues.js'
import { CartLinesAddDocument, CheckoutCompleteDocument, OrderMarkPaidDocument } from '../generated/graphql.js'
import { FAST_JOBS, jobsTo } from '../jobs/support.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { type Account, createProduct, createShop, createStaff, registerCustomer, uniqueSku, uuidOf } from '../support/fixtures.js'
import { startSmtpCapture, waitFor, type SmtpCapture } from '../support/smtp.js'

let smtp: SmtpCapture
let app: TestApp
let shop: string
let staff: Account

beforeAll(async () => {
  smtp = await startSmtpCapture()
  app = await startTestApp({ smtpUrl: smtp.url, ...FAST_JOBS }, { jobs: true })
  shop = (await createShop(app)).handle
  staff = await createStaff(app, shop)
})
afterAll(async () => {
  await app?.close()
  await smtp?.close()
})

async function variantWithStock(quantity: number): Promise<string> {
  const sku = uniqueSku()
  const product = await createProduct(app, staff, { variants: [{ sku, price: '5.00', quantity }] })
  const row = await app.db.selectFrom('product_variant').select('id').where('product_id', '=', uuidOf(product.id)).executeTakeFirstOrThrow()
  return `gid://shopfront/ProductVariant/${row.id}`
}

const confirmations = (to: string) => smtp.messagesTo(to).filter((m) => m.subject.includes('confirmed'))

describe('order emails', () => {
  it('sends exactly one confirmation per committed order and none for a refused checkout', async () => {
    const variant = await variantWithStock(1)
    const customer = await registerCustomer(app, shop)
    await app.gql(CartLinesAddDocument, { input: { lines: [{ variantId: variant, quantity: 1 }] } }, { token: customer.accessToken })
    // Someone else takes the last unit first: this checkout is refused.
    await app.db.updateTable('product_variant').set({ stock: 0 }).where('id', '=', uuidOf(variant)).execute()
    const refused = expectNoErrors(
      await app.gql(CheckoutCompleteDocument, { input: { idempotencyKey: 'refused' } }, { token: customer.accessToken }),
    ).checkoutComplete
    expect(refused.userErrors[0]?.code).toBe('OUT_OF_STOCK')
    await app.db.updateTable('product_variant').set({ stock: 1 }).where('id', '=', uuidOf(variant)).execute()
    const placed = expectNoErrors(
      await app.gql(CheckoutCompleteDocument, { input: { idempotencyKey: 'placed' } }, { token: customer.accessToken }),
    ).checkoutComplete.order!
    // Retrying the successful checkout answers the same order and queues nothing new.
    await app.gql(CheckoutCompleteDocument, { input: { idempotencyKey: 'placed' } }, { token: customer.accessToken })

    const [mail] = await waitFor(() => confirmations(customer.email).length > 0 && confirmations(customer.email), 'the confirmation')
    expect(mail.subject).toContain(`Order #${placed.number} confirmed`)
    expect(mail.text).toContain(placed.total.amount)
    await waitFor(async () => (await jobsTo(app, EMAIL_QUEUES['order-confirmation'], customer.email)).every((j) => j.state === 'completed'), 'the job to complete')
    expect(await jobsTo(app, EMAIL_QUEUES['order-confirmation'], customer.email)).toHaveLength(1)
    expect(confirmations(customer.email)).toHaveLength(1)
  })

  it('tells the customer when staff change the order status', async () => {
    const variant = await variantWithStock(3)
    const customer = await registerCustomer(app, shop)
    await app.gql(CartLinesAddDocument, { input: { lines: [{ variantId: variant, quantity: 1 }] } }, { token: customer.accessToken })
    const order = expectNoErrors(
      await app.gql(CheckoutCompleteDocument, { input: { idempotencyKey: 'status' } }, { token: customer.accessToken }),
    ).checkoutComplete.order!
    await app.gql(OrderMarkPaidDocument, { input: { orderId: order.id } }, { token: staff.accessToken })
    const paid = () => smtp.messagesTo(customer.email).filter((m) => m.subject.includes('is now PAID'))
    const [mail] = await waitFor(() => paid().length > 0 && paid(), 'the status email')
    expect(mail.subject).toContain(`Order #${order.number} is now PAID`)
  })
})
