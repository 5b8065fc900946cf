/** Screening visits (走访排查). Append-only: a visit is recorded once and never edited. */
import { sql } from 'drizzle-orm';
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';
import { households } from './registry';

export const visits = sqliteTable(
  'visits',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    /** Grid and community of the household when visited (for coverage by period). */
    gridId: text('grid_id'),
    communityId: text('community_id').notNull(),
    visitedOn: text('visited_on').notNull(),
    /** 'home' 上门 | 'phone' 电话 | 'video' 视频 */
    method: text('method').notNull(),
    visitorName: text('visitor_name').notNull(),
    visitorUserId: text('visitor_user_id'),
    /** 'normal' | 'problem' */
    situation: text('situation').notNull(),
    note: text('note'),
    /** The batch round this visit was entered with, if any. */
    roundId: text('round_id'),
  },
  (t) => [
    /** Partial and covering: a household's latest live visit is one index seek. */
    index('visits_household_idx').on(t.householdId, t.visitedOn).where(sql`deleted_at IS NULL`),
    index('visits_grid_idx').on(t.gridId, t.visitedOn),
    index('visits_date_idx').on(t.visitedOn),
  ],
);
