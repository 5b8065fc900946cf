/** Columns every synced table has: UUIDv7 id, timestamps, soft deletion. */
import { text } from 'drizzle-orm/sqlite-core';

export const syncedColumns = {
  id: text('id').primaryKey(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  deletedAt: text('deleted_at'),
};
