import { mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'
import type { Config } from '../../config.js'

/** One message, ready to hand to a transport. */
export interface OutgoingEmail {
  to: string
  subject: string
  text: string
  html: string
  /** `<...@...>`: the same for every try of one email, so a mail server can recognise a repeat. */
  messageId: string
}

export interface Mailer {
  /** `smtp` with SMTP_URL; otherwise `files`: each message becomes an `.eml` file under DATA_DIR/mail/. */
  readonly transport: 'smtp' | 'files'
  /** Resolves once the server (or the disk) has accepted the message; rejects otherwise. */
  send(email: OutgoingEmail): Promise<void>
  close(): void
}

/** How long the SMTP client waits, so a hanging server fails the try instead of stalling the worker. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }

export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir'>): Mailer {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport({ url: config.smtpUrl, ...SMTP_TIMEOUTS })
    return {
      transport: 'smtp',
      async send(email) {
        await transport.sendMail({ from: config.mailFrom, ...email })
      },
      close: () => transport.close(),
    }
  }
  // Development: nothing leaves the machine; open the files with any mail client.
  const directory = path.join(config.dataDir, 'mail')
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    transport: 'files',
    async send(email) {
      const info = await transport.sendMail({ from: config.mailFrom, ...email })
      await mkdir(directory, { recursive: true })
      const stamp = new Date().toISOString().replace(/[:.]/g, '-')
      const id = (/^<([^@>]+)@/.exec(email.messageId)?.[1] ?? 'message').replace(/[^A-Za-z0-9_-]/g, '_')
      const name = `${stamp}-${id}.eml`
      // Written aside and renamed into place: a reader never sees a half-written message.
      const partial = path.join(directory, `.${name}.partial`)
      await writeFile(partial, info.message as Buffer)
      await rename(partial, path.join(directory, name))
    },
    close: () => transport.close(),
  }
}
