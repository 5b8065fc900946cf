/**
 * 待登记线索 at the street: clues about people not yet registered (ledger_clue_inbox rows the
 * district server wrote into the street's partition). 登记并立项 registers the household and its
 * members and creates the ledger item in one transaction; 不予立项 closes the clue with a reason.
 *
 * Two PCs of the street may both convert the same clue before either has seen the other's change.
 * The household, its members, the item and its 'created' event therefore get ids derived from the
 * clue's id (shared/ledger/clue-ids.ts) instead of fresh ones: both PCs write the SAME rows, which
 * sync merges field by field (last writer wins per field), so the street ends with one item and one
 * registration, never two. Once a PC has seen the other's conversion it refuses a second one.
 */
import { AppError } from '../../../../shared/errors';
import { labelOf } from '../../../../shared/codes';
import { clueEventId, clueHouseholdId, clueItemId, cluePersonId } from '../../../../shared/ledger/clue-ids';
import type { ClueConvertInput, ClueDetail, ClueList, ClueRow, ClueStatus } from '../../../../shared/ledger/clues';
import { maskIdNumber } from '../../../../shared/id-number';
import { itemDeadlines, utcInstant, type UrgencyGrade } from '../../../../shared/ledger/deadlines';
import { CLUE_SOURCES, clueLedgerSource, type ClueSource } from '../../../../shared/ledger/intake';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Actor, Store } from '../../store/store';
import { ledgerTermsOn } from '../policy/ledger';
import { createHousehold } from '../registry/households';
import { householdScope } from '../registry/scope';

interface ClueDbRow {
  id: string;
  street_code: string;
  street_name: string | null;
  item_no: string;
  external_id: string;
  source: ClueSource;
  sender: string | null;
  name: string | null;
  id_number: string | null;
  phone: string | null;
  address: string | null;
  community_name: string | null;
  community_id: string | null;
  category: string;
  urgency: UrgencyGrade;
  description: string;
  received_at: string;
  due_at: string | null;
  status: ClueStatus;
  item_id: string | null;
  household_id: string | null;
  person_id: string | null;
  handled_at: string | null;
  handled_by: string | null;
  dismiss_reason: string | null;
}

/**
 * The clue's status as the street sees it. A PC may dismiss a clue while another converts it, each
 * before seeing the other: the merged row may then say 'dismissed' (the later write) while it also
 * holds the item id (only a conversion writes it) and the item exists. The conversion wins: a need
 * registered and on the ledger must not be hidden by a dismissal that raced with it.
 */
const STATUS = "CASE WHEN q.item_id IS NOT NULL THEN 'converted' ELSE q.status END";

const SELECT = `SELECT q.*, ${STATUS} AS status, s.name AS street_name FROM ledger_clue_inbox q
  LEFT JOIN streets s ON s.code = q.street_code AND s.deleted_at IS NULL`;

/** The limits and calendar in force on the day the clue was received (the published default if the street has set none). */
function deadlinesOf(store: Store, r: Pick<ClueDbRow, 'street_code' | 'received_at' | 'due_at' | 'source'>, urgency: UrgencyGrade) {
  const day = shanghaiDate(new Date(r.received_at));
  const { limits, calendar } = ledgerTermsOn(store, r.street_code, day, { published: true });
  const { immediate } = clueLedgerSource(r.source);
  return { immediate, ...itemDeadlines(r.received_at, urgency, immediate, r.due_at, limits, calendar) };
}

function toRow(store: Store, r: ClueDbRow): ClueRow {
  const registered = r.id_number
    ? (store
        .prepare(
          `SELECT p.id, p.household_id, p.name, h.address FROM persons p JOIN households h ON h.id = p.household_id
           WHERE p.id_number = ? AND p.street_code = ? AND p.deleted_at IS NULL AND h.deleted_at IS NULL LIMIT 1`,
        )
        .get(r.id_number, r.street_code) as { id: string; household_id: string; name: string; address: string } | undefined)
    : undefined;
  return {
    id: r.id,
    streetCode: r.street_code,
    streetName: r.street_name ?? r.street_code,
    itemNo: r.item_no,
    externalId: r.external_id,
    source: r.source,
    sender: r.sender,
    name: r.name,
    idMasked: r.id_number && maskIdNumber(r.id_number),
    phone: r.phone,
    address: r.address,
    communityName: r.community_name,
    communityId: r.community_id,
    category: r.category,
    urgency: r.urgency,
    description: r.description,
    receivedAt: r.received_at,
    dueAt: deadlinesOf(store, r, r.urgency).dueAt,
    status: r.status,
    itemId: r.item_id,
    householdId: r.household_id,
    personId: r.person_id,
    handledAt: r.handled_at,
    handledBy: r.handled_by,
    dismissReason: r.status === 'dismissed' ? r.dismiss_reason : null,
    registered:
      registered && r.status === 'pending'
        ? { personId: registered.id, householdId: registered.household_id, name: registered.name, address: registered.address }
        : null,
  };
}

/** Clues in scope (a street, or every street at a district device), oldest pending first. */
export function listClues(store: Store, scope: string | null, status?: ClueStatus): ClueList {
  const where = ['q.deleted_at IS NULL'];
  const args: unknown[] = [];
  if (scope) {
    where.push('q.street_code = ?');
    args.push(scope);
  }
  const pendingCount = (
    store.prepare(`SELECT count(*) AS n FROM ledger_clue_inbox q WHERE ${where.join(' AND ')} AND ${STATUS} = 'pending'`).get(...args) as {
      n: number;
    }
  ).n;
  if (status) {
    where.push(`${STATUS} = ?`);
    args.push(status);
  }
  const rows = store
    .prepare(
      `${SELECT} WHERE ${where.join(' AND ')}
       ORDER BY CASE ${STATUS} WHEN 'pending' THEN 0 ELSE 1 END, CASE WHEN ${STATUS} = 'pending' THEN q.received_at END ASC, q.handled_at DESC, q.received_at DESC`,
    )
    .all(...args) as ClueDbRow[];
  return { rows: rows.map((r) => toRow(store, r)), pendingCount };
}

function loadClue(store: Store, scope: string | null, id: string): ClueDbRow {
  const r = store.prepare(`${SELECT} WHERE q.id = ? AND q.deleted_at IS NULL`).get(id) as ClueDbRow | undefined;
  if (!r || (scope && r.street_code !== scope)) throw new AppError('not-found', '线索不存在', { field: 'id' });
  return r;
}

export function getClue(store: Store, scope: string | null, id: string): ClueRow {
  return toRow(store, loadClue(store, scope, id));
}

/** The clue with its full ID number, for the registration form: the view is audited. */
export function clueDetail(store: Store, actor: Actor, scope: string | null, id: string): ClueDetail {
  const r = loadClue(store, scope, id);
  const row = toRow(store, r);
  if (r.id_number) {
    store.tx(() =>
      store.audit(actor, {
        action: 'ledger.viewClue',
        entity: 'ledger_clue_inbox',
        entityId: r.id,
        summary: `查看线索（含完整身份证号）：${r.item_no}${r.name ? ` ${r.name}` : ''}`,
        detail: { clueId: r.id, personIds: row.registered ? [row.registered.personId] : [] },
      }),
    );
  }
  return { ...row, idNumber: r.id_number };
}

function assertPending(r: ClueDbRow): void {
  if (r.status === 'converted') {
    throw new AppError('invalid-transition', `该线索已由${r.handled_by ?? '其他同事'}登记立项（${r.item_no}），请刷新`, { field: 'id' });
  }
  if (r.status === 'dismissed') {
    throw new AppError('invalid-transition', `该线索已由${r.handled_by ?? '其他同事'}决定不予立项：${r.dismiss_reason ?? ''}`, { field: 'id' });
  }
}

/** 登记并立项: registers (or picks) the person and creates the ledger item; returns the item's id. */
export function convertClue(store: Store, actor: Actor, input: ClueConvertInput, handledBy: string): string {
  return store.tx(() => {
    const c = loadClue(store, actor.streetCode, input.id);
    assertPending(c);
    let householdId: string;
    let personId: string;
    if (input.personId) {
      const p = store
        .prepare('SELECT household_id FROM persons WHERE id = ? AND street_code = ? AND deleted_at IS NULL')
        .get(input.personId, actor.streetCode) as { household_id: string } | undefined;
      if (!p) throw new AppError('not-found', '所选人员不存在或已被删除', { field: 'personId' });
      householdId = p.household_id;
      personId = input.personId;
    } else {
      householdId = createHousehold(
        store,
        actor,
        { household: input.household!, members: input.members! },
        { household: clueHouseholdId(c.id), member: (i) => cluePersonId(c.id, i) },
      );
      personId = cluePersonId(c.id, input.personIndex);
    }
    const h = householdScope(store, actor.streetCode, householdId);
    const urgency = input.urgency ?? c.urgency;
    const { immediate, dueAt, verifyDueAt } = deadlinesOf(store, c, urgency);
    const itemId = clueItemId(c.id);
    const sender = `${labelOf(CLUE_SOURCES, c.source)}（${c.sender ?? '线索接收'}，编号 ${c.external_id}）`;
    store.insert(
      'ledger_items',
      {
        id: itemId,
        streetCode: actor.streetCode,
        itemNo: c.item_no,
        source: clueLedgerSource(c.source).source,
        householdId,
        personId,
        communityId: h.community_id,
        gridId: h.grid_id,
        category: input.category ?? c.category,
        urgency,
        immediate,
        description: c.description,
        status: 'pending',
        // The clue was registered when the district received it; its deadlines count from then.
        registeredAt: utcInstant(c.received_at),
        verifyDueAt,
        dueAt,
        handlerName: input.handlerName ?? null,
      },
      actor,
      { action: 'ledger.clueConvert', summary: `待登记线索登记立项 ${c.item_no}（${c.name ?? ''}）` },
    );
    store.insert(
      'ledger_events',
      {
        id: clueEventId(c.id),
        streetCode: actor.streetCode,
        itemId,
        at: store.nowIso(),
        userId: actor.userId,
        username: actor.username,
        kind: 'created',
        fromStatus: null,
        toStatus: 'pending',
        note: `${sender}：${c.description}（待登记线索，${handledBy}登记立项）`,
      },
      actor,
      null,
    );
    store.update(
      'ledger_clue_inbox',
      c.id,
      { status: 'converted', itemId, householdId, personId, handledAt: store.nowIso(), handledBy },
      actor,
      null,
    );
    return itemId;
  });
}

/** 不予立项: the clue is closed with the reason; nothing is registered. */
export function dismissClue(store: Store, actor: Actor, id: string, reason: string, handledBy: string): void {
  store.tx(() => {
    const c = loadClue(store, actor.streetCode, id);
    assertPending(c);
    store.update(
      'ledger_clue_inbox',
      id,
      { status: 'dismissed', dismissReason: reason, handledAt: store.nowIso(), handledBy },
      actor,
      { action: 'ledger.clueDismiss', summary: `待登记线索不予立项 ${c.item_no}（${c.name ?? ''}）：${reason}` },
    );
  });
}
