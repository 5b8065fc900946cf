/** Households and persons of the registry. */
import { sql } from 'drizzle-orm';
import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';
import { communities, grids } from './org';

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
    // 应补尽补: the few households tagged 孤儿 / 事实无人抚养儿童, found without reading every household (gaps.ts).
    index('households_child_category_idx')
      .on(t.streetCode)
      .where(sql`deleted_at IS NULL AND (categories LIKE '%"orphan"%' OR categories LIKE '%"unsupported-child"%')`),
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
    /** 死亡日期 (registry.recordDeath): the person stays on record; entitlements end after this month. */
    diedOn: text('died_on'),
  },
  (t) => [
    index('persons_household_idx').on(t.householdId),
    index('persons_name_idx').on(t.name),
    index('persons_initials_idx').on(t.nameInitials),
    index('persons_pinyin_idx').on(t.namePinyin),
    uniqueIndex('persons_active_id_number_uq').on(t.idNumber).where(sql`deleted_at IS NULL`),
    // 应补尽补 reads only those who can have a gap: certificate holders, the dead, the members a household enrolment covers.
    index('persons_certificate_idx').on(t.streetCode).where(sql`deleted_at IS NULL AND disability_category IS NOT NULL AND disability_grade IS NOT NULL`),
    index('persons_died_idx').on(t.householdId, t.diedOn).where(sql`died_on IS NOT NULL`),
    index('persons_household_street_idx').on(t.householdId, t.streetCode).where(sql`deleted_at IS NULL`),
  ],
);
