import { sql, type Kysely } from 'kysely'

/**
 * Shop.auditEvents pages newest first on (created_at, id) under each filter. Each filter gets an
 * index that leads with shop_id and the filtered column and ends in the sort, so every page is one
 * index range scan. created_at becomes timestamptz(3), the precision of a JavaScript Date, so a
 * cursor compares equal to the row it came from (as every other cursor timestamp does).
 */
export async function up(db: Kysely<any>): Promise<void> {
  // ALTER TYPE rewrites the table without firing the append-only row trigger.
  await sql`ALTER TABLE audit_event ALTER COLUMN created_at TYPE timestamptz(3)`.execute(db)
  await db.schema
    .createIndex('audit_event_shop_id_actor_id_created_at_idx')
    .on('audit_event')
    .columns(['shop_id', 'actor_id', 'created_at desc', 'id desc'])
    .execute()
  await db.schema
    .createIndex('audit_event_shop_id_action_created_at_idx')
    .on('audit_event')
    .columns(['shop_id', 'action', 'created_at desc', 'id desc'])
    .execute()
  await db.schema
    .createIndex('audit_event_shop_id_target_type_created_at_idx')
    .on('audit_event')
    .columns(['shop_id', 'target_type', 'created_at desc', 'id desc'])
    .execute()
  // Replaces (shop_id, target_type, target_id): same prefix, plus the sort.
  await db.schema
    .createIndex('audit_event_shop_id_target_created_at_idx')
    .on('audit_event')
    .columns(['shop_id', 'target_type', 'target_id', 'created_at desc', 'id desc'])
    .execute()
  await db.schema.dropIndex('audit_event_shop_id_target_idx').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('audit_event_shop_id_target_idx')
    .on('audit_event')
    .columns(['shop_id', 'target_type', 'target_id'])
    .execute()
  await db.schema.dropIndex('audit_event_shop_id_target_created_at_idx').execute()
  await db.schema.dropIndex('audit_event_shop_id_target_type_created_at_idx').execute()
  await db.schema.dropIndex('audit_event_shop_id_action_created_at_idx').execute()
  await db.schema.dropIndex('audit_event_shop_id_actor_id_created_at_idx').execute()
  await sql`ALTER TABLE audit_event ALTER COLUMN created_at TYPE timestamptz`.execute(db)
}
