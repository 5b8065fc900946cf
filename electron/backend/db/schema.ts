/**
 * drizzle schema of the office database. Synced tables have a UUIDv7 `id`, a partition column
 * (`street_code`, or 'district' for district-wide rows), timestamps and soft deletion; local-only
 * tables (sync bookkeeping, login throttling) are marked below. Migrations are generated from this
 * file by drizzle-kit (`npm run db:generate`) and are additive only.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const syncedColumns = {
  id: text('id').primaryKey(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  deletedAt: text('deleted_at'),
};

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

export const households = sqliteTable(
  'households',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    communityId: text('community_id')
      .notNull()
      .references(() => communities.id),
    gridId: text('grid_id').references(() => grids.id),
    address: text('address').notNull(),
    hukouType: text('hukou_type').notNull(),
    phone: text('phone'),
    bankName: text('bank_name'),
    bankAccount: text('bank_account'),
    accountHolder: text('account_holder'),
    /** JSON array of assistance category codes. */
    categories: text('categories', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    status: text('status').notNull().default('active'),
    notes: text('notes'),
  },
  (t) => [
    index('households_community_idx').on(t.communityId),
    index('households_grid_idx').on(t.gridId),
    index('households_status_idx').on(t.status),
    index('households_updated_idx').on(t.updatedAt),
  ],
);

export const persons = sqliteTable(
  'persons',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    relation: text('relation').notNull(),
    name: text('name').notNull(),
    /** Derived from name: full pinyin without tones or spaces, and initials, both lower case. */
    namePinyin: text('name_pinyin').notNull(),
    nameInitials: text('name_initials').notNull(),
    idNumber: text('id_number').notNull(),
    /** Derived from the ID number. */
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    birthDate: text('birth_date').notNull(),
    ethnicity: text('ethnicity'),
    maritalStatus: text('marital_status'),
    health: text('health').notNull().default('healthy'),
    disabilityCategory: text('disability_category'),
    disabilityGrade: text('disability_grade'),
    selfCare: text('self_care').notNull().default('full'),
    labourCapacity: text('labour_capacity'),
    employment: text('employment'),
    /** JSON array of { kind, monthlyFen, note }. */
    incomes: text('incomes', { mode: 'json' })
      .$type<{ kind: string; monthlyFen: number; note: string | null }[]>()
      .notNull()
      .default(sql`'[]'`),
    phone: text('phone'),
    notes: text('notes'),
  },
  (t) => [
    index('persons_household_idx').on(t.householdId),
    index('persons_name_idx').on(t.name),
    index('persons_initials_idx').on(t.nameInitials),
    index('persons_pinyin_idx').on(t.namePinyin),
    uniqueIndex('persons_active_id_number_uq').on(t.idNumber).where(sql`deleted_at IS NULL`),
  ],
);

/** Effective-dated policy figures; district-wide rows use partition 'district'. */
export const policyParams = sqliteTable(
  'policy_params',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    key: text('key').notNull(),
    /** JSON value: integer fen, a count, a list… as the key defines. */
    value: text('value', { mode: 'json' }).notNull(),
    effectiveFrom: text('effective_from').notNull(),
    note: text('note'),
  },
  (t) => [index('policy_params_key_idx').on(t.key, t.effectiveFrom)],
);

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

/** Append-only; synced, never updated. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    at: text('at').notNull(),
    userId: text('user_id'),
    username: text('username'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    summary: text('summary').notNull(),
    detail: text('detail', { mode: 'json' }),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId), index('audit_at_idx').on(t.at)],
);

// ---- local-only tables ----

/** Outbox: every local change, in HLC order, until the sync client has pushed it. */
export const changeLog = sqliteTable(
  'change_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    hlc: text('hlc').notNull().unique(),
    nodeId: text('node_id').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    partition: text('partition').notNull(),
    /** JSON object of column name -> value. */
    fields: text('fields', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    pushedAt: text('pushed_at'),
  },
  (t) => [index('change_log_unpushed_idx').on(t.pushedAt, t.seq)],
);

/** Per-field HLC of the value currently stored: the basis of field-level last-writer-wins. */
export const fieldClocks = sqliteTable(
  'field_clocks',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    field: text('field').notNull(),
    hlc: text('hlc').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId, t.field] })],
);

/** Key-value facts of this replica: node id, last HLC, street, demo flag, sync cursor. */
export const localMeta = sqliteTable('local_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Failed sign-ins per user name on this device (lock-out); never synced. */
export const loginAttempts = sqliteTable('login_attempts', {
  username: text('username').primaryKey(),
  failedCount: integer('failed_count').notNull().default(0),
  lockedUntil: text('locked_until'),
  lastFailedAt: text('last_failed_at'),
});

/** Tables whose rows travel through the change log, with their partition column. */
export const SYNCED_TABLES = {
  streets,
  communities,
  grids,
  households,
  persons,
  policy_params: policyParams,
  users,
  audit_events: auditEvents,
} as const;
export type SyncedTableName = keyof typeof SYNCED_TABLES;
