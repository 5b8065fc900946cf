/** The audit trail: append-only, synced, never updated. */
import { sql } from 'drizzle-orm';
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';

/** Append-only; synced, never updated. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    at: text('at').notNull(),
    userId: text('user_id'),
    username: text('username'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    summary: text('summary').notNull(),
    detail: text('detail', { mode: 'json' }),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_at_idx').on(t.at),
    // a user's last sign-in (auth.me, the users list): only sign-ins, so it stays small
    index('audit_login_idx').on(t.userId, t.at).where(sql`action = 'auth.login'`),
  ],
);
