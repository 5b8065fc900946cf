/** Streets, communities (社区/村) and grids (网格). */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';

export const streets = sqliteTable('streets', {
  ...syncedColumns,
  /** Partition of district-wide rows is 'district'; a street row belongs to the street itself. */
  streetCode: text('street_code').notNull(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  officeName: text('office_name').notNull(),
});

export const communities = sqliteTable(
  'communities',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['community', 'village'] }).notNull().default('community'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('communities_street_idx').on(t.streetCode)],
);

export const grids = sqliteTable(
  'grids',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    communityId: text('community_id')
      .notNull()
      .references(() => communities.id),
    name: text('name').notNull(),
    workerName: text('worker_name'),
    workerPhone: text('worker_phone'),
  },
  (t) => [index('grids_community_idx').on(t.communityId)],
);
