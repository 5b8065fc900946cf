/** Reading the supported persons of 照料服务 (registry persons of 特困分散供养 households). */
import { AppError } from '../../../../shared/errors';
import { ageOn, maskIdNumber } from '../../../../shared/id-number';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Store } from '../../store/store';
import { categoriesSql, inForceHouseholdsSql } from '../assistance/programme-categories';

export interface CarePersonRow {
  id: string;
  name: string;
  id_number: string;
  sex: 'male' | 'female';
  birth_date: string;
  phone: string | null;
  household_id: string;
  address: string;
  household_phone: string | null;
  categories: string;
  community_id: string;
  community_name: string;
  community_contact: string | null;
  community_phone: string | null;
}

const SELECT = `SELECT p.id, p.name, p.id_number, p.sex, p.birth_date, p.phone, p.household_id,
    h.address, h.phone AS household_phone, ${categoriesSql('h')} AS categories, c.id AS community_id, c.name AS community_name,
    c.contact_name AS community_contact, c.contact_phone AS community_phone
  FROM persons p JOIN households h ON h.id = p.household_id JOIN communities c ON c.id = h.community_id`;

export function today(store: Store): string {
  return shanghaiDate(store.nowDate());
}

export function loadCarePerson(store: Store, streetCode: string, personId: string): CarePersonRow {
  const row = store
    .prepare(`${SELECT} WHERE p.id = ? AND p.street_code = ? AND p.deleted_at IS NULL AND h.deleted_at IS NULL`)
    .get(personId, streetCode) as CarePersonRow | undefined;
  if (!row) throw new AppError('not-found', '供养对象不存在或已被删除', { field: 'personId' });
  return row;
}

/** Refuses a person whose household is not registered as 特困分散供养. */
export function assertSupportedAtHome(row: CarePersonRow): void {
  const cats = JSON.parse(row.categories) as string[];
  if (!cats.includes('tekun-home')) {
    throw new AppError('invalid-input', `${row.name}所在家庭未登记为“特困分散供养”，不能办理照料服务`, { field: 'personId' });
  }
}

/** Persons on the 四有 board: living members of 特困分散供养 households or anyone with a home-care profile, minus transfers. */
export function listCarePersons(store: Store, streetCode: string, communityId: string | null): CarePersonRow[] {
  return store
    .prepare(
      `${SELECT}
       WHERE p.street_code = ? AND p.deleted_at IS NULL AND p.died_on IS NULL AND h.deleted_at IS NULL AND (? IS NULL OR c.id = ?)
         AND (p.household_id IN (${inForceHouseholdsSql()})
              OR p.id IN (SELECT cp.person_id FROM care_profiles cp WHERE cp.deleted_at IS NULL AND cp.supply_mode = 'home'))
         AND NOT EXISTS (SELECT 1 FROM care_profiles cp WHERE cp.person_id = p.id AND cp.deleted_at IS NULL AND cp.supply_mode = 'institution')
       ORDER BY c.sort_order, p.name_pinyin`,
    )
    .all(streetCode, communityId, communityId, 'tekun-home') as CarePersonRow[];
}

export function personSummary(row: CarePersonRow, onDate: string) {
  return {
    id: row.id,
    name: row.name,
    idMasked: maskIdNumber(row.id_number),
    sex: row.sex,
    age: ageOn(row.birth_date, onDate),
    phone: row.phone ?? row.household_phone,
    address: row.address,
    communityName: row.community_name,
  };
}
