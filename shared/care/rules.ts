/**
 * Pure rules of 照料服务: the self-care assessment, the care level, agreement status and renewal,
 * the "四有" evaluation of a person on a date, and the 建议纳入集中供养 flag. Figures (visit interval,
 * renewal window, subsidies) come in as arguments read from effective-dated policy parameters.
 */
import { SELF_CARE_INDICATORS, type AgreementStatus, type CareLevel, type FourHave, type SelfCareIndicator } from './codes';
import { addDays, daysBetween, zhDate } from './dates';

export type SelfCareLevel = 'full' | 'partial' | 'none';

export interface SelfCareAssessment {
  level: SelfCareLevel;
  careLevel: CareLevel;
  failed: SelfCareIndicator[];
}

/**
 * DOMAIN §2.4: all six met → 具备生活自理能力; 1–3 failed → 部分丧失; 4 or more failed → 完全丧失.
 * `met` maps each indicator to whether the person manages it alone; a missing indicator counts as
 * not assessed and is refused, so that a half-filled form never yields "具备".
 */
export function assessSelfCare(met: Partial<Record<SelfCareIndicator, boolean>>): SelfCareAssessment {
  const failed: SelfCareIndicator[] = [];
  for (const { code } of SELF_CARE_INDICATORS) {
    const v = met[code];
    if (typeof v !== 'boolean') throw new Error(`self-care indicator ${code} not assessed`);
    if (!v) failed.push(code);
  }
  const level: SelfCareLevel = failed.length === 0 ? 'full' : failed.length <= 3 ? 'partial' : 'none';
  return { level, careLevel: careLevelOf(level), failed };
}

export function careLevelOf(level: SelfCareLevel): CareLevel {
  return level === 'full' ? 'self-care' : level === 'partial' ? 'semi-disabled' : 'disabled';
}

/** Policy-parameter key of the monthly care subsidy (特困人员照料护理标准) of a care level. */
export function careSubsidyParamKey(level: CareLevel): string {
  return `tekun.care.${level === 'self-care' ? 'full' : level === 'semi-disabled' ? 'partial' : 'none'}`;
}

// ---------------------------------------------------------------------------------------------
// Agreements

export interface AgreementFacts {
  /** Stored status: draft, signed or terminated ('expired' is derived from the dates). */
  status: AgreementStatus;
  startDate: string;
  endDate: string;
  signedDate?: string | null;
  terminatedDate?: string | null;
}

/** The status the user sees on a date: a signed agreement past its end date is 已到期. */
export function agreementStatusOn(a: AgreementFacts, onDate: string): AgreementStatus {
  if (a.status === 'terminated' || a.status === 'draft') return a.status;
  if (a.status === 'signed' && onDate > a.endDate) return 'expired';
  return a.status;
}

/** Signed, started and not ended or terminated on the date. */
export function agreementInForce(a: AgreementFacts, onDate: string): boolean {
  return agreementStatusOn(a, onDate) === 'signed' && a.startDate <= onDate && onDate <= a.endDate;
}

export interface RenewalReminder {
  due: boolean;
  daysLeft: number;
  /** The reminder window starts on this day. */
  remindFrom: string;
}

/** A signed agreement is due for renewal from `windowDays` before its end date until it ends. */
export function renewalReminder(a: AgreementFacts, onDate: string, windowDays: number): RenewalReminder {
  const daysLeft = daysBetween(onDate, a.endDate);
  const remindFrom = addDays(a.endDate, -windowDays);
  const due = agreementStatusOn(a, onDate) === 'signed' && onDate >= remindFrom && onDate <= a.endDate;
  return { due, daysLeft, remindFrom };
}

/** Checks the term of an agreement; returns a Chinese message or null. */
export function agreementTermProblem(startDate: string, endDate: string): string | null {
  if (endDate < startDate) return '协议终止日期不能早于起始日期';
  if (daysBetween(startDate, endDate) > 366 * 5) return '协议期限不能超过5年';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Card numbers: ZL-<12-digit street code>-<year>-<device no.>-<4-digit sequence>, e.g.
// ZL-120110001000-2026-03-0007: the seventh card PC no. 3 of the street issued in 2026. The device
// number (from enrollment; 0 before) keeps PCs that issue cards offline from colliding. Numbers of the
// first format, ZL-<street>-<year><sequence>, still parse (device null).

const CARD_RE = /^ZL-(\d{12})-(\d{4})-(\d{2,4})-(\d{4})$/;
const LEGACY_CARD_RE = /^ZL-(\d{12})-(\d{4})(\d{4})$/;

/** ZL: care-service cards; XY: care agreements (协议编号), numbered the same way. */
export type SerialKind = 'ZL' | 'XY';

export function serialPrefix(kind: SerialKind, streetCode: string, year: number, deviceNo: number): string {
  if (!/^\d{12}$/.test(streetCode)) throw new Error('street code must be 12 digits');
  if (!Number.isInteger(deviceNo) || deviceNo < 0 || deviceNo > 9999) throw new Error('device number out of range 0–9999');
  return `${kind}-${streetCode}-${year}-${String(deviceNo).padStart(2, '0')}-`;
}

export function formatSerial(kind: SerialKind, streetCode: string, year: number, deviceNo: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > 9999) throw new Error('sequence out of range 1–9999');
  return `${serialPrefix(kind, streetCode, year, deviceNo)}${String(seq).padStart(4, '0')}`;
}

export function cardNumberPrefix(streetCode: string, year: number, deviceNo: number): string {
  return serialPrefix('ZL', streetCode, year, deviceNo);
}

export function formatCardNumber(streetCode: string, year: number, deviceNo: number, seq: number): string {
  return formatSerial('ZL', streetCode, year, deviceNo, seq);
}

export function parseCardNumber(s: string): { streetCode: string; year: number; deviceNo: number | null; seq: number } | null {
  const t = s.trim();
  const m = CARD_RE.exec(t);
  if (m) {
    const seq = Number(m[4]);
    return seq < 1 ? null : { streetCode: m[1]!, year: Number(m[2]), deviceNo: Number(m[3]), seq };
  }
  const l = LEGACY_CARD_RE.exec(t);
  if (!l || Number(l[3]) < 1) return null;
  return { streetCode: l[1]!, year: Number(l[2]), deviceNo: null, seq: Number(l[3]) };
}

// ---------------------------------------------------------------------------------------------
// "四有"

export type FourHaveGapCode =
  | 'agreement-missing'
  | 'agreement-draft'
  | 'agreement-expired'
  | 'agreement-terminated'
  | 'agreement-not-started'
  | 'card-missing'
  | 'card-expired'
  | 'card-no-standard'
  | 'visit-none'
  | 'visit-overdue'
  | 'plan-missing'
  | 'plan-incomplete';

export interface FourHaveGap {
  have: FourHave;
  code: FourHaveGapCode;
  message: string;
}

export interface FourHavesInput {
  /** The person's latest agreement (not deleted), if any. */
  agreement: AgreementFacts | null;
  /** The person's current card (status active), if any. */
  card: { validFrom: string; validTo: string; serviceItems: string[]; visitIntervalDays: number | null } | null;
  /** Date of the latest visit that counts as 探访 (see countsAsVisit). */
  lastVisitDate: string | null;
  /** Required interval between visits in days (from the agreement, else the policy parameter). */
  visitIntervalDays: number;
  plan: { contacts: number; hospital: string | null; actions: string | null } | null;
}

export interface FourHavesResult {
  ok: Record<FourHave, boolean>;
  gaps: FourHaveGap[];
  /** Date by which the next visit is due (null when none was ever made). */
  nextVisitDue: string | null;
}

/** Which of the "四有" are in place for a person on a date, with every gap named. */
export function evaluateFourHaves(input: FourHavesInput, onDate: string): FourHavesResult {
  const gaps: FourHaveGap[] = [];
  const a = input.agreement;
  if (!a) gaps.push({ have: 'agreement', code: 'agreement-missing', message: '未签订照料协议' });
  else {
    const st = agreementStatusOn(a, onDate);
    if (st === 'draft') gaps.push({ have: 'agreement', code: 'agreement-draft', message: '照料协议尚未签订（草稿）' });
    else if (st === 'terminated')
      gaps.push({ have: 'agreement', code: 'agreement-terminated', message: `照料协议已于${zhDate(a.terminatedDate)}解除，未重新签订` });
    else if (st === 'expired')
      gaps.push({ have: 'agreement', code: 'agreement-expired', message: `照料协议已于${zhDate(a.endDate)}到期，未续签` });
    else if (onDate < a.startDate)
      gaps.push({ have: 'agreement', code: 'agreement-not-started', message: `照料协议自${zhDate(a.startDate)}起生效，尚未开始` });
  }

  const c = input.card;
  if (!c) gaps.push({ have: 'standard', code: 'card-missing', message: '未发放照料服务卡' });
  else {
    if (onDate > c.validTo || onDate < c.validFrom)
      gaps.push({ have: 'standard', code: 'card-expired', message: `照料服务卡不在有效期内（${zhDate(c.validFrom)}至${zhDate(c.validTo)}）` });
    if (c.serviceItems.length === 0 || !c.visitIntervalDays)
      gaps.push({ have: 'standard', code: 'card-no-standard', message: '照料服务卡未载明服务项目与探访频次' });
  }

  let nextVisitDue: string | null = null;
  if (!input.lastVisitDate) gaps.push({ have: 'visits', code: 'visit-none', message: '无探访记录' });
  else {
    nextVisitDue = addDays(input.lastVisitDate, input.visitIntervalDays);
    if (onDate > nextVisitDue)
      gaps.push({
        have: 'visits',
        code: 'visit-overdue',
        message: `最近一次探访为${zhDate(input.lastVisitDate)}，已超过${input.visitIntervalDays}天未探访`,
      });
  }

  const p = input.plan;
  if (!p) gaps.push({ have: 'plan', code: 'plan-missing', message: '无应急预案' });
  else {
    const missing: string[] = [];
    if (p.contacts < 1) missing.push('紧急联系人');
    if (!p.hospital) missing.push('就近医院');
    if (!p.actions) missing.push('处置措施');
    if (missing.length) gaps.push({ have: 'plan', code: 'plan-incomplete', message: `应急预案缺少${missing.join('、')}` });
  }

  const ok = { agreement: true, standard: true, visits: true, plan: true } as Record<FourHave, boolean>;
  for (const g of gaps) ok[g.have] = false;
  return { ok, gaps, nextVisitDue };
}

/** A 探访 in the sense of 定期探访记录: by street or community staff, or a purchased 随访. */
export function countsAsVisit(v: { visitorKind: string; services: string[] }): boolean {
  return v.visitorKind !== 'social-org' || v.services.includes('follow-up') || v.services.includes('visit');
}

// ---------------------------------------------------------------------------------------------
// 建议纳入集中供养

export interface VisitFindings {
  visitDate: string;
  /** 照料服务人未尽照料责任 */
  careFailed: boolean;
  /** 供养人员生活条件恶劣 */
  conditionsPoor: boolean;
  /** 无其他照料人 */
  noOtherCarer: boolean;
}

export interface InstitutionalSuggestion {
  suggested: boolean;
  reason: string | null;
}

/**
 * Work plan 二(三): where the caregiver fails, the person's living conditions are bad and there is no
 * other carer, the person should be moved into 集中供养. Judged on the latest visit with findings;
 * a later visit without those findings clears the flag.
 */
export function institutionalCareSuggestion(latest: VisitFindings | null): InstitutionalSuggestion {
  if (!latest) return { suggested: false, reason: null };
  const { careFailed, conditionsPoor, noOtherCarer } = latest;
  if (careFailed && conditionsPoor && noOtherCarer) {
    return {
      suggested: true,
      reason: `${zhDate(latest.visitDate)}探访发现：照料服务人未尽照料责任，生活条件恶劣，且无其他照料人`,
    };
  }
  return { suggested: false, reason: null };
}
