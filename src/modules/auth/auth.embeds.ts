import { jsonObjectFrom } from 'kysely/helpers/postgres'
import { datesIn, type Embed, type EmbedMap } from '../../graphql/embed.js'
import type { UserRow } from '../../shared/rows.js'
import * as repo from './auth.repository.js'

/** A user row as PostgreSQL's JSON writes it, as the public profile the loader would have given. */
export function userFromJson(json: Record<string, unknown>): UserRow {
  return repo.publicProfile(
    datesIn<UserRow>(json, ['created_at', 'updated_at', 'deleted_at', 'email_verified_at', 'password_changed_at']),
  )
}

/**
 * The author of a review, post or comment inside the statement that reads them (graphql/embed.ts):
 * the public profile the `publicUserById` loader gives, found in the row's own shop.
 */
const author: Embed = {
  plan: (ctx, parent) => ({
    sql: jsonObjectFrom(repo.authorOf(ctx.db, parent)),
    // No row: the resolver runs (and reports the missing author as the loader path does).
    read: (json) => (json === null ? undefined : userFromJson(json as Record<string, unknown>)),
  }),
}

export const authEmbeds: EmbedMap = {
  Review: { author },
  Post: { author },
  Comment: { author },
}
