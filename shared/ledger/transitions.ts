/**
 * The status machine of an issue-ledger item:
 *   待核查 -> 核查中 -> 处置中 -> (已转介) -> 已办结（销号） -> 回头看完成
 * with reopening (back to 处置中) from 已办结 or 回头看完成 on a stated reason. An open item may
 * instead be closed as 核查不属实 (with the reason) or as 重复登记 (linked to the item it repeats);
 * reopened, those go back to 核查中. Each action says who may take it and what it needs;
 * `checkTransition` answers before anything is written.
 */
import type { Role } from '../codes';
import type { LedgerStatus } from './codes';

export const LEDGER_ACTIONS = [
  { code: 'start-verify', label: '开始核查' },
  { code: 'confirm', label: '核查属实，转入处置' },
  { code: 'refer', label: '转介部门' },
  { code: 'close', label: '办结销号' },
  { code: 'review', label: '回头看' },
  { code: 'reopen', label: '重新打开' },
  { code: 'close-unfounded', label: '核查不属实，销号' },
  { code: 'close-duplicate', label: '重复登记，销号' },
] as const;
export type LedgerAction = (typeof LEDGER_ACTIONS)[number]['code'];

const STAFF: readonly Role[] = ['caseworker', 'supervisor', 'street-admin', 'district-admin'];
const SUPERVISORS: readonly Role[] = ['supervisor', 'street-admin', 'district-admin'];

interface Rule {
  from: readonly LedgerStatus[];
  to: LedgerStatus;
  roles: readonly Role[];
  /** A different destination from some statuses. */
  toFrom?: Partial<Record<LedgerStatus, LedgerStatus>>;
}

const OPEN_STATUSES: readonly LedgerStatus[] = ['pending', 'verifying', 'handling', 'referred'];
/** Closed statuses: no deadline runs, never overdue. Only 已办结 and 回头看完成 count as solved. */
export const CLOSED_STATUSES: readonly LedgerStatus[] = ['closed', 'reviewed', 'unfounded', 'duplicate'];

export const TRANSITIONS: Record<LedgerAction, Rule> = {
  'start-verify': { from: ['pending'], to: 'verifying', roles: STAFF },
  confirm: { from: ['verifying'], to: 'handling', roles: STAFF },
  refer: { from: ['handling', 'referred'], to: 'referred', roles: STAFF },
  close: { from: ['handling', 'referred'], to: 'closed', roles: SUPERVISORS },
  review: { from: ['closed'], to: 'reviewed', roles: SUPERVISORS },
  reopen: {
    from: ['closed', 'reviewed', 'unfounded', 'duplicate'],
    to: 'handling',
    roles: SUPERVISORS,
    // Found not real or a repeat before any help: it is verified again.
    toFrom: { unfounded: 'verifying', duplicate: 'verifying' },
  },
  'close-unfounded': { from: OPEN_STATUSES, to: 'unfounded', roles: SUPERVISORS },
  'close-duplicate': { from: OPEN_STATUSES, to: 'duplicate', roles: SUPERVISORS },
};

export interface TransitionInput {
  status: LedgerStatus;
  role: Role;
  /** Referrals of the item still waiting for the department's reply. */
  openReferrals: number;
  note?: string | null;
  measures?: string | null;
  result?: string | null;
  reason?: string | null;
  department?: string | null;
  reviewResult?: string | null;
  duplicateOfId?: string | null;
}

export type TransitionCheck =
  | { ok: true; to: LedgerStatus }
  | { ok: false; code: 'forbidden' | 'invalid-transition' | 'prerequisite-missing' | 'invalid-input'; message: string; field?: string };

const STATUS_LABEL: Record<LedgerStatus, string> = {
  pending: '待核查',
  verifying: '核查中',
  handling: '处置中',
  referred: '已转介',
  closed: '已办结',
  reviewed: '回头看完成',
  unfounded: '核查不属实',
  duplicate: '重复登记',
};

function blank(v: string | null | undefined): boolean {
  return !v || v.trim() === '';
}

export function checkTransition(action: LedgerAction, t: TransitionInput): TransitionCheck {
  const rule = TRANSITIONS[action];
  const label = LEDGER_ACTIONS.find((a) => a.code === action)!.label;
  if (!rule.roles.includes(t.role)) {
    return { ok: false, code: 'forbidden', message: `“${label}”须由街道负责人或管理员操作` };
  }
  if (!rule.from.includes(t.status)) {
    return { ok: false, code: 'invalid-transition', message: `当前状态为“${STATUS_LABEL[t.status]}”，不能“${label}”` };
  }
  switch (action) {
    case 'confirm':
      if (blank(t.note)) return { ok: false, code: 'invalid-input', message: '请填写核查情况', field: 'note' };
      break;
    case 'refer':
      if (blank(t.department)) return { ok: false, code: 'invalid-input', message: '请选择转介部门', field: 'department' };
      break;
    case 'close':
    case 'close-unfounded':
    case 'close-duplicate':
      if (t.openReferrals > 0) {
        return { ok: false, code: 'prerequisite-missing', message: `尚有 ${t.openReferrals} 项转介未收到部门回复，不能销号：请先登记部门回复` };
      }
      if (action === 'close-unfounded') {
        if (blank(t.reason)) return { ok: false, code: 'invalid-input', message: '核查不属实销号须填写原因', field: 'reason' };
        break;
      }
      if (action === 'close-duplicate') {
        if (blank(t.duplicateOfId)) return { ok: false, code: 'invalid-input', message: '重复登记销号须选择所重复的台账事项', field: 'duplicateOfId' };
        break;
      }
      if (blank(t.measures)) return { ok: false, code: 'invalid-input', message: '销号须填写采取的救助措施', field: 'measures' };
      if (blank(t.result)) return { ok: false, code: 'invalid-input', message: '销号须填写办理结果', field: 'result' };
      break;
    case 'review':
      if (blank(t.reviewResult)) return { ok: false, code: 'invalid-input', message: '请选择回头看结论', field: 'reviewResult' };
      if (blank(t.note)) return { ok: false, code: 'invalid-input', message: '请填写回头看情况', field: 'note' };
      break;
    case 'reopen':
      if (blank(t.reason)) return { ok: false, code: 'invalid-input', message: '重新打开须填写原因', field: 'reason' };
      break;
    default:
      break;
  }
  return { ok: true, to: rule.toFrom?.[t.status] ?? rule.to };
}

/** The actions offered for an item in a status to a role (for the UI's buttons). */
export function availableActions(status: LedgerStatus, role: Role): LedgerAction[] {
  return (Object.keys(TRANSITIONS) as LedgerAction[]).filter(
    (a) => TRANSITIONS[a].from.includes(status) && TRANSITIONS[a].roles.includes(role),
  );
}

export function isOpen(status: LedgerStatus): boolean {
  return !CLOSED_STATUSES.includes(status);
}
