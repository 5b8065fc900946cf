/**
 * The server's authority per table over what devices push (the district's own admin actions,
 * pushed with no device, are not limited here):
 * - audit_events are append-only: a new row may be written once; a change to an existing row
 *   (other than repeating its values) and any deletion are refused.
 * - users: no device sets a role above street-admin or touches a district-admin's row, and a
 *   change needs the authority of a signed-in user of that partition (admin-ticket.ts): a
 *   street-admin for any user of the street (a district-admin on a district device: of any
 *   street), any user for their own password, name and phone.
 *   A device enrolled minutes ago may bring the new accounts it held before enrollment
 *   (a PC set up offline, enrolled by its administrator) without one.
 * - payment batches (issue 12): a confirmed batch's rows are written once; a change to an existing
 *   row (other than repeating its values) and any deletion are refused, as are changes to a
 *   confirmed batch's frozen fields (and, once paid, its payment fields) — batch-freeze.ts.
 * - report snapshots (issue 15): a submitted report is written once, like an audit event; a
 *   published 通报 keeps every field.
 */
import type { Change } from '../../shared/sync/wire';
import { SYNC_REASONS, type SyncReason } from '../../shared/sync/rejections';
import type { Problem } from './validate';
import { frozenBatchField } from './batch-freeze';

/** Tables whose existing row a change's check needs to see. */
export const GUARDED_TABLES = new Set(['users', 'audit_events', 'payment_batches', 'payment_batch_rows', 'report_submissions', 'circulars']);
const DEVICE_ROLES = new Set(['caseworker', 'supervisor', 'street-admin']);
const OWN_FIELDS = new Set(['password_hash', 'display_name', 'phone', 'updated_at']);
/** How long after enrolling a device may bring accounts without a signed-in user's ticket. */
export const ENROLL_ACCOUNTS_MS = 15 * 60 * 1000;

/** Who vouches for a push: the signed-in user whose ticket it carries. */
export interface Voucher {
  userId: string;
  role: string;
  partition: string;
}

export interface Authority {
  /** null: the district's own admin actions. */
  device: { partition: string; enrolledAtMs: number } | null;
  voucher: Voucher | null;
  nowMs: number;
}

function refuse(code: SyncReason, field?: string): Problem {
  return { code, message: SYNC_REASONS[code].message, ...(field ? { field } : {}) };
}

export function authorityProblem(c: Change, existing: Record<string, unknown> | null, a: Authority): Problem | null {
  if (!a.device) return null;
  if (c.table === 'audit_events' || c.table === 'report_submissions') {
    const code = c.table === 'audit_events' ? 'audit-append-only' : 'report-frozen';
    if (existing) {
      const changed = Object.entries(c.fields).find(([k, v]) => existing[k] !== v);
      return changed ? refuse(code, changed[0]) : null;
    }
    return c.fields.deleted_at != null ? refuse(code, 'deleted_at') : null;
  }
  if (c.table === 'circulars') {
    if (!existing || existing.status !== 'published') return null;
    const changed = Object.entries(c.fields).find(([k, v]) => existing[k] !== v);
    return changed ? refuse('report-frozen', changed[0]) : null;
  }
  if (c.table === 'payment_batches' || c.table === 'payment_batch_rows') {
    const field = frozenBatchField(c, existing);
    return field ? refuse('payment-batch-frozen', field) : null;
  }
  if (c.table !== 'users') return null;
  if ('role' in c.fields && !DEVICE_ROLES.has(String(c.fields.role))) return refuse('role-forbidden', 'role');
  if (existing && !DEVICE_ROLES.has(String(existing.role))) return refuse('role-forbidden');
  const v = a.voucher;
  if (v && v.role === 'district-admin' && v.partition === 'district') return null;
  if (v && v.partition === c.partition) {
    if (v.role === 'street-admin') return null;
    if (v.userId === c.rowId && Object.keys(c.fields).every((f) => OWN_FIELDS.has(f))) return null;
  }
  if (!existing && a.nowMs - a.device.enrolledAtMs < ENROLL_ACCOUNTS_MS) return null;
  return refuse('admin-proof-required');
}
