/** The issue ledger (问题台账), its timeline and referrals, and the watch ledger (关注台账). */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';
import { households, persons } from './registry';

export const ledgerItems = sqliteTable(
  'ledger_items',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    /** Human number, e.g. WT-20200703-0A1B. */
    itemNo: text('item_no').notNull(),
    source: text('source').notNull(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    personId: text('person_id').references(() => persons.id),
    communityId: text('community_id').notNull(),
    gridId: text('grid_id'),
    category: text('category').notNull(),
    /** '1' 一级（急难） | '2' 二级 */
    urgency: text('urgency').notNull(),
    /** Clue from the district or city bureau to be verified at once (立即核查). */
    immediate: integer('immediate', { mode: 'boolean' }).notNull().default(false),
    description: text('description').notNull(),
    status: text('status').notNull().default('pending'),
    registeredAt: text('registered_at').notNull(),
    /** Step deadline: verification must start by then. */
    verifyDueAt: text('verify_due_at').notNull(),
    /** The grade's time limit: assistance complete by then. */
    dueAt: text('due_at').notNull(),
    handlerName: text('handler_name'),
    handlerUserId: text('handler_user_id'),
    verification: text('verification'),
    measures: text('measures'),
    result: text('result'),
    closedAt: text('closed_at'),
    reviewResult: text('review_result'),
    reviewNote: text('review_note'),
    reviewedAt: text('reviewed_at'),
    visitId: text('visit_id'),
    watchId: text('watch_id'),
    /** Closed as 重复登记: the item it repeats. */
    duplicateOfId: text('duplicate_of_id'),
    /** Which rule of the app opened it ('death-review': 应退尽退, services/assistance/death-stop.ts); null when a person registered it. */
    origin: text('origin'),
  },
  (t) => [
    index('ledger_items_status_idx').on(t.status, t.dueAt),
    index('ledger_items_household_idx').on(t.householdId),
    index('ledger_items_closed_idx').on(t.closedAt),
    index('ledger_items_visit_idx').on(t.visitId),
  ],
);

/** Append-only timeline of an item: who did what, when. */
export const ledgerEvents = sqliteTable(
  'ledger_events',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    itemId: text('item_id')
      .notNull()
      .references(() => ledgerItems.id),
    at: text('at').notNull(),
    userId: text('user_id'),
    username: text('username'),
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
  },
  (t) => [index('ledger_events_item_idx').on(t.itemId, t.at)],
);

export const referrals = sqliteTable(
  'referrals',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    itemId: text('item_id')
      .notNull()
      .references(() => ledgerItems.id),
    department: text('department').notNull(),
    departmentNote: text('department_note'),
    sentOn: text('sent_on').notNull(),
    receivedOn: text('received_on'),
    repliedOn: text('replied_on'),
    reply: text('reply'),
    /** Remind to follow up if no reply by then (ISO instant). */
    followUpAt: text('follow_up_at').notNull(),
  },
  (t) => [index('referrals_item_idx').on(t.itemId)],
);

export const watchEntries = sqliteTable(
  'watch_entries',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    personId: text('person_id').references(() => persons.id),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('watching'),
    itemId: text('item_id'),
    note: text('note'),
  },
  (t) => [index('watch_entries_household_idx').on(t.householdId)],
);

/** What became of a clue waiting for registration (待登记线索). */
export const CLUE_INBOX_STATUSES = ['pending', 'converted', 'dismissed'] as const;

/**
 * 待登记线索: a clue from the intake (grid system, city or district bureau) naming someone not
 * (yet) in the street's registry. Written by the district server in the street's partition; the
 * street registers the person and turns it into a ledger item (its id derived from the clue's, see
 * shared/ledger/clue-ids.ts), or dismisses it with a reason.
 */
export const ledgerClueInbox = sqliteTable(
  'ledger_clue_inbox',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    /** The ledger number reserved at intake (XS-…), given to the item the clue becomes. */
    itemNo: text('item_no').notNull(),
    /** The sender's own number of the clue. */
    externalId: text('external_id').notNull(),
    /** city-bureau | district-bureau | grid (shared/ledger/intake.ts CLUE_SOURCES). */
    source: text('source').notNull(),
    /** The sending system, by the name of its intake key. */
    sender: text('sender'),
    name: text('name'),
    idNumber: text('id_number'),
    phone: text('phone'),
    address: text('address'),
    /** The community as the clue names it, and the street's community of that name if any. */
    communityName: text('community_name'),
    communityId: text('community_id'),
    category: text('category').notNull(),
    urgency: text('urgency').notNull(),
    description: text('description').notNull(),
    /** When the district server received the clue: the deadlines of its item count from here. */
    receivedAt: text('received_at').notNull(),
    /** The sender's deadline, when the clue came with one. */
    dueAt: text('due_at'),
    status: text('status', { enum: CLUE_INBOX_STATUSES }).notNull().default('pending'),
    itemId: text('item_id'),
    householdId: text('household_id'),
    personId: text('person_id'),
    handledAt: text('handled_at'),
    handledBy: text('handled_by'),
    dismissReason: text('dismiss_reason'),
  },
  (t) => [index('ledger_clue_inbox_status_idx').on(t.status, t.receivedAt)],
);
