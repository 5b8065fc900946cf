/** Reading the ledger: the list (overdue first, with countdowns), an item's detail, escalations, 回头看. */
import type { Role } from '../../../../shared/codes';
import { countdown, currentDeadline, utcInstant } from '../../../../shared/ledger/deadlines';
import type { LedgerStatus } from '../../../../shared/ledger/codes';
import type {
  EscalationList,
  LedgerDetail,
  LedgerEvent,
  LedgerFilter,
  LedgerRow,
  ListItemsInput,
  ReferralInfo,
} from '../../../../shared/ledger/schemas';
import { availableActions, CLOSED_STATUSES, isOpen } from '../../../../shared/ledger/transitions';
import type { Page } from '../../../../shared/registry/types';
import type { Store } from '../../store/store';
import { creationHlc } from '../../store/creation-order';
import { AppError } from '../../../../shared/errors';

const OPEN = `i.status NOT IN (${CLOSED_STATUSES.map((s) => `'${s}'`).join(',')})`;
/** An instant column as UTC `…Z` text (see utcInstant): SQL compares and orders text. */
export const utc = (col: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${col})`;
/** currentDeadline in SQL, for ordering and filtering; rows are built with currentDeadline itself. */
const CURRENT_DUE = `CASE WHEN i.status = 'pending' THEN min(${utc('i.verify_due_at')}, ${utc('i.due_at')}) ELSE ${utc('i.due_at')} END`;

const SELECT = `SELECT i.*,
  (SELECT p.name FROM persons p WHERE p.household_id = i.household_id AND p.relation = '02' AND p.deleted_at IS NULL LIMIT 1) AS head_name,
  (SELECT p.name FROM persons p WHERE p.id = i.person_id) AS person_name,
  h.address, c.name AS community_name, g.name AS grid_name, s.name AS street_name,
  (SELECT d.item_no FROM ledger_items d WHERE d.id = i.duplicate_of_id) AS duplicate_of_no
  FROM ledger_items i JOIN households h ON h.id = i.household_id JOIN communities c ON c.id = i.community_id
  LEFT JOIN grids g ON g.id = i.grid_id LEFT JOIN streets s ON s.code = i.street_code AND s.deleted_at IS NULL`;

interface ItemDbRow {
  id: string;
  item_no: string;
  street_code: string;
  street_name: string | null;
  source: string;
  household_id: string;
  head_name: string | null;
  person_name: string | null;
  address: string;
  community_name: string;
  grid_name: string | null;
  category: string;
  urgency: string;
  immediate: number;
  description: string;
  status: LedgerStatus;
  registered_at: string;
  verify_due_at: string;
  due_at: string;
  handler_name: string | null;
  closed_at: string | null;
  review_result: string | null;
  verification: string | null;
  measures: string | null;
  result: string | null;
  review_note: string | null;
  reviewed_at: string | null;
  visit_id: string | null;
  duplicate_of_id: string | null;
  duplicate_of_no: string | null;
}

export function toLedgerRow(r: ItemDbRow, nowIso: string): LedgerRow {
  const open = isOpen(r.status);
  const currentDueAt = currentDeadline(r.status, r.verify_due_at, r.due_at);
  const cd = countdown(currentDueAt, nowIso);
  return {
    id: r.id,
    itemNo: r.item_no,
    streetCode: r.street_code,
    streetName: r.street_name ?? r.street_code,
    source: r.source,
    householdId: r.household_id,
    headName: r.head_name ?? '',
    personName: r.person_name,
    address: r.address,
    communityName: r.community_name,
    gridName: r.grid_name,
    category: r.category,
    urgency: r.urgency,
    immediate: r.immediate === 1,
    description: r.description,
    status: r.status,
    registeredAt: utcInstant(r.registered_at),
    verifyDueAt: utcInstant(r.verify_due_at),
    dueAt: utcInstant(r.due_at),
    currentDueAt,
    overdue: open && cd.overdue,
    remainingMs: open ? cd.remainingMs : 0,
    countdownText: open ? cd.text : '',
    handlerName: r.handler_name,
    closedAt: r.closed_at,
    reviewResult: r.review_result,
  };
}

/**
 * `streetCode` null: every street (a district device, which holds them all); a street device passes
 * its own street, and a `streetCode` filter naming another street then matches nothing.
 */
function where(streetCode: string | null, f: LedgerFilter, nowIso: string): { sql: string; args: unknown[] } {
  const parts = ['i.deleted_at IS NULL'];
  const args: unknown[] = [];
  if (streetCode !== null) (parts.push('i.street_code = ?'), args.push(streetCode));
  if (f.streetCode) (parts.push('i.street_code = ?'), args.push(f.streetCode));
  if (f.status === 'open') parts.push(OPEN);
  else if (f.status) (parts.push('i.status = ?'), args.push(f.status));
  if (f.urgency) (parts.push('i.urgency = ?'), args.push(f.urgency));
  if (f.category) (parts.push('i.category = ?'), args.push(f.category));
  if (f.source) (parts.push('i.source = ?'), args.push(f.source));
  if (f.communityId) (parts.push('i.community_id = ?'), args.push(f.communityId));
  if (f.gridId) (parts.push('i.grid_id = ?'), args.push(f.gridId));
  if (f.householdId) (parts.push('i.household_id = ?'), args.push(f.householdId));
  if (f.handler) (parts.push('i.handler_name LIKE ?'), args.push(`%${f.handler}%`));
  if (f.overdueOnly) (parts.push(`${OPEN} AND ${CURRENT_DUE} < ?`), args.push(nowIso));
  if (f.q) {
    parts.push(
      `(i.item_no LIKE ? OR i.description LIKE ? OR h.address LIKE ? OR EXISTS (SELECT 1 FROM persons p WHERE p.household_id = i.household_id AND p.deleted_at IS NULL AND (p.name LIKE ? OR p.name_initials LIKE ?)))`,
    );
    const like = `%${f.q}%`;
    args.push(like, like, like, like, `${f.q.toLowerCase()}%`);
  }
  return { sql: parts.join(' AND '), args };
}

/**
 * Order: open overdue first (most overdue first), then clues marked 立即核查 not yet taken up, then
 * open by deadline, then closed (latest first).
 */
const ORDER = `ORDER BY CASE WHEN ${OPEN} AND ${CURRENT_DUE} < ? THEN 0 WHEN i.immediate = 1 AND i.status = 'pending' THEN 1
  WHEN ${OPEN} THEN 2 ELSE 3 END,
  CASE WHEN ${OPEN} THEN ${CURRENT_DUE} END ASC, i.closed_at DESC, i.registered_at DESC`;

export function listItems(store: Store, streetCode: string | null, input: ListItemsInput): Page<LedgerRow> {
  const now = store.nowIso();
  const w = where(streetCode, input, now);
  const total = countItems(store, streetCode, input);
  const rows = store
    .prepare(`${SELECT} WHERE ${w.sql} ${ORDER} LIMIT ? OFFSET ?`)
    .all(...w.args, now, input.pageSize, (input.page - 1) * input.pageSize) as ItemDbRow[];
  return { rows: rows.map((r) => toLedgerRow(r, now)), total, page: input.page, pageSize: input.pageSize };
}

/** The list's total for a filter (the 工作台's figures), without reading any row. */
export function countItems(store: Store, streetCode: string | null, f: LedgerFilter): number {
  const w = where(streetCode, f, store.nowIso());
  return (store.prepare(`SELECT count(*) AS n FROM ledger_items i JOIN households h ON h.id = i.household_id WHERE ${w.sql}`).get(...w.args) as { n: number }).n;
}

/** Every item matching the filter, in list order (for export and print). */
export function allItems(store: Store, streetCode: string | null, f: LedgerFilter): (LedgerRow & ItemExtra)[] {
  const now = store.nowIso();
  const w = where(streetCode, f, now);
  const rows = store.prepare(`${SELECT} WHERE ${w.sql} ${ORDER}`).all(...w.args, now) as ItemDbRow[];
  return rows.map((r) => ({ ...toLedgerRow(r, now), ...extra(r) }));
}

interface ItemExtra {
  verification: string | null;
  measures: string | null;
  result: string | null;
  reviewNote: string | null;
  reviewedAt: string | null;
  visitId: string | null;
  duplicateOfId: string | null;
  duplicateOfNo: string | null;
}

function extra(r: ItemDbRow): ItemExtra {
  return {
    verification: r.verification,
    measures: r.measures,
    result: r.result,
    reviewNote: r.review_note,
    reviewedAt: r.reviewed_at,
    visitId: r.visit_id,
    duplicateOfId: r.duplicate_of_id,
    duplicateOfNo: r.duplicate_of_no,
  };
}

export function referralsOf(store: Store, itemId: string): ReferralInfo[] {
  const now = store.nowIso();
  const rows = store
    .prepare('SELECT * FROM referrals WHERE item_id = ? AND deleted_at IS NULL ORDER BY sent_on, created_at')
    .all(itemId) as {
    id: string;
    department: string;
    department_note: string | null;
    sent_on: string;
    received_on: string | null;
    replied_on: string | null;
    reply: string | null;
    follow_up_at: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    department: r.department,
    departmentNote: r.department_note,
    sentOn: r.sent_on,
    receivedOn: r.received_on,
    repliedOn: r.replied_on,
    reply: r.reply,
    followUpAt: r.follow_up_at,
    followUpDue: !r.replied_on && utcInstant(r.follow_up_at) < now,
  }));
}

/** `streetCode` null: an item of any street (a district device). */
export function itemDetail(store: Store, streetCode: string | null, id: string, role: Role): LedgerDetail {
  const now = store.nowIso();
  const r = store
    .prepare(`${SELECT} WHERE i.id = ? AND (? IS NULL OR i.street_code = ?) AND i.deleted_at IS NULL`)
    .get(id, streetCode, streetCode) as ItemDbRow | undefined;
  if (!r) throw new AppError('not-found', '台账事项不存在或已被删除', { field: 'id' });
  const events = store
    // events at one instant in the order they were created, as every PC holds it (creation-order.ts)
    .prepare(`SELECT e.* FROM ledger_events e WHERE e.item_id = ? AND e.deleted_at IS NULL ORDER BY e.at, ${creationHlc('ledger_events', 'e.id')}, e.rowid`)
    .all(id) as { id: string; at: string; username: string | null; kind: string; from_status: string | null; to_status: string | null; note: string | null }[];
  const timeline: LedgerEvent[] = events.map((e) => ({
    id: e.id,
    at: e.at,
    username: e.username,
    kind: e.kind,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    note: e.note,
  }));
  return {
    ...toLedgerRow(r, now),
    ...extra(r),
    events: timeline,
    referrals: referralsOf(store, id),
    actions: availableActions(r.status, role),
  };
}

/** `streetCode` null: every street (a district device). */
export function escalations(store: Store, streetCode: string | null): EscalationList {
  const now = store.nowIso();
  const overdue = store
    .prepare(`${SELECT} WHERE (? IS NULL OR i.street_code = ?) AND i.deleted_at IS NULL AND ${OPEN} AND ${CURRENT_DUE} < ? ORDER BY ${CURRENT_DUE}`)
    .all(streetCode, streetCode, now) as ItemDbRow[];
  const chase = store
    .prepare(
      `SELECT r.id AS referral_id, i.id AS item_id FROM referrals r JOIN ledger_items i ON i.id = r.item_id
       WHERE (? IS NULL OR r.street_code = ?) AND r.deleted_at IS NULL AND r.replied_on IS NULL AND ${utc('r.follow_up_at')} < ? ORDER BY ${utc('r.follow_up_at')}`,
    )
    .all(streetCode, streetCode, now) as { referral_id: string; item_id: string }[];
  const referralsToChase = chase.map((c) => {
    const item = store.prepare(`${SELECT} WHERE i.id = ?`).get(c.item_id) as ItemDbRow;
    const ref = referralsOf(store, c.item_id).find((x) => x.id === c.referral_id)!;
    return { ...ref, itemId: item.id, itemNo: item.item_no, headName: item.head_name ?? '' };
  });
  return { overdueItems: overdue.map((r) => toLedgerRow(r, now)), referralsToChase };
}

/** FNV-1a of a string: a stable pseudo-random rank for sampling. */
function rank(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Items closed in a period (Shanghai dates, inclusive) for 回头看: all of them, or a stable sample
 * of the given share (at least one), the same sample every time it is asked for.
 */
/** `streetCode` null: every street (a district device); a sample is then drawn from all of them. */
export function lookBack(store: Store, streetCode: string | null, from: string, to: string, samplePercent?: number): LedgerRow[] {
  const now = store.nowIso();
  const fromIso = new Date(Date.parse(`${from}T00:00:00+08:00`)).toISOString();
  const toIso = new Date(Date.parse(`${to}T23:59:59.999+08:00`)).toISOString();
  const rows = store
    .prepare(
      `${SELECT} WHERE (? IS NULL OR i.street_code = ?) AND i.deleted_at IS NULL AND i.status IN ('closed','reviewed')
       AND ${utc('i.closed_at')} >= ? AND ${utc('i.closed_at')} <= ? ORDER BY ${utc('i.closed_at')}`,
    )
    .all(streetCode, streetCode, fromIso, toIso) as ItemDbRow[];
  let chosen = rows;
  if (samplePercent !== undefined && samplePercent < 100 && rows.length > 0) {
    const n = Math.max(1, Math.ceil((rows.length * samplePercent) / 100));
    const keep = new Set(
      [...rows].sort((a, b) => rank(`${from}|${to}|${a.id}`) - rank(`${from}|${to}|${b.id}`)).slice(0, n).map((r) => r.id),
    );
    chosen = rows.filter((r) => keep.has(r.id));
  }
  return chosen.map((r) => toLedgerRow(r, now));
}

/** A household's items in list order (open first, overdue first), for its file. */
export function householdItems(store: Store, streetCode: string, householdId: string): LedgerRow[] {
  const now = store.nowIso();
  const rows = store
    .prepare(`${SELECT} WHERE i.street_code = ? AND i.household_id = ? AND i.deleted_at IS NULL ${ORDER}`)
    .all(streetCode, householdId, now) as ItemDbRow[];
  return rows.map((r) => toLedgerRow(r, now));
}
