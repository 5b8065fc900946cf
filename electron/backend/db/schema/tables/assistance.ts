/**
 * Assistance programmes (issue 5): enrolments and their recorded steps, income-rise decisions with
 * their six-month schedule, temporary assistance applications.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';
import { households, persons } from './registry';

/** A household's (or person's) enrolment into a programme. */
export const enrolments = sqliteTable(
  'enrolments',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    /** PROGRAMMES code: dibao, dibao-edge, tekun-home, tekun-institution or an allowance. */
    programme: text('programme').notNull(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    /** The person, for individual programmes (特困, allowances); null for household programmes. */
    personId: text('person_id').references(() => persons.id),
    /** ENROLMENT_STATUSES code. */
    status: text('status').notNull(),
    coveredPersons: integer('covered_persons').notNull().default(1),
    /** Assessed per-capita monthly income after deductions (低保, 低保边缘). */
    perCapitaIncomeFen: integer('per_capita_income_fen'),
    /** First payment month 'YYYY-MM' (set at approval). */
    startMonth: text('start_month'),
    /** First month no longer paid 'YYYY-MM' (exit); null while enrolled. */
    endMonth: text('end_month'),
    /** A fixed amount that replaces the standard-based one (e.g. while exits are suspended). */
    fixedAmountFen: integer('fixed_amount_fen'),
    publicFrom: text('public_from'),
    publicTo: text('public_to'),
    notes: text('notes'),
    /** 'import': entered from the street's existing data (Excel import, demo, the one-truth migration); null: through the steps. */
    source: text('source'),
    /** When the office confirmed an imported enrolment (确认导入); null while it awaits confirmation. */
    importConfirmedAt: text('import_confirmed_at'),
  },
  (t) => [
    index('enrolments_household_idx').on(t.householdId),
    // A household's programme categories (services/assistance/programme-categories.ts) probe this.
    index('enrolments_household_programme_idx').on(t.householdId, t.programme, t.status),
    index('enrolments_person_idx').on(t.personId),
    index('enrolments_programme_idx').on(t.programme, t.status),
  ],
);

/** Append-only record of each step of an enrolment: who, when, what. */
export const enrolmentSteps = sqliteTable(
  'enrolment_steps',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    enrolmentId: text('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    step: text('step').notNull(),
    at: text('at').notNull(),
    username: text('username'),
    note: text('note'),
    detail: text('detail', { mode: 'json' }),
  },
  (t) => [index('enrolment_steps_enrolment_idx').on(t.enrolmentId, t.at)],
);

/** A 低保 household's reported income rise and the decision (decideIncomeRise), stored as data. */
export const incomeRiseDecisions = sqliteTable(
  'income_rise_decisions',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    enrolmentId: text('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    reportMonth: text('report_month').notNull(),
    /** Inputs of the rule, as used. */
    input: text('input', { mode: 'json' }).notNull(),
    kind: text('kind').notNull(),
    monthlyAmountFen: integer('monthly_amount_fen'),
    /** [{ month, amountFen, percent }] for a gradual exit. */
    schedule: text('schedule', { mode: 'json' }),
    exitMonth: text('exit_month'),
  },
  (t) => [index('income_rise_enrolment_idx').on(t.enrolmentId)],
);

/** 临时救助 applications. */
export const temporaryAssistance = sqliteTable(
  'temporary_assistance',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    personId: text('person_id').references(() => persons.id),
    /** 'urgent' (急难型) or 'expenditure' (支出型). */
    type: text('type').notNull(),
    reason: text('reason').notNull(),
    amountFen: integer('amount_fen').notNull(),
    receivedAt: text('received_at').notNull(),
    /** Routing computed at receipt (routeTemporaryAssistance). */
    approver: text('approver').notNull(),
    approveFirst: integer('approve_first', { mode: 'boolean' }).notNull(),
    deadline: text('deadline'),
    standardFen: integer('standard_fen').notNull(),
    /** TEMP_STATUSES code. */
    status: text('status').notNull(),
    approvedAt: text('approved_at'),
    approvedBy: text('approved_by'),
    paidAt: text('paid_at'),
    referral: text('referral'),
    decisionNote: text('decision_note'),
    /** The urgent case's 一级 item of the issue ledger, which follows this application to its end. */
    ledgerItemId: text('ledger_item_id'),
    /** 先行救助: [{ code, note, receivedOn }] of the papers owed when approved before they were complete. */
    papersOwed: text('papers_owed', { mode: 'json' }),
    /** The day (Asia/Shanghai) the owed papers are due. */
    papersDueOn: text('papers_due_on'),
    /** When the last owed paper was recorded as received. */
    papersCompletedAt: text('papers_completed_at'),
  },
  (t) => [index('temporary_status_idx').on(t.status), index('temporary_household_idx').on(t.householdId)],
);
