/**
 * 临时救助: applications are routed on receipt (routeTemporaryAssistance on the parameters in force):
 * urgent cases are approved first with a deadline (24 hours by default), the street approves up to its
 * limit and the district above it; then payment, or refusal, or referral (转介) where other help fits.
 */
import { AppError } from '../../../../shared/errors';
import { routeTemporaryAssistance } from '../../../../shared/policy';
import { TEMP_TYPES, type TempStatus } from '../../../../shared/assistance/codes';
import type { OwedPaper, TemporaryRow } from '../../../../shared/assistance/types';
import { labelOf } from '../../../../shared/codes';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import { createItem } from '../ledger/items';
import { followApplication, type ApplicationOutcome } from '../ledger/application-case';
import { yuan } from '../../../../shared/care/format';
import type { Actor, Store } from '../../store/store';
import { requireParam } from '../policy/params';
import { loadHouseholdRow } from '../registry/read';
import { dibaoStandard } from './figures';
import { papersOwedOn, type AdvanceInput } from './temporary-papers';
import { owedText } from '../../../../shared/assistance/papers';

interface Db {
  id: string;
  household_id: string;
  person_id: string | null;
  type: 'urgent' | 'expenditure';
  reason: string;
  amount_fen: number;
  received_at: string;
  approver: 'street' | 'district';
  approve_first: number;
  deadline: string | null;
  standard_fen: number;
  status: TempStatus;
  approved_at: string | null;
  approved_by: string | null;
  paid_at: string | null;
  referral: string | null;
  decision_note: string | null;
  ledger_item_id: string | null;
  papers_owed: string | null;
  papers_due_on: string | null;
  papers_completed_at: string | null;
  community_name: string;
  person_name: string | null;
}

const FROM = `FROM temporary_assistance t JOIN households h ON h.id = t.household_id JOIN communities c ON c.id = h.community_id
  LEFT JOIN persons p ON p.id = t.person_id`;
const SELECT = `SELECT t.*, c.name AS community_name,
    COALESCE(p.name, (SELECT hp.name FROM persons hp WHERE hp.household_id = t.household_id AND hp.relation = '02' AND hp.deleted_at IS NULL LIMIT 1)) AS person_name
  ${FROM}`;

/** An urgent case's clock: approved by its deadline (or, not yet approved, the deadline not yet passed); null without one. */
export function withinTemporaryDeadline(r: { deadline: string | null; approved_at: string | null }, nowIso: string): boolean | null {
  if (!r.deadline) return null;
  return r.approved_at ? r.approved_at <= r.deadline : nowIso <= r.deadline;
}

function toRow(r: Db, nowIso: string): TemporaryRow {
  const withinDeadline = withinTemporaryDeadline(r, nowIso);
  const papersOwed = r.papers_owed ? (JSON.parse(r.papers_owed) as OwedPaper[]) : null;
  const today = shanghaiDate(new Date(nowIso));
  const papersOverdue = r.papers_due_on !== null && r.papers_completed_at === null && today > r.papers_due_on;
  return {
    id: r.id,
    householdId: r.household_id,
    personId: r.person_id,
    name: r.person_name,
    communityName: r.community_name,
    type: r.type,
    reason: r.reason,
    amountFen: r.amount_fen,
    receivedAt: r.received_at,
    approver: r.approver,
    approveFirst: r.approve_first === 1,
    deadline: r.deadline,
    standardFen: r.standard_fen,
    status: r.status,
    approvedAt: r.approved_at,
    approvedBy: r.approved_by,
    paidAt: r.paid_at,
    referral: r.referral,
    decisionNote: r.decision_note,
    withinDeadline,
    papersOwed,
    papersDueOn: r.papers_due_on,
    papersCompletedAt: r.papers_completed_at,
    papersOverdue,
  };
}

export function temporaryRow(store: Store, street: string, id: string): TemporaryRow {
  const r = store.prepare(`${SELECT} WHERE t.id = ? AND t.street_code = ? AND t.deleted_at IS NULL`).get(id, street) as Db | undefined;
  if (!r) throw new AppError('not-found', '临时救助申请不存在', { field: 'id' });
  return toRow(r, store.nowIso());
}

/** The list shows at most this many (the newest open first). */
const LIST_LIMIT = 1000;

export interface TemporaryFilter {
  openOnly: boolean;
  papersOverdue?: boolean;
  type?: 'urgent' | 'expenditure';
}

/** openOnly: received or approved; papersOverdue: 先行救助 whose papers are still owed after their day; type: one type. */
function temporaryWhere(store: Store, street: string, filter: TemporaryFilter): { sql: string; args: unknown[] } {
  const today = shanghaiDate(store.nowDate());
  return {
    sql: `t.street_code = ? AND t.deleted_at IS NULL AND (? = 0 OR t.status IN ('received', 'approved'))
        AND (? = 0 OR (t.papers_due_on IS NOT NULL AND t.papers_completed_at IS NULL AND t.papers_due_on < ?))
        AND (? IS NULL OR t.type = ?)`,
    args: [street, filter.openOnly ? 1 : 0, filter.papersOverdue ? 1 : 0, today, filter.type ?? null, filter.type ?? null],
  };
}

/** How many applications listTemporary lists (the 工作台's figure), without building the rows. */
export function countTemporary(store: Store, street: string, filter: TemporaryFilter): number {
  const w = temporaryWhere(store, street, filter);
  const n = (store.prepare(`SELECT count(*) AS n ${FROM} WHERE ${w.sql}`).get(...w.args) as { n: number }).n;
  return Math.min(n, LIST_LIMIT);
}

export function listTemporary(store: Store, street: string, filter: TemporaryFilter): TemporaryRow[] {
  const w = temporaryWhere(store, street, filter);
  const rows = store
    .prepare(
      `${SELECT} WHERE ${w.sql}
        ORDER BY CASE t.status WHEN 'received' THEN 0 WHEN 'approved' THEN 1 ELSE 2 END, COALESCE(t.deadline, '9999'), t.received_at DESC
        LIMIT ${LIST_LIMIT}`,
    )
    .all(...w.args) as Db[];
  const now = store.nowIso();
  return rows.map((r) => toRow(r, now));
}

export function receiveTemporary(
  store: Store,
  actor: Actor,
  input: { householdId: string; personId?: string | null; type: 'urgent' | 'expenditure'; reason: string; amountFen: number },
): string {
  return store.tx(() => {
    loadHouseholdRow(store, actor.streetCode, input.householdId);
    const receivedAt = store.nowIso();
    const today = shanghaiDate(store.nowDate());
    const standardFen = dibaoStandard(store, actor.streetCode, today);
    const route = routeTemporaryAssistance({
      type: input.type,
      amountFen: input.amountFen,
      standardFen,
      receivedAt,
      urgentHours: requireParam<number>(store, actor.streetCode, 'temporary.urgentHours', today),
      streetLimitMonths: requireParam<number>(store, actor.streetCode, 'temporary.streetLimitMonths', today),
    });
    // An urgent case is also a 一级 item of the issue ledger, due when the assistance is due, so its
    // time limit is supervised there with every other urgent problem (plan 二(一), 二(五)).
    const ledgerItemId =
      input.type === 'urgent'
        ? createItem(store, actor, {
            source: 'application',
            householdId: input.householdId,
            personId: input.personId ?? null,
            category: 'living',
            urgency: '1',
            description: `急难型临时救助申请：${input.reason}`,
            handlerName: null,
            immediate: false,
            dueAt: route.deadline,
          })
        : null;
    const id = store.insert(
      'temporary_assistance',
      {
        streetCode: actor.streetCode,
        householdId: input.householdId,
        personId: input.personId ?? null,
        type: input.type,
        reason: input.reason,
        amountFen: input.amountFen,
        receivedAt,
        approver: route.approver,
        approveFirst: route.approveFirst,
        deadline: route.deadline,
        standardFen,
        status: 'received',
        ledgerItemId,
      },
      actor,
      { action: 'assistance.receiveTemporary', summary: `受理${labelOf(TEMP_TYPES, input.type)}临时救助申请` },
    );
    return id;
  });
}

const NEXT: Record<'approve' | 'reject' | 'pay' | 'refer', { from: TempStatus[]; to: TempStatus; label: string }> = {
  approve: { from: ['received'], to: 'approved', label: '审批' },
  reject: { from: ['received'], to: 'rejected', label: '不予救助' },
  pay: { from: ['approved'], to: 'paid', label: '发放' },
  refer: { from: ['received', 'approved', 'paid'], to: 'referred', label: '转介' },
};

export function decideTemporary(
  store: Store,
  actor: Actor,
  input: { id: string; action: keyof typeof NEXT; note?: string | null; referral?: string | null } & AdvanceInput,
): void {
  store.tx(() => {
    const t = temporaryRow(store, actor.streetCode, input.id);
    const step = NEXT[input.action];
    if (!step.from.includes(t.status)) throw new AppError('invalid-transition', `当前状态不能办理“${step.label}”`, { field: 'action' });
    // 先行救助: approved before the papers are complete, with the list owed and its due day.
    const advance = input.papersOwed != null && input.papersOwed.length > 0;
    if (advance && input.action !== 'approve') throw new AppError('invalid-input', '待补材料只能在审批时登记（先行救助）', { field: 'papersOwed' });
    if (advance && t.type !== 'urgent') throw new AppError('invalid-input', '先行救助只适用于急难型临时救助', { field: 'papersOwed' });
    if (input.action === 'refer' && !input.referral) throw new AppError('invalid-input', '转介须填写转介去向', { field: 'referral' });
    if (input.action === 'approve' && t.approver === 'district') {
      // The street records the district's approval; the amount is above the street's limit.
      if (!input.note) throw new AppError('invalid-input', '超出街道审批限额：请填写区级审批意见', { field: 'note' });
    }
    const now = store.nowIso();
    const patch: Record<string, unknown> = { status: step.to, decisionNote: input.note ?? t.decisionNote };
    if (input.action === 'approve') Object.assign(patch, { approvedAt: now, approvedBy: actor.username });
    if (advance) Object.assign(patch, papersOwedOn(store, actor.streetCode, input, shanghaiDate(store.nowDate())));
    if (input.action === 'pay') patch.paidAt = now;
    if (input.action === 'refer') patch.referral = input.referral;
    const owed = advance ? owedText(patch.papersOwed as OwedPaper[], patch.papersDueOn as string) : owedText(t.papersOwed, t.papersDueOn);
    store.update('temporary_assistance', t.id, patch, actor, {
      action: `assistance.temporary.${input.action}`,
      summary: `临时救助：${advance ? '先行救助（先审批发放，后补材料）' : step.label}${owed ? `；${owed}` : ''}`,
    });
    const itemId = ledgerItemOf(store, t.id);
    if (itemId) followApplication(store, actor, itemId, outcomeOf(input, t.amountFen), owed);
  });
}

function outcomeOf(input: { action: keyof typeof NEXT; note?: string | null; referral?: string | null }, amountFen: number): ApplicationOutcome {
  switch (input.action) {
    case 'approve':
      return { kind: 'approved', note: input.note ?? null };
    case 'pay':
      return { kind: 'paid', amountText: yuan(amountFen) };
    case 'reject':
      return { kind: 'rejected', note: input.note ?? null };
    case 'refer':
      return { kind: 'referred', referral: input.referral ?? '' };
  }
}

/**
 * The application's ledger item: the stored link, or for an application received before the link
 * was kept, its 一级 item of the same household due at the same time.
 */
function ledgerItemOf(store: Store, id: string): string | null {
  const r = store
    .prepare(
      `SELECT t.type, t.ledger_item_id,
              (SELECT i.id FROM ledger_items i WHERE i.household_id = t.household_id AND i.source = 'application'
                 AND i.due_at = t.deadline AND i.deleted_at IS NULL ORDER BY i.registered_at LIMIT 1) AS matched
         FROM temporary_assistance t WHERE t.id = ?`,
    )
    .get(id) as { type: string; ledger_item_id: string | null; matched: string | null } | undefined;
  if (!r || r.type !== 'urgent') return null;
  return r.ledger_item_id ?? r.matched;
}
