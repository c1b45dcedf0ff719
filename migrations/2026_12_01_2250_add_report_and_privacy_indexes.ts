import { sql, type Kysely } from 'kysely'

/**
 * Indexes for the staff reports, the data export and the retention purges, and an audit log that
 * the retention purge (and only it) may trim.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Reports count PAID and FULFILLED orders by placement time: a range scan of this partial index,
  // covering what topCustomers and salesByDay read (index-only once the table is vacuumed).
  await sql`
    CREATE INDEX order_shop_id_placed_at_counted_idx ON "order" (shop_id, placed_at)
    INCLUDE (customer_id, total_minor) WHERE status IN ('PAID', 'FULFILLED')`.execute(db)
  // topVariants joins the counted orders to their lines: covering, so no heap visit per line.
  await sql`
    CREATE INDEX order_line_shop_id_order_id_idx ON order_line (shop_id, order_id)
    INCLUDE (variant_id, sku, title, quantity, line_total_minor)`.execute(db)
  // The data export's "audit events by them"; retention purges walk created_at across shops.
  await db.schema
    .createIndex('audit_event_shop_id_actor_id_idx')
    .on('audit_event')
    .columns(['shop_id', 'actor_id'])
    .execute()
  await db.schema.createIndex('audit_event_created_at_idx').on('audit_event').column('created_at').execute()
  await db.schema.createIndex('email_delivery_sent_at_idx').on('email_delivery').column('sent_at').execute()
  // Erasure finds an address's deliveries.
  await sql`CREATE INDEX email_delivery_shop_id_lower_recipient_idx ON email_delivery (shop_id, lower(recipient))`.execute(
    db,
  )

  // Still append-only for the API: no UPDATE ever, and a DELETE only inside a transaction that
  // declared itself the retention purge (SET LOCAL shopfront.audit_retention = 'purge').
  await sql`
    CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' AND current_setting('shopfront.audit_retention', true) = 'purge' THEN
        RETURN OLD;
      END IF;
      RAISE EXCEPTION 'audit_event is append-only';
    END
    $$`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_event is append-only';
    END
    $$`.execute(db)
  await sql`DROP INDEX email_delivery_shop_id_lower_recipient_idx`.execute(db)
  await db.schema.dropIndex('email_delivery_sent_at_idx').execute()
  await db.schema.dropIndex('audit_event_created_at_idx').execute()
  await db.schema.dropIndex('audit_event_shop_id_actor_id_idx').execute()
  await sql`DROP INDEX order_line_shop_id_order_id_idx`.execute(db)
  await sql`DROP INDEX order_shop_id_placed_at_counted_idx`.execute(db)
}
