/** Output shapes of the registry procedures. */
import type { AssistanceCategory, HouseholdStatus } from '../codes';
import type { IncomeItem } from './schemas';

export interface HouseholdRow {
  id: string;
  headName: string | null;
  headIdMasked: string | null;
  address: string;
  communityId: string;
  communityName: string;
  gridId: string | null;
  gridName: string | null;
  hukouType: string;
  phone: string | null;
  categories: AssistanceCategory[];
  status: HouseholdStatus;
  memberCount: number;
  /** Members whose name/pinyin/ID/phone matched the search, masked. */
  matchedMembers?: { id: string; name: string; idMasked: string }[];
  updatedAt: string;
}

export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  rows: T[];
}

export interface PersonDetail {
  id: string;
  householdId: string;
  name: string;
  idNumber: string;
  sex: 'male' | 'female';
  birthDate: string;
  age: number;
  relation: string;
  ethnicity: string | null;
  maritalStatus: string | null;
  health: string;
  disabilityCategory: string | null;
  disabilityGrade: string | null;
  disabilityCardNumber: string | null;
  selfCare: string;
  labourCapacity: string | null;
  employment: string | null;
  incomes: IncomeItem[];
  monthlyIncomeFen: number;
  phone: string | null;
  notes: string | null;
  /** 死亡日期 when a death was recorded (registry.recordDeath), else null. */
  diedOn: string | null;
  updatedAt: string;
}

export interface HouseholdDetail {
  id: string;
  streetCode: string;
  communityId: string;
  communityName: string;
  gridId: string | null;
  gridName: string | null;
  gridWorkerName: string | null;
  gridWorkerPhone: string | null;
  address: string;
  hukouType: string;
  phone: string | null;
  bankName: string | null;
  bankAccount: string | null;
  accountHolder: string | null;
  categories: AssistanceCategory[];
  status: HouseholdStatus;
  notes: string | null;
  members: PersonDetail[];
  createdAt: string;
  updatedAt: string;
}

export interface SearchHit {
  kind: 'person' | 'household';
  householdId: string;
  personId?: string;
  title: string;
  subtitle: string;
}

export interface ImportRowError {
  /** 1-based worksheet row number. */
  row: number;
  column: string;
  message: string;
}

export interface ImportPreview {
  importId: string;
  fileName: string;
  totalRows: number;
  validHouseholds: number;
  validPersons: number;
  errors: ImportRowError[];
}

export interface ImportResult {
  households: number;
  persons: number;
}

export interface FileOut {
  fileName: string;
  /** base64 of the file's bytes */
  base64: string;
}
