/** Local-only tables: sync bookkeeping and sign-in throttling, never synced. */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Outbox: every local change, in HLC order, until the sync client has pushed it. */
export const changeLog = sqliteTable(
  'change_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    hlc: text('hlc').notNull().unique(),
    nodeId: text('node_id').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    partition: text('partition').notNull(),
    /** JSON object of column name -> value. */
    fields: text('fields', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    pushedAt: text('pushed_at'),
  },
  (t) => [index('change_log_unpushed_idx').on(t.pushedAt, t.seq)],
);

/** Per-field HLC of the value currently stored: the basis of field-level last-writer-wins. */
export const fieldClocks = sqliteTable(
  'field_clocks',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    field: text('field').notNull(),
    hlc: text('hlc').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId, t.field] })],
);

/** Key-value facts of this replica: node id, last HLC, street, demo flag, sync cursor. */
export const localMeta = sqliteTable('local_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Failed sign-ins per user name on this device (lock-out); never synced. */
export const loginAttempts = sqliteTable('login_attempts', {
  username: text('username').primaryKey(),
  failedCount: integer('failed_count').notNull().default(0),
  lockedUntil: text('locked_until'),
  lastFailedAt: text('last_failed_at'),
});
