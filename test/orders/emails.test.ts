import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EMAIL_QUEUES } from '../../src/platform/jobs/queues.js'
import {
  CartLinesAddDocument,
  CheckoutCompleteDocument,
  OrderFulfillDocument,
  OrderMarkPaidDocument,
  UserEmailVerifyDocument,
} from '../generated/graphql.js'
import { FAST_JOBS, jobsTo } from '../jobs/support.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import {
  type Account,
  createProduct,
  createShop,
  createStaff,
  registerCustomer,
  uniqueSku,
  uuidOf,
} from '../support/fixtures.js'
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
  const row = await app.db
    .selectFrom('product_variant')
    .select('id')
    .where('product_id', '=', uuidOf(product.id))
    .executeTakeFirstOrThrow()
  return `gid://shopfront/ProductVariant/${row.id}`
}

const confirmations = (to: string) => smtp.messagesTo(to).filter((m) => m.subject.includes('confirmed'))

describe('order emails', () => {
  it('sends exactly one confirmation per committed order and none for a refused checkout', async () => {
    const variant = await variantWithStock(1)
    const customer = await registerCustomer(app, shop)
    await app.gql(
      CartLinesAddDocument,
      { input: { lines: [{ variantId: variant, quantity: 1 }] } },
      { token: customer.accessToken },
    )
    // Someone else takes the last unit first: this checkout is refused.
    await app.db.updateTable('product_variant').set({ stock: 0 }).where('id', '=', uuidOf(variant)).execute()
    const refused = expectNoErrors(
      await app.gql(
        CheckoutCompleteDocument,
        { input: { idempotencyKey: 'refused' } },
        { token: customer.accessToken },
      ),
    ).checkoutComplete
    expect(refused.userErrors[0]?.code).toBe('OUT_OF_STOCK')
    await app.db.updateTable('product_variant').set({ stock: 1 }).where('id', '=', uuidOf(variant)).execute()
    const placed = expectNoErrors(
      await app.gql(CheckoutCompleteDocument, { input: { idempotencyKey: 'placed' } }, { token: customer.accessToken }),
    ).checkoutComplete.order!
    // Retrying the successful checkout answers the same order and queues nothing new.
    await app.gql(CheckoutCompleteDocument, { input: { idempotencyKey: 'placed' } }, { token: customer.accessToken })

    const [mail] = await waitFor(
      () => confirmations(customer.email).length > 0 && confirmations(customer.email),
      'the confirmation',
    )
    expect(mail.subject).toContain(`Order #${placed.number} confirmed`)
    expect(mail.text).toContain(placed.total.amount)
    await waitFor(
      async () =>
        (await jobsTo(app, EMAIL_QUEUES['order-confirmation'], customer.email)).every((j) => j.state === 'completed'),
      'the job to complete',
    )
    expect(await jobsTo(app, EMAIL_QUEUES['order-confirmation'], customer.email)).toHaveLength(1)
    expect(confirmations(customer.email)).toHaveLength(1)
  })

  it('tells the customer when staff change the order status', async () => {
    const variant = await variantWithStock(3)
    const customer = await registerCustomer(app, shop)
    await app.gql(
      CartLinesAddDocument,
      { input: { lines: [{ variantId: variant, quantity: 1 }] } },
      { token: customer.accessToken },
    )
    const order = expectNoErrors(
      await app.gql(CheckoutCompleteDocument, { input: { idempotencyKey: 'status' } }, { token: customer.accessToken }),
    ).checkoutComplete.order!
    await app.gql(OrderMarkPaidDocument, { input: { orderId: order.id } }, { token: staff.accessToken })
    const paid = () => smtp.messagesTo(customer.email).filter((m) => m.subject.includes('is now PAID'))
    const [mail] = await waitFor(() => paid().length > 0 && paid(), 'the status email')
    expect(mail.subject).toContain(`Order #${order.number} is now PAID`)
  })
})

describe('order emails to an address nobody verified', () => {
  const PHISHING_TITLE = 'URGENT call +1 555 0100 to unlock your account'

  /** The attacker's own shop, a product with their text, and the victim's address registered there. */
  async function attackerSetup() {
    const attacker = await createShop(app)
    const sku = uniqueSku()
    const product = await createProduct(app, attacker.admin, {
      title: PHISHING_TITLE,
      variants: [{ sku, price: '5.00', quantity: 10 }],
    })
    const row = await app.db
      .selectFrom('product_variant')
      .select('id')
      .where('product_id', '=', uuidOf(product.id))
      .executeTakeFirstOrThrow()
    const victimEmail = `victim-${uniqueSku().toLowerCase()}@example.com`
    const victim = await registerCustomer(app, attacker.handle, victimEmail, { verified: false })
    return { attacker, victim, variant: `gid://shopfront/ProductVariant/${row.id}` }
  }

  async function placeOrder(customer: Account, variant: string, key: string) {
    await app.gql(
      CartLinesAddDocument,
      { input: { lines: [{ variantId: variant, quantity: 1 }] } },
      { token: customer.accessToken },
    )
    return expectNoErrors(
      await app.gql(CheckoutCompleteDocument, { input: { idempotencyKey: key } }, { token: customer.accessToken }),
    ).checkoutComplete.order!
  }

  /** Every order email job to `to`, once there are `count` and all are finished. */
  async function finishedOrderJobs(to: string, count: number) {
    const all = async () => [
      ...(await jobsTo(app, EMAIL_QUEUES['order-confirmation'], to)),
      ...(await jobsTo(app, EMAIL_QUEUES['order-status-changed'], to)),
    ]
    return waitFor(async () => {
      const jobs = await all()
      return jobs.length === count && jobs.every((j) => j.state === 'completed') && jobs
    }, `${count} finished order email jobs`)
  }

  it('sends the victim only the welcome text when the attacker places, pays and fulfils orders', async () => {
    const { attacker, victim, variant } = await attackerSetup()
    const order = await placeOrder(victim, variant, 'attack')
    await app.gql(OrderMarkPaidDocument, { input: { orderId: order.id } }, { token: attacker.admin.accessToken })
    await app.gql(OrderFulfillDocument, { input: { orderId: order.id } }, { token: attacker.admin.accessToken })

    const jobs = await finishedOrderJobs(victim.email, 3)
    await waitFor(() => smtp.messagesTo(victim.email).length > 0, 'the welcome')
    expect(jobs.map((j) => j.output?.reason)).toEqual([
      'unverified-recipient',
      'unverified-recipient',
      'unverified-recipient',
    ])
    const mails = smtp.messagesTo(victim.email)
    expect(mails.map((m) => m.subject)).toEqual(['Your new account'])
    expect(mails[0].text).not.toContain(PHISHING_TITLE)
    expect(mails[0].text).not.toContain(`Shop ${attacker.handle}`)
    const delivered = await app.db
      .selectFrom('email_delivery')
      .select('kind')
      .where('recipient', '=', victim.email)
      .execute()
    expect(delivered.map((d) => d.kind)).toEqual(['welcome'])
  })

  it('sends order emails once the owner of the address has verified it', async () => {
    const { attacker, victim, variant } = await attackerSetup()
    const [welcome] = await waitFor(
      () => smtp.messagesTo(victim.email).length > 0 && smtp.messagesTo(victim.email),
      'the welcome',
    )
    const code = /Verification code: (\S+)/.exec(welcome.text)![1]
    const verified = expectNoErrors(
      await app.gql(UserEmailVerifyDocument, { input: { shopHandle: attacker.handle, code } }),
    )
    expect(verified.userEmailVerify.userErrors).toEqual([])
    const order = await placeOrder(victim, variant, 'after-verify')
    const [mail] = await waitFor(
      () => confirmations(victim.email).length > 0 && confirmations(victim.email),
      'the confirmation',
    )
    expect(mail.subject).toContain(`Order #${order.number} confirmed`)
  })
})
