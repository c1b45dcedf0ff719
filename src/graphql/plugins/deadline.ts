import type { ApolloServerPlugin } from '@apollo/server'
import type { RequestHandler } from 'express'
import { startDeadline, type Deadline } from '../../../db/deadline.js'
import type { Context } from '../context.js'

declare module 'express-serve-static-core' {
  interface Request {
    deadline?: Deadline
  }
}

/**
 * One deadline per request (REQUEST_TIMEOUT_MS from its arrival) bounding the whole response:
 * reading the body, queueing (bulkheads, the pool), execution and SQL. When it passes before the
 * response has started, the client gets a typed 503 (`REQUEST_TIMEOUT`) at once, and the
 * request's signal aborts: its waits give up, its running statement is cancelled and no new one
 * starts (db/client.ts). Whatever the abandoned execution produces afterwards is dropped. The
 * GraphQL context binds its database handle to `req.deadline` (context.ts).
 */
export function requestDeadline(timeoutMs: number): RequestHandler {
  return (req, res, next) => {
    const handle = startDeadline(timeoutMs, () => {
      if (res.headersSent) return
      res.status(503).setHeader('retry-after', '1')
      res.json({
        errors: [
          { message: `The request did not complete within ${timeoutMs} ms`, extensions: { code: 'REQUEST_TIMEOUT' } },
        ],
      })
    })
    req.deadline = handle.deadline
    res.on('finish', handle.clear)
    // A response closed before it finished (the client left, or shutdown destroyed the socket) is
    // not cleared: its work is abandoned, and the deadline (or abortAllDeadlines at shutdown)
    // still cancels its SQL, so its connections come back.
    next()
  }
}

/** Marks a mutation's deadline as a write: its connections then come from the pool's write share. */
export function deadlinePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const deadline = contextValue.deadline
          if (deadline && operation?.operation === 'mutation') deadline.kind = 'write'
        },
      }
    },
  }
}
