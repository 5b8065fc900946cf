/**
 * 暂停退出结束后复核: 低保 households kept at their old amount because exits were suspended (an income-rise
 * decision 'suspended') come up for review as soon as the suspension is no longer in force on the day
 * (a later version of epidemic.exitsSuspended with false), until a review step is recorded on or after
 * the day it ended.
 */
import { monthOf, monthsBetween } from '../../../../shared/policy/months';
import type { SuspensionReview, SuspensionReviewRow } from '../../../../shared/assistance/types';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Store } from '../../store/store';
import { paramOn } from '../policy/params';
import { OPEN_STATUSES } from './exits';

/** Steps that count as having looked at the household again. */
const REVIEW_STEPS = ['periodic-review', 'income-rise', 'amount-review', 'exit'];

interface Held {
  id: string;
  household_id: string;
  fixed_amount_fen: number | null;
  address: string;
  community_name: string;
  head: string | null;
}

export function suspensionReview(store: Store, street: string, onDate: string): SuspensionReview {
  const flag = paramOn(store, street, 'epidemic.exitsSuspended', onDate);
  if (flag?.value === true) return { exitsSuspended: true, endedOn: null, rows: [] };
  const endedOn = flag?.value === false ? flag.effectiveFrom : null;
  if (endedOn === null) return { exitsSuspended: false, endedOn: null, rows: [] };
  const candidates = store
    .prepare(
      `SELECT e.id, e.household_id, e.fixed_amount_fen, h.address, c.name AS community_name,
              (SELECT name FROM persons WHERE household_id = h.id AND relation = '02' AND deleted_at IS NULL LIMIT 1) AS head
         FROM enrolments e JOIN households h ON h.id = e.household_id JOIN communities c ON c.id = h.community_id
        WHERE e.street_code = ? AND e.programme = 'dibao' AND e.deleted_at IS NULL AND h.deleted_at IS NULL
          AND e.status IN (${OPEN_STATUSES.map(() => '?').join(', ')})
          AND EXISTS (SELECT 1 FROM income_rise_decisions d WHERE d.enrolment_id = e.id AND d.kind = 'suspended' AND d.deleted_at IS NULL)
        ORDER BY c.sort_order, c.name, h.address`,
    )
    .all(street, ...OPEN_STATUSES) as Held[];
  const rows: SuspensionReviewRow[] = [];
  for (const e of candidates) {
    const decisions = store
      .prepare(
        `SELECT kind, report_month, monthly_amount_fen FROM income_rise_decisions
          WHERE enrolment_id = ? AND deleted_at IS NULL ORDER BY report_month, created_at`,
      )
      .all(e.id) as { kind: string; report_month: string; monthly_amount_fen: number | null }[];
    // The run of 'suspended' decisions the household is still in (a later decision ends the hold).
    let first = decisions.length;
    while (first > 0 && decisions[first - 1]!.kind === 'suspended') first--;
    if (first === decisions.length) continue;
    const reviewed = (
      store
        .prepare(`SELECT at FROM enrolment_steps WHERE enrolment_id = ? AND deleted_at IS NULL AND step IN (${REVIEW_STEPS.map(() => '?').join(', ')})`)
        .all(e.id, ...REVIEW_STEPS) as { at: string }[]
    ).some((s) => shanghaiDate(new Date(s.at)) >= endedOn);
    if (reviewed) continue;
    const heldSince = decisions[first]!.report_month;
    rows.push({
      enrolmentId: e.id,
      householdId: e.household_id,
      name: e.head ?? '',
      communityName: e.community_name,
      address: e.address,
      heldSince,
      monthsHeld: monthsBetween(heldSince, monthOf(onDate)),
      amountFen: e.fixed_amount_fen ?? decisions.at(-1)!.monthly_amount_fen ?? 0,
    });
  }
  return { exitsSuspended: false, endedOn, rows };
}
