/**
 * 预警 from other departments' data (issue 17). A department file (医保, 残联, 人社, 殡葬) is kept as
 * an import record; each of its rows that matches a registered person by ID number is kept as a
 * department record in that person's street partition (rules over 12 months need the history);
 * the warning rules (shared/warnings/rules.ts, dated policy data) raise warnings, one per rule and
 * trigger (dedupe_key), which the street disposes of in its 预警 inbox. Imports and records are
 * never edited: a wrong file is answered by a warning's 信息有误 disposition, not by rewriting it.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';
import { DEPARTMENT_SOURCES, WARNING_DISPOSITIONS, WARNING_RULES, WARNING_STATUSES } from '../../../../../shared/warnings/types';

export const departmentImports = sqliteTable(
  'department_imports',
  {
    ...syncedColumns,
    /** The street that imported it, or 'district' when the district server did. */
    streetCode: text('street_code').notNull(),
    /** shared/warnings/types.ts DEPARTMENT_SOURCES. */
    source: text('source', { enum: DEPARTMENT_SOURCES }).notNull(),
    fileName: text('file_name').notNull(),
    /** SHA-256 (hex) of the file's bytes: the same file imported twice is refused. */
    fileSha256: text('file_sha256').notNull(),
    /** The period the file covers, as the office entered it (dates, Asia/Shanghai). */
    periodStartOn: text('period_start_on').notNull(),
    periodEndOn: text('period_end_on').notNull(),
    rowCount: integer('row_count').notNull(),
    matchedCount: integer('matched_count').notNull(),
    /** Rows whose ID number is not registered (listed as possible unregistered people, 线索). */
    unmatchedCount: integer('unmatched_count').notNull(),
    importedAt: text('imported_at').notNull(),
    importedBy: text('imported_by').notNull(),
    importedByName: text('imported_by_name').notNull(),
  },
  (t) => [index('department_imports_sha_idx').on(t.fileSha256), index('department_imports_source_idx').on(t.source, t.importedAt)],
);

export const departmentRecords = sqliteTable(
  'department_records',
  {
    ...syncedColumns,
    /** The matched person's street. */
    streetCode: text('street_code').notNull(),
    importId: text('import_id').notNull(),
    source: text('source', { enum: DEPARTMENT_SOURCES }).notNull(),
    personId: text('person_id').notNull(),
    householdId: text('household_id').notNull(),
    idNumber: text('id_number').notNull(),
    /** The day or period the row is about (a month's medical costs: its first and last day). */
    startOn: text('start_on').notNull(),
    endOn: text('end_on'),
    /** The row's facts by source (shared/warnings/types.ts DepartmentFacts), amounts in fen. */
    facts: text('facts', { mode: 'json' }).notNull(),
  },
  (t) => [index('department_records_person_idx').on(t.personId, t.source, t.startOn), index('department_records_import_idx').on(t.importId)],
);

export const warnings = sqliteTable(
  'warnings',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    householdId: text('household_id').notNull(),
    personId: text('person_id').notNull(),
    /** shared/warnings/types.ts WARNING_RULES. */
    rule: text('rule', { enum: WARNING_RULES }).notNull(),
    /** The effective date of the rule's policy parameters that raised it (its version). */
    ruleVersion: text('rule_version').notNull(),
    /**
     * rule + person + what triggered it (e.g. the month, the certificate date): the same data never
     * raises a second warning. The row's id is derived from it (warningIdOf), so two PCs, or the
     * district and a street, raising the same warning write one row and converge.
     */
    dedupeKey: text('dedupe_key').notNull(),
    /** What triggered it, for the inbox to show (shared/warnings/types.ts WarningTrigger). */
    trigger: text('trigger', { mode: 'json' }).notNull(),
    /** The department record(s) behind it (JSON array of ids). */
    recordIds: text('record_ids', { mode: 'json' }).notNull(),
    raisedAt: text('raised_at').notNull(),
    /** The day by which the street must have disposed of it (the rule's working-day limit). */
    dueDate: text('due_date').notNull(),
    /** open | disposed. */
    status: text('status', { enum: WARNING_STATUSES }).notNull(),
    /** shared/warnings/types.ts WARNING_DISPOSITIONS, once disposed. */
    disposition: text('disposition', { enum: WARNING_DISPOSITIONS }),
    dispositionReason: text('disposition_reason'),
    /** The ledger item a 转问题台账 disposition opened. */
    ledgerItemId: text('ledger_item_id'),
    disposedAt: text('disposed_at'),
    disposedBy: text('disposed_by'),
    disposedByName: text('disposed_by_name'),
  },
  (t) => [
    index('warnings_dedupe_idx').on(t.streetCode, t.dedupeKey),
    index('warnings_status_idx').on(t.status, t.dueDate),
    index('warnings_household_idx').on(t.householdId, t.status),
  ],
);
