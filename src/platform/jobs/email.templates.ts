import { currencyScale, formatDecimal } from '../../shared/money.js'
import type { EmailKind } from '../../shared/rows.js'
import { emailVerificationToken, passwordResetToken } from '../security/tokens.js'

/** Minor units as a number, a bigint or a decimal string (bigints travel through the job as strings). */
export type MinorUnits = number | bigint | string

export type OrderStatusName = 'PENDING_PAYMENT' | 'PAID' | 'FULFILLED' | 'CANCELLED' | 'REFUNDED'

/** One line of an order, as the confirmation shows it. */
export interface OrderEmailLine {
  title: string
  sku: string
  quantity: number
  unitPriceMinor: MinorUnits
}

/** What each kind of email needs, besides the shop and the recipient. */
export interface EmailData {
  welcome: {
    /** Ignored: the welcome email goes to an address nobody has verified, so it carries no user-written text. */
    displayName?: string
    /** The `email_verification_token` row: the code is derived from it, never carried in the job. */
    verificationTokenId?: string
    /** When the code expires, ISO 8601. */
    expiresAt?: string
  }
  'order-confirmation': {
    displayName?: string
    /** The per-shop order number. */
    orderNumber: number
    currencyCode: string
    subtotalMinor: MinorUnits
    taxMinor: MinorUnits
    totalMinor: MinorUnits
    status?: OrderStatusName
    lines?: OrderEmailLine[]
  }
  'order-status-changed': {
    displayName?: string
    orderNumber: number
    /** The status the order just entered. */
    status: OrderStatusName
    previousStatus?: OrderStatusName
    currencyCode: string
    totalMinor: MinorUnits
  }
  'password-reset': {
    /** Ignored, like the welcome email's: anyone can register (and reset) an address that is not theirs. */
    displayName?: string
    /** The `password_reset_token` row: the token is derived from it, never carried in the job. */
    tokenId: string
    /** ISO 8601. */
    expiresAt: string
    /**
     * Set for a staff invitation (`staffInvite`): the code sets the first password of a new
     * account with this role, and the email says so.
     */
    invitedRole?: 'STAFF' | 'ADMIN'
  }
}

/** What a template gets besides its data. */
export interface TemplateContext {
  shopName: string
  /** The server-side key password reset tokens are derived with (config.jwtSecret). */
  secret: string
}

export interface RenderedEmail {
  subject: string
  text: string
  html: string
}

type Templates = { [K in EmailKind]: (data: EmailData[K], ctx: TemplateContext) => RenderedEmail }

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

function money(amountMinor: MinorUnits, currencyCode: string): string {
  return `${formatDecimal(amountMinor, currencyScale(currencyCode))} ${currencyCode}`
}

/** Text lines to a plain-text body and a minimal HTML body (one paragraph per line). */
function bodies(lines: string[]): { text: string; html: string } {
  const text = lines.join('\n') + '\n'
  const html = `<!doctype html><html><body>${lines.map((l) => (l ? `<p>${escapeHtml(l)}</p>` : '')).join('')}</body></html>`
  return { text, html }
}

const STATUS_SENTENCES: Record<OrderStatusName, string> = {
  PENDING_PAYMENT: 'is waiting for payment',
  PAID: 'is paid: we are preparing it',
  FULFILLED: 'has been fulfilled and is on its way',
  CANCELLED: 'has been cancelled',
  REFUNDED: 'has been refunded',
}

const greeting = (name: string | undefined) => (name ? `Hello ${name},` : 'Hello,')

const templates: Templates = {
  // Subjects never carry user-written text (shop names, display names: CR/LF or a phishing line
  // would land in a header or a mail list). The welcome and reset emails go to an address that has
  // not been proved to be the registrant's, so they say nothing anyone but us wrote.
  welcome: (data, ctx) => ({
    subject: 'Your new account',
    ...bodies([
      'Hello,',
      '',
      'An account has been created with this email address. Sign in with it to shop, review and blog.',
      ...(data.verificationTokenId
        ? [
            '',
            'To confirm this address is yours, use this one-time code with the userEmailVerify mutation.',
            'Until then, no other email is sent to this address.',
            '',
            `Verification code: ${emailVerificationToken(ctx.secret, data.verificationTokenId)}`,
            ...(data.expiresAt
              ? ['', `The code works once and expires at ${new Date(data.expiresAt).toISOString()}.`]
              : []),
          ]
        : []),
      '',
      'If you did not create it, ignore this email.',
    ]),
  }),
  'order-confirmation': (data, ctx) => {
    const lines = (data.lines ?? []).map(
      (l) => `${l.quantity} x ${l.title} (${l.sku}) at ${money(l.unitPriceMinor, data.currencyCode)}`,
    )
    return {
      subject: `Order #${data.orderNumber} confirmed`,
      ...bodies([
        greeting(data.displayName),
        '',
        `Thank you for your order #${data.orderNumber}.`,
        ...(lines.length ? ['', ...lines] : []),
        '',
        `Subtotal: ${money(data.subtotalMinor, data.currencyCode)}`,
        `Tax: ${money(data.taxMinor, data.currencyCode)}`,
        `Total: ${money(data.totalMinor, data.currencyCode)}`,
        ...(data.status ? [`Status: ${data.status}`] : []),
        '',
        `The ${ctx.shopName} team`,
      ]),
    }
  },
  'order-status-changed': (data, ctx) => ({
    subject: `Order #${data.orderNumber} is now ${data.status}`,
    ...bodies([
      greeting(data.displayName),
      '',
      `Your order #${data.orderNumber} ${STATUS_SENTENCES[data.status] ?? `is now ${data.status}`}.`,
      ...(data.previousStatus ? [`Previous status: ${data.previousStatus}`] : []),
      `Status: ${data.status}`,
      `Total: ${money(data.totalMinor, data.currencyCode)}`,
      '',
      `The ${ctx.shopName} team`,
    ]),
  }),
  'password-reset': (data, ctx) => {
    const token = passwordResetToken(ctx.secret, data.tokenId)
    if (data.invitedRole) {
      return {
        subject: `${ctx.shopName}: you are invited to the team`,
        ...bodies([
          greeting(data.displayName),
          '',
          `An administrator of ${ctx.shopName} gave this address a ${data.invitedRole} account.`,
          'To choose its password, use this one-time code with the passwordReset mutation, then sign in:',
          '',
          `Invitation code: ${token}`,
          '',
          `The code works once and expires at ${new Date(data.expiresAt).toISOString()}.`,
          'If you did not expect this, ignore this email: nobody can sign in to the account without the code.',
        ]),
      }
    }
    return {
      subject: 'Reset your password',
      ...bodies([
        'Hello,',
        '',
        'Someone asked to reset the password of the account with this email address.',
        'To choose a new password, use this one-time code with the passwordReset mutation:',
        '',
        `Reset code: ${token}`,
        '',
        `The code works once and expires at ${new Date(data.expiresAt).toISOString()}.`,
        'If you did not ask for this, ignore this email: your password stays as it is.',
      ]),
    }
  },
}

export function renderEmail<K extends EmailKind>(kind: K, data: EmailData[K], ctx: TemplateContext): RenderedEmail {
  return (templates[kind] as (data: EmailData[K], ctx: TemplateContext) => RenderedEmail)(data, ctx)
}
