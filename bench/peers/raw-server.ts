/**
 * The ceiling for `npm run bench:peers`: a bare node:http + pg server that answers each workload with ONE
 * prepared (named) SQL statement building the whole JSON answer (json_agg / json_build_object), sent on as text
 * without parsing it. POST / with `{ "q": "<workload>", ...params }`.
 *
 * Environment: DATABASE_URL, PORT, HOST (127.0.0.1), DATABASE_POOL_MAX (10).
 */
import { createServer, type IncomingMessage } from 'node:http'
import pg from 'pg'

const VISIBLE_PRODUCTS = `SELECT * FROM product p WHERE p.shop_id = s.id AND p.status = 'ACTIVE' AND p.deleted_at IS NULL
  ORDER BY p.created_at, p.id LIMIT $2`

/** One statement per workload; every one filters exactly as an anonymous Shopfront visitor is filtered. */
export const STATEMENTS = {
  listing: `
    SELECT coalesce(json_agg(json_build_object(
             'title', p.title, 'handle', p.handle, 'min', p.min_price_minor, 'max', p.max_price_minor)
           ORDER BY p.created_at, p.id), '[]'::json)::text AS body
    FROM shop s CROSS JOIN LATERAL (${VISIBLE_PRODUCTS}) p
    WHERE s.handle = $1`,
  product: `
    SELECT (SELECT json_build_object('title', p.title, 'handle', p.handle, 'variants', (
              SELECT coalesce(json_agg(json_build_object(
                       'sku', v.sku, 'title', v.title, 'price', v.price_minor, 'options', v.options)
                     ORDER BY v.position, v.id), '[]'::json)
              FROM product_variant v
              WHERE v.shop_id = p.shop_id AND v.product_id = p.id AND v.deleted_at IS NULL))
            FROM shop s JOIN product p ON p.shop_id = s.id
            WHERE s.handle = $1 AND p.handle = $2 AND p.status = 'ACTIVE' AND p.deleted_at IS NULL)::text AS body`,
  nested: `
    SELECT coalesce(json_agg(json_build_object(
             'title', p.title, 'handle', p.handle,
             'variants', (
               SELECT coalesce(json_agg(json_build_object('sku', v.sku, 'title', v.title, 'price', v.price_minor)
                      ORDER BY v.position, v.id), '[]'::json)
               FROM product_variant v
               WHERE v.shop_id = p.shop_id AND v.product_id = p.id AND v.deleted_at IS NULL),
             'reviews', (
               SELECT coalesce(json_agg(json_build_object('rating', r.rating, 'title', r.title, 'author', u.display_name)
                      ORDER BY r.created_at DESC, r.id DESC), '[]'::json)
               FROM (SELECT * FROM review r
                     WHERE r.product_id = p.id AND r.shop_id = p.shop_id AND r.status = 'PUBLISHED'
                     ORDER BY r.created_at DESC, r.id DESC LIMIT 5) r
               JOIN "user" u ON u.shop_id = r.shop_id AND u.id = r.author_id))
           ORDER BY p.created_at, p.id), '[]'::json)::text AS body
    FROM shop s CROSS JOIN LATERAL (${VISIBLE_PRODUCTS}) p
    WHERE s.handle = $1`,
  blog: `
    SELECT coalesce(json_agg(json_build_object(
             'title', p.title, 'handle', p.handle, 'author', a.display_name,
             'comments', (
               SELECT coalesce(json_agg(json_build_object('body', c.body, 'author', cu.display_name)
                      ORDER BY c.created_at, c.id), '[]'::json)
               FROM (SELECT * FROM comment c
                     WHERE c.post_id = p.id AND c.status = 'VISIBLE' AND c.deleted_at IS NULL
                     ORDER BY c.created_at, c.id LIMIT 10) c
               JOIN "user" cu ON cu.shop_id = c.shop_id AND cu.id = c.author_id))
           ORDER BY p.published_at DESC, p.id DESC), '[]'::json)::text AS body
    FROM shop s
    CROSS JOIN LATERAL (SELECT * FROM post p WHERE p.shop_id = s.id AND p.status = 'PUBLISHED' AND p.deleted_at IS NULL
                        ORDER BY p.published_at DESC, p.id DESC LIMIT $2) p
    JOIN "user" a ON a.shop_id = p.shop_id AND a.id = p.author_id
    WHERE s.handle = $1`,
} as const

type Request = { q: keyof typeof STATEMENTS; shop: string; first?: number; handle?: string }

function valuesOf(request: Request): unknown[] | null {
  if (typeof request.shop !== 'string' || !Object.hasOwn(STATEMENTS, request.q)) return null
  if (request.q === 'product') return typeof request.handle === 'string' ? [request.shop, request.handle] : null
  const first = request.first
  return Number.isInteger(first) && first! >= 1 && first! <= 100 ? [request.shop, first] : null
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function main(): void {
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_MAX || 10),
    application_name: 'raw',
  })
  const server = createServer(async (req, res) => {
    const send = (status: number, text: string): void => {
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
      res.end(text)
    }
    try {
      let request: Request
      try {
        request = JSON.parse(await readBody(req)) as Request
      } catch {
        return send(400, '{"errors":[{"message":"bad JSON"}]}')
      }
      const values = request && typeof request === 'object' ? valuesOf(request) : null
      if (!values) return send(400, '{"errors":[{"message":"bad request"}]}')
      const result = await pool.query<{ body: string | null }>({ name: request.q, text: STATEMENTS[request.q], values })
      send(200, `{"data":${result.rows[0]?.body ?? 'null'}}`)
    } catch (error) {
      console.error(error)
      send(500, '{"errors":[{"message":"internal error"}]}')
    }
  })
  const port = Number(process.env.PORT || 5679)
  const host = process.env.HOST || '127.0.0.1'
  server.keepAliveTimeout = 60_000
  server.listen(port, host, () => console.log(`raw server listening on http://${host}:${port}/`))
  const stop = (): void => {
    server.close()
    void pool.end().then(() => process.exit(0))
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main()
