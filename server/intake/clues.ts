/**
 * Clue intake: each clue about a person or household already in the street's registry becomes an
 * issue-ledger item (ledger_items row + its 'created' event) authored by the district server in
 * the street's partition, so the street's devices receive it on their next pull, like any other
 * change.
 *
 * Why such a clue IS a ledger item and not a separate clue table: the item's fields are plain
 * field-level LWW columns, so the server's insert (stamped with its own HLC) and the street's later
 * updates (status, verification, measures… stamped later) merge field by field without conflict;
 * one row means one place to list, count overdue and export, on the street and at the district
 * alike, and no second step that two devices of a street could both take (duplicate items).
 *
 * A clue naming someone NOT in the registry (screening exists to find exactly those people) cannot
 * be an item yet: an item belongs to a household. It becomes a 待登记线索 instead (a
 * ledger_clue_inbox row in the street's partition, written through the same author path) holding
 * what the clue gave. The street registers the person and converts it: the item then gets an id
 * derived from the clue's (shared/ledger/clue-ids.ts), so two PCs converting the same clue write
 * one item, not two. Its number (XS-…) is reserved here, its deadlines count from receipt here.
 * Still refused: a clue whose name contradicts the ID number registered, or whose name and address
 * match several registered people.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ServerDb } from '../db/open';
import { intakeClues, syncRows } from '../db/schema';
import { authorChanges } from '../admin/author';
import { uuidv7 } from '../../shared/uuid';
import { clueItemId } from '../../shared/ledger/clue-ids';
import { clueLedgerSource, CLUE_SOURCES, type ClueInput, type ClueResult } from '../../shared/ledger/intake';
import { EMPTY_CALENDAR, itemDeadlines, type HolidayCalendar, type UrgencyLimits } from '../../shared/ledger/deadlines';
import { SCREENING_LEDGER_DEFAULTS } from '../../shared/screening/policy-defaults';
import { DISTRICT_PARTITION } from '../../shared/sync/wire';
import { shanghaiDate } from '../../shared/time/shanghai';
import { labelOf } from '../../shared/codes';
import { IntakeRefusal, type IntakeKey } from './keys';

type Fields = Record<string, string | number | null>;

async function rowsWhere(db: ServerDb, table: string, partition: string, field: string, value: string) {
  return db
    .select()
    .from(syncRows)
    .where(
      and(
        eq(syncRows.tableName, table),
        eq(syncRows.partition, partition),
        sql`${syncRows.fields}->>${field} = ${value}`,
        sql`${syncRows.fields}->>'deleted_at' IS NULL`,
      ),
    );
}

/** The policy value in force on a date for the street (its own, else the district's), parsed. */
async function paramOn<T>(db: ServerDb, street: string, key: string, date: string): Promise<T | null> {
  const rows = await db
    .select()
    .from(syncRows)
    .where(
      and(
        eq(syncRows.tableName, 'policy_params'),
        inArray(syncRows.partition, [street, DISTRICT_PARTITION]),
        sql`${syncRows.fields}->>'key' = ${key}`,
        sql`${syncRows.fields}->>'deleted_at' IS NULL`,
        sql`${syncRows.fields}->>'effective_from' <= ${date}`,
      ),
    );
  const best = rows
    .map((r) => r.fields as Fields)
    .sort(
      (a, b) =>
        String(b.effective_from).localeCompare(String(a.effective_from)) ||
        (a.street_code === street ? 0 : 1) - (b.street_code === street ? 0 : 1) ||
        String(b.updated_at).localeCompare(String(a.updated_at)),
    )[0];
  if (!best) return null;
  try {
    return (typeof best.value === 'string' ? JSON.parse(best.value) : best.value) as T;
  } catch {
    return null;
  }
}

interface Resolved {
  clue: ClueInput;
  index: number;
  householdId: string;
  personId: string | null;
  communityId: string;
  gridId: string | null;
}

/** A clue naming nobody in the registry: to be registered at the street (待登记线索). */
interface Unregistered {
  clue: ClueInput;
  index: number;
  unregistered: true;
}

async function resolveHousehold(
  db: ServerDb,
  c: ClueInput,
  index: number,
  prefix: string,
): Promise<Resolved | Unregistered | { path: string; message: string }> {
  const street = c.streetCode;
  let person: Fields | null = null;
  if (c.idNumber) {
    const [p] = await rowsWhere(db, 'persons', street, 'id_number', c.idNumber);
    if (!p) return { clue: c, index, unregistered: true };
    person = p.fields as Fields;
    if (c.name && person.name !== c.name) return { path: `${prefix}name`, message: '姓名与身份证号码登记的人员不一致' };
  } else {
    const households = (await rowsWhere(db, 'households', street, 'address', c.address!)).map((h) => h.rowId);
    const persons = households.length
      ? (await rowsWhere(db, 'persons', street, 'name', c.name!)).filter((p) => households.includes(String(p.fields.household_id)))
      : [];
    if (persons.length === 0) return { clue: c, index, unregistered: true };
    if (persons.length > 1) return { path: `${prefix}idNumber`, message: '该姓名与住址对应多名人员，请提供身份证号码' };
    person = persons[0]!.fields as Fields;
  }
  const householdId = String(person.household_id);
  const [h] = await db
    .select()
    .from(syncRows)
    .where(and(eq(syncRows.tableName, 'households'), eq(syncRows.rowId, householdId)));
  if (!h || h.fields.deleted_at) return { path: `${prefix}idNumber`, message: '该人员所在家庭已被删除' };
  return {
    clue: c,
    index,
    householdId,
    personId: String(person.id),
    communityId: String(h.fields.community_id),
    gridId: (h.fields.grid_id as string | null) ?? null,
  };
}

/**
 * Receives clues: all are checked first (street enrolled, person found, deadline ahead); on any
 * problem nothing is written. Clues whose external id was received before are answered with the
 * item they became and not written again.
 */
export async function receiveClues(db: ServerDb, key: IntakeKey, clues: ClueInput[], now: Date): Promise<ClueResult[]> {
  const ids = clues.map((c) => c.externalId);
  const seen = new Set<string>();
  const dupInRequest = ids.findIndex((id) => (seen.has(id) ? true : (seen.add(id), false)));
  const pre = (i: number) => (clues.length > 1 ? `clues.${i}.` : '');
  if (dupInRequest >= 0) {
    throw new IntakeRefusal('bad-payload', '线索内容有误，未接收任何线索', 400, [
      { path: `${pre(dupInRequest)}externalId`, message: '同一请求中线索编号重复' },
    ]);
  }
  const known = new Map((await db.select().from(intakeClues).where(inArray(intakeClues.externalId, ids))).map((r) => [r.externalId, r]));
  const streets = new Set((await db.select().from(syncRows).where(eq(syncRows.tableName, 'streets'))).map((s) => String(s.fields.code)));
  const problems: { path: string; message: string }[] = [];
  const todo: (Resolved | Unregistered)[] = [];
  let unknownStreet = false;
  for (const [i, c] of clues.entries()) {
    if (known.has(c.externalId)) continue;
    if (!streets.has(c.streetCode)) {
      unknownStreet = true;
      problems.push({ path: `${pre(i)}streetCode`, message: '该街道尚未在区级服务器建立，不能接收线索' });
      continue;
    }
    if (c.dueAt && Date.parse(c.dueAt) <= now.getTime()) {
      problems.push({ path: `${pre(i)}dueAt`, message: '处置时限不能早于当前时间' });
      continue;
    }
    const r = await resolveHousehold(db, c, i, pre(i));
    if ('path' in r) problems.push(r);
    else todo.push(r);
  }
  if (problems.length > 0) {
    throw new IntakeRefusal(
      unknownStreet && problems.length === 1 ? 'unknown-street' : problems.some((p) => /台账|人员/.test(p.message)) ? 'person-not-found' : 'bad-payload',
      `${problems[0]!.message}；未接收任何线索`,
      422,
      problems,
    );
  }

  const at = now.toISOString();
  const today = shanghaiDate(now);
  const changes: { table: string; rowId: string; partition: string; fields: Fields }[] = [];
  const made = new Map<string, ClueResult>();
  const dayCount = Number(
    (
      await db
        .select({ n: sql<number>`count(*)` })
        .from(intakeClues)
        .where(sql`${intakeClues.itemNo} LIKE ${`XS-${today.replace(/-/g, '')}-%`}`)
    )[0]?.n ?? 0,
  );
  for (const [n, r] of todo.entries()) {
    const c = r.clue;
    const limits = (await paramOn<UrgencyLimits>(db, c.streetCode, 'ledger.urgencyLimits', today)) ?? SCREENING_LEDGER_DEFAULTS[1].value;
    const cal = (await paramOn<HolidayCalendar>(db, c.streetCode, 'calendar.holidays', today)) ?? EMPTY_CALENDAR;
    const { source, immediate } = clueLedgerSource(c.source);
    const { dueAt, verifyDueAt } = itemDeadlines(at, c.urgency, immediate, c.dueAt, limits, cal);
    const itemNo = `XS-${today.replace(/-/g, '')}-${String(dayCount + n + 1).padStart(3, '0')}`;
    if ('unregistered' in r) {
      // 待登记线索: what the clue gave, for the street to register; the item comes at conversion.
      const clueId = uuidv7(now.getTime());
      const community = c.community ? (await rowsWhere(db, 'communities', c.streetCode, 'name', c.community))[0] : undefined;
      changes.push({
        table: 'ledger_clue_inbox',
        rowId: clueId,
        partition: c.streetCode,
        fields: {
          id: clueId, created_at: at, updated_at: at, deleted_at: null, street_code: c.streetCode, item_no: itemNo,
          external_id: c.externalId, source: c.source, sender: key.name, name: c.name ?? null, id_number: c.idNumber ?? null,
          phone: c.phone ?? null, address: c.address ?? null, community_name: c.community ?? null,
          community_id: community?.rowId ?? null, category: c.category, urgency: c.urgency, description: c.description,
          received_at: at, due_at: c.dueAt ? new Date(c.dueAt).toISOString() : null, status: 'pending',
          item_id: null, household_id: null, person_id: null, handled_at: null, handled_by: null, dismiss_reason: null,
        },
      });
      made.set(c.externalId, {
        externalId: c.externalId, itemId: clueItemId(clueId), itemNo, streetCode: c.streetCode, created: true, dueAt,
        pendingRegistration: true, clueId,
      });
      continue;
    }
    const id = uuidv7(now.getTime());
    const sender = `${labelOf(CLUE_SOURCES, c.source)}（${key.name}，编号 ${c.externalId}）`;
    changes.push({
      table: 'ledger_items',
      rowId: id,
      partition: c.streetCode,
      fields: {
        id, created_at: at, updated_at: at, deleted_at: null, street_code: c.streetCode, item_no: itemNo, source,
        household_id: r.householdId, person_id: r.personId, community_id: r.communityId, grid_id: r.gridId,
        category: c.category, urgency: c.urgency, immediate: immediate ? 1 : 0, description: c.description,
        status: 'pending', registered_at: at, verify_due_at: verifyDueAt, due_at: dueAt,
        handler_name: null, handler_user_id: null, verification: null, measures: null, result: null, closed_at: null,
        review_result: null, review_note: null, reviewed_at: null, visit_id: null, watch_id: null,
      },
    });
    const eventId = uuidv7(now.getTime());
    changes.push({
      table: 'ledger_events',
      rowId: eventId,
      partition: c.streetCode,
      fields: {
        id: eventId, created_at: at, updated_at: at, deleted_at: null, street_code: c.streetCode, item_id: id, at,
        user_id: null, username: key.name, kind: 'created', from_status: null, to_status: 'pending',
        note: `${sender}：${c.description}`,
      },
    });
    made.set(c.externalId, {
      externalId: c.externalId, itemId: id, itemNo, streetCode: c.streetCode, created: true, dueAt, pendingRegistration: false, clueId: null,
    });
  }
  if (changes.length > 0) {
    await authorChanges(db, now, changes);
    await db
      .insert(intakeClues)
      .values(
        todo.map((r) => {
          const m = made.get(r.clue.externalId)!;
          return {
            externalId: m.externalId, keyId: key.id, streetCode: m.streetCode, itemId: m.itemId, itemNo: m.itemNo, dueAt: m.dueAt,
            payload: r.clue as unknown as Record<string, unknown>, receivedAt: at,
          };
        }),
      )
      .onConflictDoNothing();
  }
  // A clue received before that became a 待登记线索: found by its external id in the street.
  const inboxOf = new Map<string, string>();
  for (const k of known.values()) {
    const [row] = await rowsWhere(db, 'ledger_clue_inbox', k.streetCode, 'external_id', k.externalId);
    if (row) inboxOf.set(k.externalId, row.rowId);
  }
  return clues.map((c) => {
    const k = known.get(c.externalId);
    if (k) {
      const clueId = inboxOf.get(k.externalId) ?? null;
      return {
        externalId: k.externalId, itemId: k.itemId, itemNo: k.itemNo, streetCode: k.streetCode, created: false, dueAt: k.dueAt,
        pendingRegistration: clueId !== null, clueId,
      };
    }
    return made.get(c.externalId)!;
  });
}
