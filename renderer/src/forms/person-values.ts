/**
 * The person form's values and their conversion to the API's person input (money in fen, empty
 * fields as null) and back from a PersonDetail for editing.
 */
import type { PersonInputRaw } from '../../../shared/registry/schemas';
import type { PersonDetail } from '../../../shared/registry/types';
import { HEAD_RELATION } from '../../../shared/codes';
import { fenToYuanText, parseYuanToFen } from '../lib/money';

export interface IncomeFormValue {
  kind?: string;
  monthlyYuan?: string;
  note?: string;
}

export interface PersonFormValues {
  name?: string;
  idNumber?: string;
  relation?: string;
  ethnicity?: string;
  maritalStatus?: string;
  health?: string;
  disabilityCategory?: string;
  disabilityGrade?: string;
  selfCare?: string;
  labourCapacity?: string;
  employment?: string;
  incomes?: IncomeFormValue[];
  phone?: string;
  notes?: string;
}

const HAN = '01';

export function emptyPerson(relation?: string): PersonFormValues {
  return { relation, ethnicity: HAN, health: 'healthy', selfCare: 'full', incomes: [] };
}

export function emptyHead(): PersonFormValues {
  return emptyPerson(HEAD_RELATION);
}

function text(v: string | undefined | null): string | null {
  const t = (v ?? '').trim();
  return t === '' ? null : t;
}

type Raw = PersonInputRaw;

export function toPersonInput(v: PersonFormValues): Raw {
  return {
    name: (v.name ?? '').trim(),
    idNumber: (v.idNumber ?? '').trim().toUpperCase(),
    relation: v.relation as Raw['relation'],
    ethnicity: (v.ethnicity ?? null) as Raw['ethnicity'],
    maritalStatus: (v.maritalStatus ?? null) as Raw['maritalStatus'],
    health: (v.health ?? 'healthy') as Raw['health'],
    disabilityCategory: (v.disabilityCategory ?? null) as Raw['disabilityCategory'],
    disabilityGrade: (v.disabilityGrade ?? null) as Raw['disabilityGrade'],
    selfCare: (v.selfCare ?? 'full') as Raw['selfCare'],
    labourCapacity: (v.labourCapacity ?? null) as Raw['labourCapacity'],
    employment: (v.employment ?? null) as Raw['employment'],
    incomes: (v.incomes ?? []).map((i) => {
      const fen = parseYuanToFen(i.monthlyYuan ?? '');
      if (fen === null) throw new Error(`收入金额“${i.monthlyYuan ?? ''}”无效`);
      return { kind: i.kind as NonNullable<Raw['incomes']>[number]['kind'], monthlyFen: fen, note: text(i.note) };
    }),
    phone: text(v.phone),
    notes: text(v.notes),
  };
}

export function fromPersonDetail(p: PersonDetail): PersonFormValues {
  return {
    name: p.name,
    idNumber: p.idNumber,
    relation: p.relation,
    ethnicity: p.ethnicity ?? undefined,
    maritalStatus: p.maritalStatus ?? undefined,
    health: p.health,
    disabilityCategory: p.disabilityCategory ?? undefined,
    disabilityGrade: p.disabilityGrade ?? undefined,
    selfCare: p.selfCare,
    labourCapacity: p.labourCapacity ?? undefined,
    employment: p.employment ?? undefined,
    incomes: p.incomes.map((i) => ({ kind: i.kind, monthlyYuan: fenToYuanText(i.monthlyFen), note: i.note ?? undefined })),
    phone: p.phone ?? undefined,
    notes: p.notes ?? undefined,
  };
}

/** Sum of the incomes the form holds, in fen (invalid amounts count as 0). */
export function monthlyIncomeFen(incomes: IncomeFormValue[] | undefined): number {
  return (incomes ?? []).reduce((sum, i) => sum + (i.kind === 'excluded' ? 0 : (parseYuanToFen(i.monthlyYuan ?? '') ?? 0)), 0);
}
