/**
 * The ledger's month in SQL: which items were registered, closed, referred, looked back on, and
 * which stood overdue at the cut-off. The overdue rule is the ledger's own (currentDeadline: the
 * earlier deadline while pending verification, else completion), read at the cut-off.
 */
import { CLOSED_STATUSES } from '../../../../../shared/ledger/transitions';
import { utc } from '../../ledger/read';

const CLOSED = `(${CLOSED_STATUSES.map((s) => `'${s}'`).join(',')})`;

/** Registered in [from, cutoff]. Args: street, fromIso, cutoffIso. */
export const REGISTERED_IN = `i.street_code = ? AND i.deleted_at IS NULL AND ${utc('i.registered_at')} >= ? AND ${utc('i.registered_at')} <= ?`;

/** Closed (销号, any closing status) in [from, cutoff]. Args: street, fromIso, cutoffIso. */
export const CLOSED_IN = `i.street_code = ? AND i.deleted_at IS NULL AND i.status IN ${CLOSED} AND i.closed_at IS NOT NULL
  AND ${utc('i.closed_at')} >= ? AND ${utc('i.closed_at')} <= ?`;

/** Closed by its grade's time limit (办结时限). */
export const WITHIN_LIMIT = `${utc('i.closed_at')} <= ${utc('i.due_at')}`;

/** 回头看 recorded in [from, cutoff]. Args: street, fromIso, cutoffIso. */
export const REVIEWED_IN = `i.street_code = ? AND i.deleted_at IS NULL AND i.reviewed_at IS NOT NULL
  AND ${utc('i.reviewed_at')} >= ? AND ${utc('i.reviewed_at')} <= ?`;

/** An item with a referral sent on a day in [from, until]. Args: fromDay, untilDay. */
export const REFERRED_IN = `EXISTS (SELECT 1 FROM referrals r WHERE r.item_id = i.id AND r.deleted_at IS NULL AND r.sent_on >= ? AND r.sent_on <= ?)`;

/**
 * Open at the cut-off and past the deadline it ran against then. Still pending verification at the
 * cut-off: no step out of 待核查 recorded by then. Args: street, cutoff ×5.
 */
export const OVERDUE_AT = `i.street_code = ? AND i.deleted_at IS NULL AND ${utc('i.registered_at')} <= ?
  AND (i.closed_at IS NULL OR ${utc('i.closed_at')} > ?)
  AND CASE WHEN NOT EXISTS (SELECT 1 FROM ledger_events e WHERE e.item_id = i.id AND e.deleted_at IS NULL
                 AND e.from_status = 'pending' AND e.to_status IS NOT NULL AND e.to_status <> 'pending' AND ${utc('e.at')} <= ?)
           THEN min(${utc('i.verify_due_at')}, ${utc('i.due_at')}) ELSE ${utc('i.due_at')} END < ?`;

export function overdueArgs(street: string, cutoffIso: string): unknown[] {
  return [street, cutoffIso, cutoffIso, cutoffIso, cutoffIso];
}
