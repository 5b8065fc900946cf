/**
 * drizzle schema of the office database. Synced tables have a UUIDv7 `id`, a partition column
 * (`street_code`, or 'district' for district-wide rows), timestamps and soft deletion; local-only
 * tables (sync bookkeeping, login throttling) live in tables/local.ts. One file per area under
 * tables/; migrations are generated from them by drizzle-kit (`npm run db:generate`), additive only.
 */
export * from './tables/org';
export * from './tables/registry';
export * from './tables/policy';
export * from './tables/users';
export * from './tables/audit';
export * from './tables/local';
export * from './tables/sync';
export * from './tables/screening';
export * from './tables/ledger';
export * from './tables/assistance';
export * from './tables/care';
export * from './tables/payments';
export * from './tables/reports';
export * from './tables/warnings';
export * from './tables/left-behind';

import { communities, grids, streets } from './tables/org';
import { households, persons } from './tables/registry';
import { policyParams } from './tables/policy';
import { users } from './tables/users';
import { auditEvents } from './tables/audit';
import { visits } from './tables/screening';
import { ledgerClueInbox, ledgerEvents, ledgerItems, referrals, watchEntries } from './tables/ledger';
import { enrolments, enrolmentSteps, incomeRiseDecisions, temporaryAssistance } from './tables/assistance';
import { careAgreements, careCards, careProfiles, caregivers, carePlans, careVisits } from './tables/care';
import { paymentBatches, paymentBatchRows } from './tables/payments';
import { circulars, reportSubmissions } from './tables/reports';
import { departmentImports, departmentRecords, warnings } from './tables/warnings';
import { leftBehindRecords } from './tables/left-behind';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { SyncTableName } from '../../../../shared/sync/catalog';

/**
 * Tables whose rows travel through the change log: one per table of the shared wire catalog
 * (shared/sync/catalog.ts; sync/catalog.test.ts holds their columns to it).
 */
export const SYNCED_TABLES = {
  streets,
  communities,
  grids,
  households,
  persons,
  policy_params: policyParams,
  users,
  audit_events: auditEvents,
  visits,
  ledger_items: ledgerItems,
  ledger_events: ledgerEvents,
  referrals,
  watch_entries: watchEntries,
  ledger_clue_inbox: ledgerClueInbox,
  enrolments,
  enrolment_steps: enrolmentSteps,
  income_rise_decisions: incomeRiseDecisions,
  temporary_assistance: temporaryAssistance,
  care_profiles: careProfiles,
  caregivers,
  care_agreements: careAgreements,
  care_cards: careCards,
  care_visits: careVisits,
  care_plans: carePlans,
  payment_batches: paymentBatches,
  payment_batch_rows: paymentBatchRows,
  report_submissions: reportSubmissions,
  circulars,
  department_imports: departmentImports,
  department_records: departmentRecords,
  warnings,
  left_behind_records: leftBehindRecords,
} as const satisfies Record<SyncTableName, SQLiteTable>;
export type SyncedTableName = keyof typeof SYNCED_TABLES;
