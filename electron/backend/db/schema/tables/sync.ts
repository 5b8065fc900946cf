/** Local-only bookkeeping of the sync client (never synced). */
import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Remote field values not applied yet: columns or tables this version does not know (applied after
 * an upgrade), or rows that cannot be stored yet (a required column or the parent row still
 * missing, a constraint failing). Only the newest value per field is kept.
 */
export const syncPending = sqliteTable(
  'sync_pending',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    field: text('field').notNull(),
    partition: text('partition').notNull(),
    /** JSON of the driver value (text, number or null). */
    value: text('value').notNull(),
    hlc: text('hlc').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId, t.field] })],
);

/** Local changes the server refused, with its reason, kept for the 同步 page until resolved. */
export const syncRejections = sqliteTable(
  'sync_rejections',
  {
    hlc: text('hlc').primaryKey(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    code: text('code').notNull(),
    message: text('message').notNull(),
    field: text('field'),
    fields: text('fields').notNull(),
    at: text('at').notNull(),
    resolvedAt: text('resolved_at'),
  },
  (t) => [index('sync_rejections_open_idx').on(t.resolvedAt, t.at)],
);
