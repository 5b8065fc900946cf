/**
 * The order the rules give an enrolment (work plan 二(二); DOMAIN §1.3): 入户调查 and 街道审核 by
 * different people; 区级审批 only after the 公示 period has run in full, by a district user or
 * recorded at the street on behalf of the district with its document number and date; and for 低保 /
 * 低保边缘 an assessed income within the programme's line, or an explicit reason to approve anyway.
 * Each check refuses before anything is written; what was decided goes into the step's detail.
 */
import type { Role } from '../../../../shared/codes';
import { AppError } from '../../../../shared/errors';
import { addDays } from '../../../../shared/time/calendar-days';
import { dibaoIncomeLine, edgeIncomeLine, type IncomeLineCheck } from '../../../../shared/policy/eligibility';
import type { Actor, Store } from '../../store/store';
import { requireParam } from '../policy/params';
import type { EnrolmentDbRow } from './amounts';
import { dibaoStandard } from './figures';

export interface ApprovalInput {
  districtDocNo?: string | null;
  districtApprovedOn?: string;
  overrideReason?: string | null;
}

function stepUser(store: Store, enrolmentId: string, step: string): string | null {
  const r = store
    .prepare('SELECT username FROM enrolment_steps WHERE enrolment_id = ? AND step = ? AND deleted_at IS NULL ORDER BY at DESC LIMIT 1')
    .get(enrolmentId, step) as { username: string | null } | undefined;
  return r?.username ?? null;
}

/** 街道审核 is a second pair of eyes: not the person who recorded the 入户调查. */
export function checkStreetReview(store: Store, e: EnrolmentDbRow, actor: Actor): void {
  const investigator = stepUser(store, e.id, 'investigate');
  if (investigator !== null && investigator === actor.username) {
    throw new AppError('forbidden', `入户调查与街道审核须由不同人员办理：本户的入户调查由 ${investigator} 登记，请由其他人员审核`, { field: 'step' });
  }
}

/** The income line of a 低保 / 低保边缘 enrolment on the date, or null for other programmes. */
export function incomeLineOn(store: Store, e: EnrolmentDbRow, onDate: string): IncomeLineCheck | null {
  if (e.per_capita_income_fen === null) return null;
  if (e.programme === 'dibao') return dibaoIncomeLine(e.per_capita_income_fen, dibaoStandard(store, e.street_code, onDate));
  if (e.programme === 'dibao-edge') {
    const upper = requireParam<number>(store, e.street_code, 'dibao-edge.upperPercent', onDate);
    return edgeIncomeLine(e.per_capita_income_fen, dibaoStandard(store, e.street_code, onDate), upper);
  }
  return null;
}

/** Checks an approval on `today`; returns what is recorded with the step. */
export function checkApproval(store: Store, e: EnrolmentDbRow, role: Role, input: ApprovalInput, today: string): Record<string, unknown> {
  if (e.public_to && today <= e.public_to) {
    throw new AppError('invalid-transition', `公示期至 ${e.public_to} 结束，${addDays(e.public_to, 1)} 起方可办理区级审批`, { field: 'step' });
  }
  const detail: Record<string, unknown> = {};
  if (role !== 'district-admin') {
    if (!input.districtDocNo) throw new AppError('invalid-input', '区级审批由区级办理：街道代为登记时须填写区级审批文号', { field: 'districtDocNo' });
    if (!input.districtApprovedOn) throw new AppError('invalid-input', '街道代为登记区级审批时须填写区级审批日期', { field: 'districtApprovedOn' });
    if (e.public_to && input.districtApprovedOn <= e.public_to) {
      throw new AppError('invalid-input', `区级审批日期应在公示期结束（${e.public_to}）之后`, { field: 'districtApprovedOn' });
    }
    if (input.districtApprovedOn > today) throw new AppError('invalid-input', '区级审批日期不能晚于今天', { field: 'districtApprovedOn' });
    Object.assign(detail, { onBehalfOfDistrict: true, districtDocNo: input.districtDocNo, districtApprovedOn: input.districtApprovedOn });
  }
  const line = incomeLineOn(store, e, today);
  if (line && !line.eligible) {
    if (!input.overrideReason) {
      throw new AppError('invalid-input', `${line.explanation}：如确需批准，请填写超出标准仍予批准的原因（将记入审批记录和操作日志）`, { field: 'overrideReason' });
    }
    Object.assign(detail, { incomeLine: line.explanation, overrideReason: input.overrideReason });
  }
  return detail;
}
