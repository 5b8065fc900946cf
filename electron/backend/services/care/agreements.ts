/**
 * Entrusted-care agreements (委托照料服务协议): drawn up as a draft from the template in force,
 * signed, terminated; 'expired' is derived from the end date. The care subsidy follows the person's
 * care level from the effective-dated policy parameter on the start date.
 */
import { addDays, addMonths } from '../../../../shared/care/dates';
import { agreementStatusOn, agreementTermProblem, careSubsidyParamKey, renewalReminder } from '../../../../shared/care/rules';
import type { Agreement } from '../../../../shared/care/types';
import type { AgreementStatus, CareLevel } from '../../../../shared/care/codes';
import { AppError } from '../../../../shared/errors';
import { maskIdNumber } from '../../../../shared/id-number';
import type { Actor, Store } from '../../store/store';
import { paramOn, requireParam } from '../policy/params';
import { loadCaregiverRow } from './caregivers';
import { assertSupportedAtHome, loadCarePerson, today } from './people';
import { loadProfile } from './profiles';
import { nextSerial } from './serials';
import { byPerson } from './by-person';

export interface AgreementRow {
  id: string;
  street_code: string;
  person_id: string;
  caregiver_id: string;
  has_party_c: number;
  guardian_name: string | null;
  guardian_id_number: string | null;
  guardian_relation: string | null;
  guardian_phone: string | null;
  start_date: string;
  end_date: string;
  services: string;
  visit_interval_days: number;
  care_level: string;
  subsidy_fen: number;
  status: AgreementStatus;
  signed_date: string | null;
  terminated_date: string | null;
  termination_reason: string | null;
  template: string;
  template_effective_from: string;
  agreement_number: string | null;
  created_at: string;
  person_name: string;
  caregiver_name: string;
}

const SELECT = `SELECT a.*, p.name AS person_name, g.name AS caregiver_name FROM care_agreements a
  JOIN persons p ON p.id = a.person_id JOIN caregivers g ON g.id = a.caregiver_id`;

export function toAgreement(r: AgreementRow, onDate: string, windowDays: number): Agreement {
  const facts = { status: r.status, startDate: r.start_date, endDate: r.end_date };
  const rem = renewalReminder(facts, onDate, windowDays);
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    caregiverId: r.caregiver_id,
    caregiverName: r.caregiver_name,
    agreementNumber: r.agreement_number,
    hasPartyC: r.has_party_c === 1,
    guardian: r.guardian_name
      ? { name: r.guardian_name, idMasked: r.guardian_id_number && maskIdNumber(r.guardian_id_number), relation: r.guardian_relation, phone: r.guardian_phone }
      : null,
    startDate: r.start_date,
    endDate: r.end_date,
    services: JSON.parse(r.services) as string[],
    visitIntervalDays: r.visit_interval_days,
    careLevel: r.care_level as CareLevel,
    subsidyFen: r.subsidy_fen,
    status: agreementStatusOn(facts, onDate),
    signedDate: r.signed_date,
    terminatedDate: r.terminated_date,
    terminationReason: r.termination_reason,
    renewalDue: rem.due,
    daysLeft: rem.daysLeft,
  };
}

export function renewalWindow(store: Store, streetCode: string): number {
  return (paramOn(store, streetCode, 'care.renewalNoticeDays', today(store))?.value as number | undefined) ?? 30;
}

export function loadAgreementRow(store: Store, streetCode: string, id: string): AgreementRow {
  const r = store.prepare(`${SELECT} WHERE a.id = ? AND a.street_code = ? AND a.deleted_at IS NULL`).get(id, streetCode) as
    | AgreementRow
    | undefined;
  if (!r) throw new AppError('not-found', '照料协议不存在或已被删除', { field: 'id' });
  return r;
}

export function agreementOut(store: Store, streetCode: string, id: string): Agreement {
  return toAgreement(loadAgreementRow(store, streetCode, id), today(store), renewalWindow(store, streetCode));
}

/** A person's agreements, latest first (the street's list below keeps the same order per person). */
const LATEST_FIRST = 'ORDER BY a.start_date DESC, a.created_at DESC, a.id';

export function personAgreements(store: Store, streetCode: string, personId: string): AgreementRow[] {
  return store
    .prepare(`${SELECT} WHERE a.person_id = ? AND a.street_code = ? AND a.deleted_at IS NULL ${LATEST_FIRST}`)
    .all(personId, streetCode) as AgreementRow[];
}

/** Every person's agreements of the street at once, each as personAgreements gives them. */
export function streetAgreements(store: Store, streetCode: string): Map<string, AgreementRow[]> {
  return byPerson(store.prepare(`${SELECT} WHERE a.street_code = ? AND a.deleted_at IS NULL ${LATEST_FIRST}`).all(streetCode) as AgreementRow[]);
}

export function renewalsDue(store: Store, streetCode: string): Agreement[] {
  const d = today(store);
  const w = renewalWindow(store, streetCode);
  const rows = store
    .prepare(`${SELECT} WHERE a.street_code = ? AND a.deleted_at IS NULL AND a.status = 'signed' AND a.end_date >= ? AND a.end_date <= ? ORDER BY a.end_date`)
    .all(streetCode, d, addDays(d, w)) as AgreementRow[];
  return rows.map((r) => toAgreement(r, d, w));
}

export interface GuardianInput {
  name: string;
  idNumber: string | null;
  relation: string | null;
  phone: string | null;
}

export interface AgreementInput {
  personId: string;
  caregiverId: string;
  hasPartyC: boolean;
  guardian: GuardianInput | null;
  startDate: string;
  endDate: string | null;
  services: string[];
  visitIntervalDays: number | null;
}

function terms(store: Store, streetCode: string, personId: string, startDate: string) {
  const profile = loadProfile(store, personId);
  if (!profile?.careLevel) {
    throw new AppError('invalid-input', '请先完成生活自理能力评估，确定照料等级后再拟定协议', { field: 'personId' });
  }
  const subsidyFen = requireParam<number>(store, streetCode, careSubsidyParamKey(profile.careLevel), startDate);
  const drawnOn = today(store);
  const tpl = paramOn(store, streetCode, 'care.agreementTemplate', drawnOn);
  if (!tpl) throw new AppError('not-found', '缺少“委托照料服务协议范本”，请在“救助政策”中设置', { field: 'care.agreementTemplate' });
  return { careLevel: profile.careLevel, subsidyFen, template: tpl.value, templateEffectiveFrom: tpl.effectiveFrom };
}

function checkTerm(startDate: string, endDate: string): void {
  const p = agreementTermProblem(startDate, endDate);
  if (p) throw new AppError('invalid-input', p, { field: 'endDate' });
}

export function createAgreement(store: Store, actor: Actor, input: AgreementInput): Agreement {
  return store.tx(() => {
    const person = loadCarePerson(store, actor.streetCode, input.personId);
    assertSupportedAtHome(person);
    const caregiver = loadCaregiverRow(store, actor.streetCode, input.caregiverId);
    const endDate =
      input.endDate ??
      addDays(addMonths(input.startDate, requireParam<number>(store, actor.streetCode, 'care.agreementTermMonths', input.startDate)), -1);
    checkTerm(input.startDate, endDate);
    const visitIntervalDays =
      input.visitIntervalDays ?? requireParam<number>(store, actor.streetCode, 'care.visitIntervalDays', input.startDate);
    const t = terms(store, actor.streetCode, input.personId, input.startDate);
    const id = store.insert(
      'care_agreements',
      {
        streetCode: actor.streetCode,
        personId: input.personId,
        caregiverId: input.caregiverId,
        hasPartyC: input.hasPartyC,
        ...guardianFields(input.guardian),
        startDate: input.startDate,
        endDate,
        services: input.services,
        visitIntervalDays,
        ...t,
        status: 'draft',
        agreementNumber: nextSerial(store, 'XY', actor.streetCode, Number(today(store).slice(0, 4))),
      },
      actor,
      { action: 'care.createAgreement', summary: `拟定照料协议：${person.name}（照料服务人 ${caregiver.name}）` },
    );
    return agreementOut(store, actor.streetCode, id);
  });
}

function guardianFields(g: GuardianInput | null | undefined) {
  return {
    guardianName: g?.name ?? null,
    guardianIdNumber: g?.idNumber ?? null,
    guardianRelation: g?.relation ?? null,
    guardianPhone: g?.phone ?? null,
  };
}

export interface AgreementPatch {
  caregiverId?: string;
  hasPartyC?: boolean;
  guardian?: GuardianInput | null;
  startDate?: string;
  endDate?: string;
  services?: string[];
  visitIntervalDays?: number;
}

export function updateAgreement(store: Store, actor: Actor, id: string, patch: AgreementPatch): Agreement {
  return store.tx(() => {
    const row = loadAgreementRow(store, actor.streetCode, id);
    if (row.status !== 'draft') throw new AppError('invalid-transition', '只能修改草稿状态的协议；已签订的协议请解除后重新拟定');
    if (patch.caregiverId) loadCaregiverRow(store, actor.streetCode, patch.caregiverId);
    const startDate = patch.startDate ?? row.start_date;
    const endDate = patch.endDate ?? row.end_date;
    checkTerm(startDate, endDate);
    const { guardian, ...rest } = patch;
    store.update(
      'care_agreements',
      id,
      {
        ...rest,
        ...(guardian !== undefined ? guardianFields(guardian) : {}),
        // Re-drawn with the figures and wording in force now.
        ...terms(store, actor.streetCode, row.person_id, startDate),
      },
      actor,
      { action: 'care.updateAgreement', summary: `修改照料协议草稿：${row.person_name}` },
    );
    return agreementOut(store, actor.streetCode, id);
  });
}

export function signAgreement(store: Store, actor: Actor, id: string, signedDate: string): Agreement {
  return store.tx(() => {
    const row = loadAgreementRow(store, actor.streetCode, id);
    if (row.status !== 'draft') throw new AppError('invalid-transition', '该协议已签订或已解除');
    if (signedDate > today(store)) throw new AppError('invalid-input', '签订日期不能晚于今天', { field: 'signedDate' });
    const overlap = personAgreements(store, actor.streetCode, row.person_id).find(
      (a) => a.id !== id && a.status === 'signed' && a.start_date <= row.end_date && a.end_date >= row.start_date,
    );
    if (overlap) {
      throw new AppError(
        'overlap',
        `${row.person_name}已有期限重叠的已签订协议（${overlap.start_date}至${overlap.end_date}），请先解除该协议或调整起止日期`,
        { field: 'startDate' },
      );
    }
    store.update('care_agreements', id, { status: 'signed', signedDate }, actor, {
      action: 'care.signAgreement',
      summary: `签订照料协议：${row.person_name}（${row.start_date}至${row.end_date}）`,
    });
    return agreementOut(store, actor.streetCode, id);
  });
}

export function terminateAgreement(store: Store, actor: Actor, id: string, date: string, reason: string): Agreement {
  return store.tx(() => {
    const row = loadAgreementRow(store, actor.streetCode, id);
    if (row.status !== 'signed') throw new AppError('invalid-transition', '只能解除已签订的协议');
    if (date < row.start_date) throw new AppError('invalid-input', '解除日期不能早于协议起始日期', { field: 'date' });
    store.update('care_agreements', id, { status: 'terminated', terminatedDate: date, terminationReason: reason }, actor, {
      action: 'care.terminateAgreement',
      summary: `解除照料协议：${row.person_name}，原因：${reason}`,
    });
    return agreementOut(store, actor.streetCode, id);
  });
}
