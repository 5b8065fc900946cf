/** Users of the street (synced; managed centrally once sync exists). */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';

export const users = sqliteTable('users', {
  ...syncedColumns,
  streetCode: text('street_code').notNull(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  passwordHash: text('password_hash').notNull(),
  phone: text('phone'),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
});
