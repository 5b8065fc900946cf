/**
 * The sync wire catalog: the tables and columns that travel between office PCs and the district
 * server, as plain data, one definition for both sides. Each column has its wire kind (text,
 * integer, boolean 0/1, JSON text), whether a new row must bring it (NOT NULL without a default) and,
 * for an enumerated column, its values; a text column's format (instant, date, month, free text)
 * follows its name (columns.ts textFormat). The server validates every pushed change against it
 * (server/sync/validate.ts); the PC applies pulled changes against it, parking columns it lacks.
 * Tests hold the PC's SQLite schema to it exactly (electron/backend/sync/catalog.test.ts) and the
 * server's storage to every column of it (server/sync/catalog-storage.test.ts). Additive only, like
 * the schemas.
 */
import type { Catalog, ColumnKind, ColumnSpec, TableSpec } from './columns';
import { DEPARTMENT_SOURCES, WARNING_DISPOSITIONS, WARNING_RULES, WARNING_STATUSES } from '../warnings/types';
import { LEFT_BEHIND_CLOSE_REASON_CODES, LEFT_BEHIND_KIND_CODES, LEFT_BEHIND_REASON_CODES, LIVING_ARRANGEMENT_CODES } from '../left-behind/types';

/** A column of the wire: its spec without the name (the key names it). */
export type WireColumn = Omit<ColumnSpec, 'name'>;

const column = (kind: ColumnKind, notNull: boolean, hasDefault = false): WireColumn => ({ kind, notNull, hasDefault });
const TEXT = column('text', true);
const TEXT_NULL = column('text', false);
const TEXT_DEFAULT = column('text', true, true);
const INTEGER = column('integer', true);
const INTEGER_NULL = column('integer', false);
const INTEGER_DEFAULT = column('integer', true, true);
const BOOLEAN = column('boolean', true);
const BOOLEAN_DEFAULT = column('boolean', true, true);
const JSON_TEXT = column('json', true);
const JSON_TEXT_NULL = column('json', false);
const JSON_TEXT_DEFAULT = column('json', true, true);
const DEFAULTED = true;
/** A column holding the id of a row of `table` (its foreign key): the order of tables follows these. */
const ref = (table: string, col: WireColumn = TEXT): WireColumn => ({ ...col, references: table });
/** An enumerated text column (NOT NULL). */
const oneOf = (values: readonly string[], hasDefault = false): WireColumn => ({ ...column('text', true, hasDefault), enumValues: values });

/** Every synced row: a UUIDv7 id, timestamps, soft deletion and its partition. */
const SYNCED = { id: TEXT, created_at: TEXT, updated_at: TEXT, deleted_at: TEXT_NULL, street_code: TEXT };

export const WIRE_TABLES = {
  streets: {
    ...SYNCED,
    code: TEXT, name: TEXT, office_name: TEXT,
  },
  communities: {
    ...SYNCED,
    name: TEXT, kind: oneOf(['community', 'village'], DEFAULTED), contact_name: TEXT_NULL, contact_phone: TEXT_NULL,
    sort_order: INTEGER_DEFAULT,
  },
  grids: {
    ...SYNCED,
    community_id: ref('communities'), name: TEXT, worker_name: TEXT_NULL, worker_phone: TEXT_NULL,
  },
  households: {
    ...SYNCED,
    community_id: ref('communities'), grid_id: ref('grids', TEXT_NULL), address: TEXT, hukou_type: TEXT, phone: TEXT_NULL,
    bank_name: TEXT_NULL, bank_account: TEXT_NULL, account_holder: TEXT_NULL, categories: JSON_TEXT_DEFAULT, status: TEXT_DEFAULT,
    notes: TEXT_NULL,
  },
  persons: {
    ...SYNCED,
    household_id: ref('households'), relation: TEXT, name: TEXT, name_pinyin: TEXT, name_initials: TEXT, id_number: TEXT,
    sex: oneOf(['male', 'female']), birth_date: TEXT, ethnicity: TEXT_NULL, marital_status: TEXT_NULL, health: TEXT_DEFAULT,
    disability_category: TEXT_NULL, disability_grade: TEXT_NULL, self_care: TEXT_DEFAULT, labour_capacity: TEXT_NULL,
    employment: TEXT_NULL, incomes: JSON_TEXT_DEFAULT, phone: TEXT_NULL, notes: TEXT_NULL, died_on: TEXT_NULL,
  },
  policy_params: {
    ...SYNCED,
    key: TEXT, value: JSON_TEXT, effective_from: TEXT, note: TEXT_NULL,
  },
  users: {
    ...SYNCED,
    username: TEXT, display_name: TEXT, role: TEXT, password_hash: TEXT, phone: TEXT_NULL, disabled: BOOLEAN_DEFAULT,
  },
  audit_events: {
    ...SYNCED,
    at: TEXT, user_id: TEXT_NULL, username: TEXT_NULL, action: TEXT, entity: TEXT, entity_id: TEXT_NULL, summary: TEXT,
    detail: JSON_TEXT_NULL,
  },
  visits: {
    ...SYNCED,
    household_id: ref('households'), grid_id: TEXT_NULL, community_id: TEXT, visited_on: TEXT, method: TEXT, visitor_name: TEXT,
    visitor_user_id: TEXT_NULL, situation: TEXT, note: TEXT_NULL, round_id: TEXT_NULL,
  },
  ledger_items: {
    ...SYNCED,
    item_no: TEXT, source: TEXT, household_id: ref('households'), person_id: ref('persons', TEXT_NULL), community_id: TEXT,
    grid_id: TEXT_NULL, category: TEXT, urgency: TEXT, immediate: BOOLEAN_DEFAULT, description: TEXT, status: TEXT_DEFAULT,
    registered_at: TEXT, verify_due_at: TEXT, due_at: TEXT, handler_name: TEXT_NULL, handler_user_id: TEXT_NULL,
    verification: TEXT_NULL, measures: TEXT_NULL, result: TEXT_NULL, closed_at: TEXT_NULL, review_result: TEXT_NULL,
    review_note: TEXT_NULL, reviewed_at: TEXT_NULL, visit_id: TEXT_NULL, watch_id: TEXT_NULL, duplicate_of_id: TEXT_NULL, origin: TEXT_NULL,
  },
  ledger_events: {
    ...SYNCED,
    item_id: ref('ledger_items'), at: TEXT, user_id: TEXT_NULL, username: TEXT_NULL, kind: TEXT, from_status: TEXT_NULL,
    to_status: TEXT_NULL, note: TEXT_NULL,
  },
  referrals: {
    ...SYNCED,
    item_id: ref('ledger_items'), department: TEXT, department_note: TEXT_NULL, sent_on: TEXT, received_on: TEXT_NULL,
    replied_on: TEXT_NULL, reply: TEXT_NULL, follow_up_at: TEXT,
  },
  watch_entries: {
    ...SYNCED,
    household_id: ref('households'), person_id: ref('persons', TEXT_NULL), reason: TEXT, status: TEXT_DEFAULT, item_id: TEXT_NULL,
    note: TEXT_NULL,
  },
  ledger_clue_inbox: {
    ...SYNCED,
    item_no: TEXT, external_id: TEXT, source: TEXT, sender: TEXT_NULL, name: TEXT_NULL, id_number: TEXT_NULL, phone: TEXT_NULL,
    address: TEXT_NULL, community_name: TEXT_NULL, community_id: TEXT_NULL, category: TEXT, urgency: TEXT, description: TEXT,
    received_at: TEXT, due_at: TEXT_NULL, status: oneOf(['pending', 'converted', 'dismissed'], DEFAULTED), item_id: TEXT_NULL,
    household_id: TEXT_NULL, person_id: TEXT_NULL, handled_at: TEXT_NULL, handled_by: TEXT_NULL, dismiss_reason: TEXT_NULL,
  },
  enrolments: {
    ...SYNCED,
    programme: TEXT, household_id: ref('households'), person_id: ref('persons', TEXT_NULL), status: TEXT, covered_persons: INTEGER_DEFAULT,
    per_capita_income_fen: INTEGER_NULL, start_month: TEXT_NULL, end_month: TEXT_NULL, fixed_amount_fen: INTEGER_NULL,
    public_from: TEXT_NULL, public_to: TEXT_NULL, notes: TEXT_NULL, source: TEXT_NULL, import_confirmed_at: TEXT_NULL,
  },
  enrolment_steps: {
    ...SYNCED,
    enrolment_id: ref('enrolments'), step: TEXT, at: TEXT, username: TEXT_NULL, note: TEXT_NULL, detail: JSON_TEXT_NULL,
  },
  income_rise_decisions: {
    ...SYNCED,
    enrolment_id: ref('enrolments'), report_month: TEXT, input: JSON_TEXT, kind: TEXT, monthly_amount_fen: INTEGER_NULL,
    schedule: JSON_TEXT_NULL, exit_month: TEXT_NULL,
  },
  temporary_assistance: {
    ...SYNCED,
    household_id: ref('households'), person_id: ref('persons', TEXT_NULL), type: TEXT, reason: TEXT, amount_fen: INTEGER,
    received_at: TEXT, approver: TEXT, approve_first: BOOLEAN, deadline: TEXT_NULL, standard_fen: INTEGER, status: TEXT,
    approved_at: TEXT_NULL, approved_by: TEXT_NULL, paid_at: TEXT_NULL, referral: TEXT_NULL, decision_note: TEXT_NULL,
    ledger_item_id: TEXT_NULL, papers_owed: JSON_TEXT_NULL, papers_due_on: TEXT_NULL, papers_completed_at: TEXT_NULL,
  },
  care_profiles: {
    ...SYNCED,
    person_id: ref('persons'), self_care_met: JSON_TEXT_NULL, self_care_level: TEXT_NULL, care_level: TEXT_NULL, assessed_date: TEXT_NULL,
    health: TEXT_NULL, risks: TEXT_NULL, needs: TEXT_NULL, supply_mode: TEXT_DEFAULT, transfer_date: TEXT_NULL,
    transfer_institution: TEXT_NULL, transfer_reason: TEXT_NULL,
  },
  caregivers: {
    ...SYNCED,
    name: TEXT, id_number: TEXT, relation: TEXT, phone: TEXT, address: TEXT_NULL, notes: TEXT_NULL,
  },
  care_agreements: {
    ...SYNCED,
    person_id: ref('persons'), caregiver_id: ref('caregivers'), has_party_c: BOOLEAN_DEFAULT, guardian_name: TEXT_NULL,
    guardian_id_number: TEXT_NULL, guardian_relation: TEXT_NULL, guardian_phone: TEXT_NULL, start_date: TEXT, end_date: TEXT,
    services: JSON_TEXT_DEFAULT, visit_interval_days: INTEGER, care_level: TEXT, subsidy_fen: INTEGER, status: TEXT_DEFAULT,
    signed_date: TEXT_NULL, terminated_date: TEXT_NULL, termination_reason: TEXT_NULL, termination_code: TEXT_NULL, template: JSON_TEXT,
    template_effective_from: TEXT, agreement_number: TEXT_NULL,
  },
  care_cards: {
    ...SYNCED,
    person_id: ref('persons'), agreement_id: ref('care_agreements', TEXT_NULL), card_number: TEXT, issued_date: TEXT, valid_from: TEXT,
    valid_to: TEXT, status: TEXT_DEFAULT, service_items: JSON_TEXT_DEFAULT, visit_interval_days: INTEGER_NULL, hotline: TEXT_NULL,
    street_contact: TEXT_NULL, street_phone: TEXT_NULL, ended_date: TEXT_NULL, end_reason: TEXT_NULL, end_code: TEXT_NULL, replaces_id: TEXT_NULL,
  },
  care_visits: {
    ...SYNCED,
    person_id: ref('persons'), visit_date: TEXT, visitor_kind: TEXT, visitor_name: TEXT, org_name: TEXT_NULL, method: TEXT_DEFAULT,
    services: JSON_TEXT_DEFAULT, content: TEXT, findings: TEXT_NULL, care_failed: BOOLEAN_DEFAULT, conditions_poor: BOOLEAN_DEFAULT,
    no_other_carer: BOOLEAN_DEFAULT,
  },
  care_plans: {
    ...SYNCED,
    person_id: ref('persons'), contacts: JSON_TEXT_DEFAULT, hospital: TEXT_NULL, hospital_phone: TEXT_NULL, conditions: TEXT_NULL,
    actions: TEXT_NULL,
  },
  payment_batches: {
    ...SYNCED,
    programme: TEXT, month: TEXT, status: TEXT, generated_at: TEXT, generated_by: TEXT_NULL, confirmed_at: TEXT_NULL,
    confirmed_by: TEXT_NULL, paid_at: TEXT_NULL, paid_by: TEXT_NULL, row_count: INTEGER_NULL, total_fen: INTEGER_NULL,
    digest: TEXT_NULL, bank_file_digest: TEXT_NULL,
  },
  payment_batch_rows: {
    ...SYNCED,
    batch_id: ref('payment_batches'), seq: INTEGER, kind: TEXT, for_month: TEXT, enrolment_id: TEXT, household_id: TEXT,
    person_id: TEXT_NULL, name: TEXT_NULL, id_number: TEXT_NULL, community: TEXT, address: TEXT, covered_persons: INTEGER,
    amount_fen: INTEGER, basis: TEXT, figures: JSON_TEXT_NULL, reason: TEXT_NULL, source_ref: TEXT_NULL, bank_name: TEXT_NULL,
    bank_account: TEXT_NULL,
  },
  // issue 15: frozen monthly reports (报送) and the district's 通报
  report_submissions: {
    ...SYNCED,
    month: TEXT, kind: TEXT, version: INTEGER, payload: JSON_TEXT, reason: TEXT_NULL, submitted_at: TEXT, submitted_by: TEXT,
    submitted_by_name: TEXT,
  },
  circulars: {
    ...SYNCED,
    month: TEXT, title: TEXT, doc_number: TEXT, body: TEXT, streets: JSON_TEXT, status: oneOf(['draft', 'published']),
    created_by: TEXT, published_at: TEXT_NULL, published_by: TEXT_NULL,
  },
  // issue 17: department data and the 预警 it raises (ids derived from what they are: shared/warnings/ids.ts)
  department_imports: {
    ...SYNCED,
    source: oneOf(DEPARTMENT_SOURCES), file_name: TEXT, file_sha256: TEXT, period_start_on: TEXT, period_end_on: TEXT,
    row_count: INTEGER, matched_count: INTEGER, unmatched_count: INTEGER, imported_at: TEXT, imported_by: TEXT,
    imported_by_name: TEXT,
  },
  department_records: {
    ...SYNCED,
    import_id: TEXT, source: oneOf(DEPARTMENT_SOURCES), person_id: TEXT, household_id: TEXT, id_number: TEXT, start_on: TEXT,
    end_on: TEXT_NULL, facts: JSON_TEXT,
  },
  warnings: {
    ...SYNCED,
    household_id: TEXT, person_id: TEXT, rule: oneOf(WARNING_RULES), rule_version: TEXT, dedupe_key: TEXT, trigger: JSON_TEXT,
    record_ids: JSON_TEXT, raised_at: TEXT, due_date: TEXT, status: oneOf(WARNING_STATUSES), disposition: { ...TEXT_NULL, enumValues: WARNING_DISPOSITIONS },
    disposition_reason: TEXT_NULL, ledger_item_id: TEXT_NULL, disposed_at: TEXT_NULL, disposed_by: TEXT_NULL,
    disposed_by_name: TEXT_NULL,
  },
  // issue 17: 留守 records per person (work plan 二(四))
  left_behind_records: {
    ...SYNCED,
    person_id: ref('persons'), household_id: TEXT, kind: oneOf(LEFT_BEHIND_KIND_CODES), reason: oneOf(LEFT_BEHIND_REASON_CODES),
    reason_note: TEXT_NULL, away_members: JSON_TEXT, guardian_name: TEXT_NULL, guardian_relation: TEXT_NULL, guardian_phone: TEXT_NULL,
    school: TEXT_NULL, living_arrangement: { ...TEXT_NULL, enumValues: LIVING_ARRANGEMENT_CODES }, notes: TEXT_NULL, opened_on: TEXT,
    last_updated_on: TEXT, closed_on: TEXT_NULL, close_reason: { ...TEXT_NULL, enumValues: LEFT_BEHIND_CLOSE_REASON_CODES }, close_note: TEXT_NULL,
  },
} as const satisfies Record<string, Record<string, WireColumn>>;

export type SyncTableName = keyof typeof WIRE_TABLES;

function tableSpec(name: string, cols: Record<string, WireColumn>): TableSpec {
  const columns = new Map<string, ColumnSpec>(Object.entries(cols).map(([n, c]) => [n, { name: n, ...c }]));
  const required = [...columns.values()].filter((c) => c.notNull && !c.hasDefault).map((c) => c.name);
  return { name, columns, required };
}

/**
 * The synced tables parents first: each after every table its columns reference, otherwise in the
 * catalog's order. A snapshot sends its tables so (server/sync/snapshot.ts): a bootstrapping PC
 * then finds every row's parent already stored and parks nothing.
 */
export const SYNC_TABLE_ORDER: readonly SyncTableName[] = parentsFirst(WIRE_TABLES);

function parentsFirst(tables: Record<string, Record<string, WireColumn>>): SyncTableName[] {
  const out: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string): void => {
    if (out.includes(name)) return;
    if (visiting.has(name)) throw new Error(`sync catalog: tables reference each other in a cycle through ${name}`);
    visiting.add(name);
    for (const col of Object.values(tables[name]!)) if (col.references && col.references !== name) visit(col.references);
    visiting.delete(name);
    out.push(name);
  };
  Object.keys(tables).forEach(visit);
  return out as SyncTableName[];
}

/** The catalog as the sync code looks columns up: table name → its spec. */
export const SYNC_CATALOG: Catalog = new Map(Object.entries(WIRE_TABLES).map(([name, cols]) => [name, tableSpec(name, cols)]));
