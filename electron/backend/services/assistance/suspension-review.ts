/**
 * 暂停退出结束后复核: 低保 households kept on because exits were suspended — at their old amount by an
 * income-rise decision 'suspended', or a gradual exit paused at its end (heldBySuspension) — come up
 * for review as soon as the suspension is no longer in force on the day (a later version of
 * epidemic.exitsSuspended with false), until a review step is recorded on or after the day it ended.
 */
import { monthOf, monthsBetween } from '../../../../shared/policy/months';
import type { SuspensionReview, SuspensionReviewRow } from '../../../../shared/assistance/types';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Store } from '../../store/store';
import { paramOn } from '../policy/params';
import { amountFor, heldBySuspension, type EnrolmentDbRow } from './amounts';
import { OPEN_STATUSES } from './exits';

/** Steps that count as having looked at the household again. */
const REVIEW_STEPS = ['periodic-review', 'income-rise', 'amount-review', 'exit'];

type Held = EnrolmentDbRow & {
  address: string;
  community_name: string;
  head: string | null;
};

export function suspensionReview(store: Store, street: string, onDate: string): SuspensionReview {
  const flag = paramOn(store, street, 'epidemic.exitsSuspended', onDate);
  if (flag?.value === true) return { exitsSuspended: true, endedOn: null, rows: [] };
  const endedOn = flag?.value === false ? flag.effectiveFrom : null;
  if (endedOn === null) return { exitsSuspended: false, endedOn: null, rows: [] };
  const candidates = store
    .prepare(
      `SELECT e.*, h.address, c.name AS community_name,
              (SELECT name FROM persons WHERE household_id = h.id AND relation = '02' AND deleted_at IS NULL LIMIT 1) AS head
         FROM enrolments e JOIN households h ON h.id = e.household_id JOIN communities c ON c.id = h.community_id
        WHERE e.street_code = ? AND e.programme = 'dibao' AND e.deleted_at IS NULL AND h.deleted_at IS NULL
          AND e.status IN (${OPEN_STATUSES.map(() => '?').join(', ')})
          AND (e.status = 'gradual-exit'
            OR EXISTS (SELECT 1 FROM income_rise_decisions d WHERE d.enrolment_id = e.id AND d.kind = 'suspended' AND d.deleted_at IS NULL))
        ORDER BY c.sort_order, c.name, h.address`,
    )
    .all(street, ...OPEN_STATUSES) as Held[];
  const rows: SuspensionReviewRow[] = [];
  for (const e of candidates) {
    const since = heldSince(store, e);
    if (since === null || reviewedSince(store, e.id, endedOn)) continue;
    rows.push({
      enrolmentId: e.id,
      householdId: e.household_id,
      name: e.head ?? '',
      communityName: e.community_name,
      address: e.address,
      heldSince: since,
      monthsHeld: monthsBetween(since, monthOf(onDate)),
      amountFen: amountFor(store, e, monthOf(onDate)).amountFen,
    });
  }
  return { exitsSuspended: false, endedOn, rows };
}

/** The first month the household was held by the suspension, or null when it is not held. */
function heldSince(store: Store, e: Held): string | null {
  // A gradual exit paused at its end: held from the month it would have left.
  if (heldBySuspension(store, e)) return e.end_month;
  const decisions = store
    .prepare(`SELECT kind, report_month FROM income_rise_decisions WHERE enrolment_id = ? AND deleted_at IS NULL ORDER BY report_month, rowid`)
    .all(e.id) as { kind: string; report_month: string }[];
  // The run of 'suspended' decisions the household is still in (a later decision ends the hold).
  let first = decisions.length;
  while (first > 0 && decisions[first - 1]!.kind === 'suspended') first--;
  return first === decisions.length ? null : decisions[first]!.report_month;
}

/** Whether a review step was recorded on or after the day the suspension ended. */
function reviewedSince(store: Store, enrolmentId: string, endedOn: string): boolean {
  return (
    store
      .prepare(`SELECT at FROM enrolment_steps WHERE enrolment_id = ? AND deleted_at IS NULL AND step IN (${REVIEW_STEPS.map(() => '?').join(', ')})`)
      .all(enrolmentId, ...REVIEW_STEPS) as { at: string }[]
  ).some((s) => shanghaiDate(new Date(s.at)) >= endedOn);
}
