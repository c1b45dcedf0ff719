import type { AddressInfo } from 'node:net'
import { SMTPServer, type SMTPServerSession } from 'smtp-server'

/** A message the capture server accepted. */
export interface CapturedMail {
  to: string[]
  from: string
  subject: string
  messageId: string
  /** The decoded text/plain part. */
  text: string
  raw: string
}

/**
 * What the server does with one delivery attempt to a recipient (`attempt` counts from 1):
 * resolve to accept, throw or reject with `smtpError(...)` to refuse, or `'hang-up'` to drop
 * the connection without a reply. May wait (a slow server).
 */
export type Behaviour = (attempt: number) => void | 'hang-up' | Promise<void | 'hang-up'>

export interface SmtpCapture {
  /** `smtp://127.0.0.1:<port>` for `config.smtpUrl`. */
  readonly url: string
  /** Accepted messages, oldest first. */
  readonly messages: CapturedMail[]
  /** Accepted messages to this address. */
  messagesTo(address: string): CapturedMail[]
  /** Delivery attempts (accepted or not) seen for this address. */
  attemptsTo(address: string): number
  /** Sets what happens to mail for this address (default: accept). */
  behave(address: string, behaviour: Behaviour): void
  close(): Promise<void>
}

/** An SMTP error reply, e.g. `smtpError(550, 'mailbox unavailable')`. */
export function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode })
}

function unfoldHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>()
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return headers
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8')
}

/** The text/plain part of a MIME message (single part or multipart), decoded. */
export function textPart(raw: string): string {
  const split = (entity: string) => {
    const at = entity.search(/\r?\n\r?\n/)
    return at < 0
      ? { head: entity, body: '' }
      : { head: entity.slice(0, at), body: entity.slice(at).replace(/^\r?\n\r?\n/, '') }
  }
  const decode = (entity: string): string | null => {
    const { head, body } = split(entity)
    const headers = unfoldHeaders(head)
    const type = headers.get('content-type') ?? 'text/plain'
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
    if (/^multipart\//i.test(type) && boundary) {
      for (const part of body.split(`--${boundary}`).slice(1)) {
        if (part.startsWith('--')) break
        const found = decode(part.replace(/^\r?\n/, ''))
        if (found !== null) return found
      }
      return null
    }
    if (!/^text\/plain/i.test(type)) return null
    const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase()
    if (encoding === 'quoted-printable') return decodeQuotedPrintable(body)
    if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8')
    return body
  }
  return (decode(raw) ?? '').replace(/\r\n/g, '\n')
}

/** A real SMTP server on 127.0.0.1 (a free port) that records what it receives. */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const messages: CapturedMail[] = []
  const attempts = new Map<string, number>()
  const behaviours = new Map<string, Behaviour>()
  const key = (address: string) => address.toLowerCase()

  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        void (async () => {
          const recipients = session.envelope.rcptTo.map((r) => key(r.address))
          const raw = Buffer.concat(chunks).toString('utf8')
          try {
            for (const recipient of recipients) {
              const attempt = (attempts.get(recipient) ?? 0) + 1
              attempts.set(recipient, attempt)
              const outcome = await behaviours.get(recipient)?.(attempt)
              if (outcome === 'hang-up') {
                hangUp(session)
                return
              }
            }
          } catch (error) {
            callback(error as Error)
            return
          }
          const headers = unfoldHeaders(raw.slice(0, Math.max(0, raw.search(/\r?\n\r?\n/))))
          messages.push({
            to: recipients,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: headers.get('subject') ?? '',
            messageId: headers.get('message-id') ?? '',
            text: textPart(raw),
            raw,
          })
          callback()
        })()
      })
    },
  })

  function hangUp(session: SMTPServerSession) {
    for (const connection of server.connections) {
      if ((connection as unknown as { id: string }).id === session.id) {
        ;(connection as unknown as { _socket: { destroy(): void } })._socket.destroy()
      }
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    messagesTo: (address) => messages.filter((m) => m.to.includes(key(address))),
    attemptsTo: (address) => attempts.get(key(address)) ?? 0,
    behave: (address, behaviour) => void behaviours.set(key(address), behaviour),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>

/**
 * Polls `probe` until it answers something truthy, and answers that; fails after `timeoutMs`.
 * For waiting on background work (a worker, a mail server), never a fixed sleep.
 */
export async function waitFor<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 15_000): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value as Truthy<T>
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
