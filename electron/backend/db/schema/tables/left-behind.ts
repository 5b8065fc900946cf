/**
 * 留守 records per person (work plan 二(四), issue 17): one record per person and kind while the
 * situation lasts; closed with a date and a reason when it ends (a new record if it comes back).
 */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';
import { persons } from './registry';
import { LEFT_BEHIND_CLOSE_REASON_CODES, LEFT_BEHIND_KIND_CODES, LEFT_BEHIND_REASON_CODES, LIVING_ARRANGEMENT_CODES } from '../../../../../shared/left-behind/types';
import type { AwayMember } from '../../../../../shared/left-behind/types';

export const leftBehindRecords = sqliteTable(
  'left_behind_records',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    /** The person's household when opened (the list and the report group by its community). */
    householdId: text('household_id').notNull(),
    kind: text('kind', { enum: LEFT_BEHIND_KIND_CODES }).notNull(),
    reason: text('reason', { enum: LEFT_BEHIND_REASON_CODES }).notNull(),
    reasonNote: text('reason_note'),
    /** JSON list of AwayMember: who is away, where, since when. */
    awayMembers: text('away_members', { mode: 'json' }).$type<AwayMember[]>().notNull(),
    guardianName: text('guardian_name'),
    guardianRelation: text('guardian_relation'),
    guardianPhone: text('guardian_phone'),
    school: text('school'),
    livingArrangement: text('living_arrangement', { enum: LIVING_ARRANGEMENT_CODES }),
    notes: text('notes'),
    openedOn: text('opened_on').notNull(),
    /** The day the facts were last checked and saved: the update cadence counts from it. */
    lastUpdatedOn: text('last_updated_on').notNull(),
    closedOn: text('closed_on'),
    closeReason: text('close_reason', { enum: LEFT_BEHIND_CLOSE_REASON_CODES }),
    closeNote: text('close_note'),
  },
  (t) => [index('left_behind_person_idx').on(t.personId, t.kind), index('left_behind_street_idx').on(t.streetCode, t.closedOn)],
);
