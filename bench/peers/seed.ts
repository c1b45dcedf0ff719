/**
 * The peer benchmark's database: one role per server (so pg_stat_statements can tell them apart), the
 * project's own migrations, a large shop seeded with set-based SQL (generate_series), and the `pgl` schema of
 * views through which PostGraphile sees exactly what an anonymous Shopfront visitor sees.
 *
 * Deterministic: ids are md5-derived uuids and every timestamp is distinct, so all three servers must return the
 * same rows in the same order.
 */
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { migrateToLatest } from '../../db/migrate.js'
import type { Cluster } from './cluster.js'

export const DATABASE = 'shopfront_bench'
/** The database roles the three servers connect as. */
export const ROLES = { shopfront: 'bench_shopfront', postgraphile: 'bench_postgraphile', raw: 'bench_raw' } as const
export const SHOP = 'bench'
export const OTHER_SHOP = 'other'

export const SIZES = {
  products: 10_000,
  variantsPerProduct: 5,
  reviewsPerProduct: 7,
  customers: 500,
  posts: 2_000,
  commentsPerPost: 12,
}

async function exec(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    for (const statement of statements) await client.query(statement)
  } finally {
    await client.end()
  }
}

const T0 = `'2026-01-01T00:00:00Z'::timestamptz`
const T1 = `'2026-03-01T00:00:00Z'::timestamptz`
const SHOP_ID = `md5('shop-bench')::uuid`
const OTHER_ID = `md5('shop-other')::uuid`

/**
 * Visibility traps, so a server that forgets a filter returns different data: DRAFT (n % 50 = 7), ARCHIVED
 * (n % 113 = 5) and soft-deleted (n % 97 = 3) products; the 5th variant of every 10th product deleted (it is the
 * most expensive, so the price range shows it); HIDDEN reviews ((n + i) % 11 = 0); DRAFT (n % 10 = 4) and deleted
 * (n % 53 = 2) posts; HIDDEN ((n + j) % 7 = 0) and deleted ((n + j) % 29 = 0) comments; and a second shop whose
 * products interleave in time with the same handles.
 */
function seedStatements(): string[] {
  const { products, variantsPerProduct, reviewsPerProduct, customers, posts, commentsPerPost } = SIZES
  const adjectives = `ARRAY['Linen','Wool','Cotton','Silk','Denim','Canvas','Leather','Cashmere','Hemp','Velvet']`
  const nouns = `ARRAY['Shirt','Scarf','Jacket','Tote','Cap']`
  return [
    `SET synchronous_commit = off`,
    `INSERT INTO shop (id, handle, name, currency_code) VALUES
       (${SHOP_ID}, '${SHOP}', 'Bench Shop', 'USD'), (${OTHER_ID}, '${OTHER_SHOP}', 'Other Shop', 'USD')`,
    `INSERT INTO "user" (id, shop_id, email, password_hash, role, display_name, created_at)
     SELECT md5('user-' || n)::uuid, ${SHOP_ID}, 'user' || n || '@bench.test', 'not-a-hash',
            CASE WHEN n = 0 THEN 'STAFF' ELSE 'CUSTOMER' END,
            CASE WHEN n = 0 THEN 'Staff Member' ELSE 'Customer ' || n END, ${T0} + n * interval '1 second'
     FROM generate_series(0, ${customers}) AS n`,
    `INSERT INTO "user" (id, shop_id, email, password_hash, role, display_name)
     SELECT md5('other-user-' || n)::uuid, ${OTHER_ID}, 'user' || n || '@other.test', 'not-a-hash', 'CUSTOMER', 'Other ' || n
     FROM generate_series(1, 20) AS n`,
    `INSERT INTO product (id, shop_id, handle, title, description, status, min_price_minor, max_price_minor, created_at, updated_at, deleted_at)
     SELECT md5('product-' || n)::uuid, ${SHOP_ID}, 'product-' || n,
            (${adjectives})[1 + n % 10] || ' ' || (${nouns})[1 + n % 5] || ' ' || n, 'A fine thing.',
            CASE WHEN n % 50 = 7 THEN 'DRAFT' WHEN n % 113 = 5 THEN 'ARCHIVED' ELSE 'ACTIVE' END, 0, 0,
            ${T0} + n * interval '1 minute', ${T0} + n * interval '1 minute',
            CASE WHEN n % 97 = 3 THEN ${T1} END
     FROM generate_series(1, ${products}) AS n`,
    `INSERT INTO product (id, shop_id, handle, title, status, min_price_minor, max_price_minor, created_at, updated_at)
     SELECT md5('other-product-' || n)::uuid, ${OTHER_ID}, 'product-' || n, 'Other shop thing ' || n, 'ACTIVE', 0, 0,
            ${T0} + n * interval '1 minute' + interval '30 seconds', ${T0}
     FROM generate_series(1, 200) AS n`,
    `INSERT INTO product_variant (id, shop_id, product_id, sku, title, options, price_minor, stock, position, created_at, deleted_at)
     SELECT md5(p.id::text || '-variant-' || k)::uuid, p.shop_id, p.id, 'SKU-' || p.handle || '-' || k,
            (ARRAY['XS','S','M','L','XL'])[k + 1] || ' / ' || (ARRAY['Red','Blue','Green','Black'])[1 + (k + n) % 4],
            jsonb_build_array(
              jsonb_build_object('name', 'Size', 'value', (ARRAY['XS','S','M','L','XL'])[k + 1]),
              jsonb_build_object('name', 'Color', 'value', (ARRAY['Red','Blue','Green','Black'])[1 + (k + n) % 4])),
            1000 + (n % 40) * 250 + k * 500, 100, k, p.created_at,
            CASE WHEN k = 4 AND n % 10 = 0 THEN p.created_at + interval '1 day' END
     FROM (SELECT *, split_part(handle, '-', 2)::int AS n FROM product) AS p,
          generate_series(0, ${variantsPerProduct - 1}) AS k`,
    `UPDATE product SET min_price_minor = v.lo, max_price_minor = v.hi
     FROM (SELECT product_id, min(price_minor) AS lo, max(price_minor) AS hi FROM product_variant
           WHERE deleted_at IS NULL GROUP BY product_id) AS v
     WHERE product.id = v.product_id`,
    `INSERT INTO review (id, shop_id, product_id, author_id, rating, title, body, status, created_at, updated_at)
     SELECT md5('review-' || n || '-' || i)::uuid, ${SHOP_ID}, md5('product-' || n)::uuid,
            md5('user-' || (1 + (n * ${reviewsPerProduct} + i) % ${customers}))::uuid,
            1 + (n + i * 3) % 5, 'Review ' || i || ' of product ' || n, 'Words.',
            CASE WHEN (n + i) % 11 = 0 THEN 'HIDDEN' ELSE 'PUBLISHED' END,
            ${T0} + n * interval '1 minute' + (i + 1) * interval '1 hour', ${T0}
     FROM generate_series(1, ${products}) AS n, generate_series(0, ${reviewsPerProduct - 1}) AS i`,
    `INSERT INTO post (id, shop_id, author_id, handle, title, body, excerpt, status, published_at, created_at, updated_at, deleted_at)
     SELECT md5('post-' || n)::uuid, ${SHOP_ID}, md5('user-' || (1 + n % 40))::uuid, 'post-' || n, 'Post number ' || n,
            'The body of post ' || n || '.', 'The body of post ' || n || '.',
            CASE WHEN n % 10 = 4 THEN 'DRAFT' ELSE 'PUBLISHED' END,
            CASE WHEN n % 10 = 4 THEN NULL ELSE ${T1} + n * interval '1 hour' END,
            ${T1} + n * interval '1 hour', ${T1} + n * interval '1 hour',
            CASE WHEN n % 53 = 2 THEN ${T1} + n * interval '1 hour' + interval '1 day' END
     FROM generate_series(1, ${posts}) AS n`,
    `INSERT INTO comment (id, shop_id, post_id, author_id, body, status, created_at, updated_at, deleted_at)
     SELECT md5('comment-' || n || '-' || j)::uuid, ${SHOP_ID}, md5('post-' || n)::uuid,
            md5('user-' || (1 + (n * 13 + j) % ${customers}))::uuid, 'Comment ' || j || ' on post ' || n,
            CASE WHEN (n + j) % 7 = 0 THEN 'HIDDEN' ELSE 'VISIBLE' END,
            ${T1} + n * interval '1 hour' + j * interval '1 minute', ${T1} + n * interval '1 hour',
            CASE WHEN (n + j) % 29 = 0 THEN ${T1} + n * interval '1 hour' + interval '1 day' END
     FROM generate_series(1, ${posts}) AS n, generate_series(0, ${commentsPerPost - 1}) AS j`,
  ]
}

/**
 * What PostGraphile serves: views with only the public columns and the anonymous visibility rules, and smart
 * tags for the keys and (composite, tenant-safe) foreign keys the views cannot declare. The views run with
 * their owner's rights, so the PostGraphile role reads nothing else (no password hashes).
 */
function postgraphileSchema(): string[] {
  const role = ROLES.postgraphile
  const comment = (view: string, tags: string[]): string => `COMMENT ON VIEW pgl.${view} IS E'${tags.join('\\n')}'`
  return [
    `CREATE SCHEMA pgl`,
    `CREATE VIEW pgl.shop AS SELECT id, handle, name, currency_code FROM public.shop`,
    comment('shop', ['@primaryKey id', '@unique handle']),
    `CREATE VIEW pgl."user" AS SELECT id, shop_id, display_name FROM public."user" WHERE deleted_at IS NULL`,
    comment('"user"', ['@primaryKey id', '@unique shop_id,id']),
    `CREATE VIEW pgl.product AS
       SELECT id, shop_id, handle, title, min_price_minor, max_price_minor, created_at FROM public.product
       WHERE status = 'ACTIVE' AND deleted_at IS NULL`,
    comment('product', [
      '@primaryKey id',
      '@unique shop_id,id',
      '@unique shop_id,handle',
      '@foreignKey (shop_id) references pgl.shop (id)',
    ]),
    `CREATE VIEW pgl.product_variant AS
       SELECT id, shop_id, product_id, sku, title, options, price_minor, position FROM public.product_variant
       WHERE deleted_at IS NULL`,
    comment('product_variant', [
      '@primaryKey id',
      '@foreignKey (shop_id, product_id) references pgl.product (shop_id, id)',
    ]),
    `CREATE VIEW pgl.review AS
       SELECT id, shop_id, product_id, author_id, rating, title, created_at FROM public.review WHERE status = 'PUBLISHED'`,
    comment('review', [
      '@primaryKey id',
      '@foreignKey (shop_id, product_id) references pgl.product (shop_id, id)',
      '@foreignKey (shop_id, author_id) references pgl.user (shop_id, id)',
    ]),
    `CREATE VIEW pgl.post AS
       SELECT id, shop_id, author_id, handle, title, published_at FROM public.post
       WHERE status = 'PUBLISHED' AND deleted_at IS NULL`,
    comment('post', [
      '@primaryKey id',
      '@unique shop_id,id',
      '@foreignKey (shop_id) references pgl.shop (id)',
      '@foreignKey (shop_id, author_id) references pgl.user (shop_id, id)',
    ]),
    `CREATE VIEW pgl.comment AS
       SELECT id, shop_id, post_id, author_id, body, created_at FROM public.comment
       WHERE status = 'VISIBLE' AND deleted_at IS NULL`,
    comment('comment', [
      '@primaryKey id',
      '@foreignKey (shop_id, post_id) references pgl.post (shop_id, id)',
      '@foreignKey (shop_id, author_id) references pgl.user (shop_id, id)',
    ]),
    `GRANT USAGE ON SCHEMA pgl TO ${role}`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA pgl TO ${role}`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${ROLES.raw}`,
  ]
}

/** Creates the roles and the database, migrates it as Shopfront's role, seeds it. Returns row counts. */
export async function prepareDatabase(cluster: Cluster, log: (line: string) => void): Promise<Record<string, number>> {
  const admin = cluster.url('postgres', 'postgres')
  await exec(admin, [
    ...Object.values(ROLES).map((role) => `CREATE ROLE ${role} LOGIN`),
    `CREATE DATABASE ${DATABASE} OWNER ${ROLES.shopfront}`,
  ])
  const superuser = cluster.url('postgres', DATABASE)
  await exec(superuser, [`CREATE EXTENSION pg_stat_statements`])

  let started = Date.now()
  const db = new Kysely<any>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: cluster.url(ROLES.shopfront, DATABASE), max: 2 }),
    }),
  })
  try {
    const result = await migrateToLatest(db)
    log(
      `migrated (${result.results?.length ?? 0} migrations, db/migrate.ts migrateToLatest) in ${Date.now() - started} ms`,
    )
  } finally {
    await db.destroy()
  }

  started = Date.now()
  await exec(superuser, [...seedStatements(), ...postgraphileSchema()])
  await exec(superuser, ['VACUUM (ANALYZE)'])
  log(`seeded and analyzed in ${Date.now() - started} ms`)

  const client = new pg.Client({ connectionString: superuser })
  await client.connect()
  try {
    const counts: Record<string, number> = {}
    for (const table of ['product', 'product_variant', 'review', 'user', 'post', 'comment']) {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)
      counts[table] = rows[0].n
    }
    return counts
  } finally {
    await client.end()
  }
}
