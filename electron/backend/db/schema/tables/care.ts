/**
 * 照料服务 of 分散供养特困人员: care profiles, caregivers, entrusted-care agreements, care-service
 * cards, visit records and emergency plans. All synced, partitioned by street.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';
import { persons } from './registry';

/** One per person: self-care assessment, care level, health and needs, and the supply mode. */
export const careProfiles = sqliteTable(
  'care_profiles',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    /** JSON { eating: true, dressing: false, … } of the six indicators. */
    selfCareMet: text('self_care_met', { mode: 'json' }).$type<Record<string, boolean>>(),
    selfCareLevel: text('self_care_level'),
    careLevel: text('care_level'),
    assessedDate: text('assessed_date'),
    health: text('health'),
    risks: text('risks'),
    needs: text('needs'),
    /** 'home' (分散供养) or 'institution' (moved into 集中供养). */
    supplyMode: text('supply_mode').notNull().default('home'),
    transferDate: text('transfer_date'),
    transferInstitution: text('transfer_institution'),
    transferReason: text('transfer_reason'),
  },
  (t) => [index('care_profiles_person_idx').on(t.personId)],
);

export const caregivers = sqliteTable(
  'caregivers',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    name: text('name').notNull(),
    idNumber: text('id_number').notNull(),
    relation: text('relation').notNull(),
    phone: text('phone').notNull(),
    address: text('address'),
    notes: text('notes'),
  },
  (t) => [index('caregivers_id_number_idx').on(t.idNumber), index('caregivers_name_idx').on(t.name)],
);

export const careAgreements = sqliteTable(
  'care_agreements',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    caregiverId: text('caregiver_id')
      .notNull()
      .references(() => caregivers.id),
    /** 丙方 may be the person or a guardian; null name means the person signs as 丙方. */
    hasPartyC: integer('has_party_c', { mode: 'boolean' }).notNull().default(true),
    guardianName: text('guardian_name'),
    guardianIdNumber: text('guardian_id_number'),
    guardianRelation: text('guardian_relation'),
    guardianPhone: text('guardian_phone'),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    services: text('services', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    visitIntervalDays: integer('visit_interval_days').notNull(),
    careLevel: text('care_level').notNull(),
    subsidyFen: integer('subsidy_fen').notNull(),
    /** draft | signed | terminated ('expired' is derived from the dates). */
    status: text('status').notNull().default('draft'),
    signedDate: text('signed_date'),
    terminatedDate: text('terminated_date'),
    terminationReason: text('termination_reason'),
    /** The rule that ended it ('death': services/assistance/death-stop.ts); null when a person terminated it (their reason is the text). */
    terminationCode: text('termination_code'),
    /** The template in force when the agreement was drawn up, kept so a later revision never rewrites it. */
    template: text('template', { mode: 'json' }).notNull(),
    templateEffectiveFrom: text('template_effective_from').notNull(),
    /** 协议编号 XY-<street>-<year>-<device>-<seq>, printed on every page; null for agreements made before numbering (numbered at first print). */
    agreementNumber: text('agreement_number'),
  },
  (t) => [index('care_agreements_person_idx').on(t.personId), index('care_agreements_caregiver_idx').on(t.caregiverId)],
);

export const careCards = sqliteTable(
  'care_cards',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    agreementId: text('agreement_id').references(() => careAgreements.id),
    cardNumber: text('card_number').notNull(),
    issuedDate: text('issued_date').notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to').notNull(),
    /** active | reissued | cancelled */
    status: text('status').notNull().default('active'),
    serviceItems: text('service_items', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    visitIntervalDays: integer('visit_interval_days'),
    hotline: text('hotline'),
    streetContact: text('street_contact'),
    streetPhone: text('street_phone'),
    endedDate: text('ended_date'),
    endReason: text('end_reason'),
    /** The rule that ended it ('death': services/assistance/death-stop.ts); null when a person ended it. */
    endCode: text('end_code'),
    replacesId: text('replaces_id'),
  },
  (t) => [
    index('care_cards_person_idx').on(t.personId),
    index('care_cards_number_idx').on(t.cardNumber),
    index('care_cards_issued_idx').on(t.issuedDate),
  ],
);

/** Append-only visit records. */
export const careVisits = sqliteTable(
  'care_visits',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    visitDate: text('visit_date').notNull(),
    visitorKind: text('visitor_kind').notNull(),
    visitorName: text('visitor_name').notNull(),
    orgName: text('org_name'),
    method: text('method').notNull().default('home'),
    services: text('services', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    content: text('content').notNull(),
    findings: text('findings'),
    careFailed: integer('care_failed', { mode: 'boolean' }).notNull().default(false),
    conditionsPoor: integer('conditions_poor', { mode: 'boolean' }).notNull().default(false),
    noOtherCarer: integer('no_other_carer', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('care_visits_person_idx').on(t.personId, t.visitDate)],
);

export const carePlans = sqliteTable(
  'care_plans',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    /** JSON [{ name, relation, phone }] */
    contacts: text('contacts', { mode: 'json' })
      .$type<{ name: string; relation: string | null; phone: string }[]>()
      .notNull()
      .default(sql`'[]'`),
    hospital: text('hospital'),
    hospitalPhone: text('hospital_phone'),
    conditions: text('conditions'),
    actions: text('actions'),
  },
  (t) => [index('care_plans_person_idx').on(t.personId)],
);
