/**
 * Recording screening visits: one visit, or a grid's round in batch ("all normal except…"). A
 * problem found becomes an issue-ledger item (source 走访发现) in the same transaction as the visit.
 */
import { AppError } from '../../../../shared/errors';
import type { ProblemInput } from '../../../../shared/ledger/schemas';
import type { RecordRoundInput, RecordVisitInput, RoundResult, RecordVisitResult, VisitRow } from '../../../../shared/screening/schemas';
import type { Page } from '../../../../shared/registry/types';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import { uuidv7 } from '../../../../shared/uuid';
import type { Actor, Store } from '../../store/store';
import { createItem } from '../ledger/items';
import { householdScope } from '../registry/scope';
import { formFor, oneRowQuery } from '../one-row-query';

interface VisitCommon {
  visitedOn: string;
  method: string;
  visitorName: string;
}

function checkDate(store: Store, visitedOn: string): void {
  if (visitedOn > shanghaiDate(store.nowDate())) {
    throw new AppError('invalid-input', '走访日期不能晚于今天', { field: 'visitedOn' });
  }
}

function insertVisit(
  store: Store,
  actor: Actor,
  householdId: string,
  common: VisitCommon,
  note: string | null,
  problems: ProblemInput[],
  roundId: string | null,
): RecordVisitResult {
  const h = householdScope(store, actor.streetCode, householdId);
  const visitId = store.insert(
    'visits',
    {
      streetCode: actor.streetCode,
      householdId,
      gridId: h.grid_id,
      communityId: h.community_id,
      visitedOn: common.visitedOn,
      method: common.method,
      visitorName: common.visitorName,
      visitorUserId: actor.userId,
      situation: problems.length > 0 ? 'problem' : 'normal',
      note,
      roundId,
    },
    actor,
    roundId ? null : { action: 'screening.recordVisit', summary: `登记走访（${common.visitedOn}）` },
  );
  const itemIds = problems.map((p) =>
    createItem(store, actor, {
      ...p,
      source: 'visit',
      householdId,
      handlerName: null,
      immediate: false,
      dueAt: null,
      visitId,
    }),
  );
  return { visitId, itemIds };
}

export function recordVisit(store: Store, actor: Actor, input: RecordVisitInput): RecordVisitResult {
  checkDate(store, input.visitedOn);
  return store.tx(() => insertVisit(store, actor, input.householdId, input, input.note, input.problems, null));
}

export function recordRound(store: Store, actor: Actor, input: RecordRoundInput): RoundResult {
  checkDate(store, input.visitedOn);
  return store.tx(() => {
    const grid = store.prepare('SELECT name FROM grids WHERE id = ? AND street_code = ? AND deleted_at IS NULL').get(input.gridId, actor.streetCode) as
      | { name: string }
      | undefined;
    if (!grid) throw new AppError('not-found', '网格不存在', { field: 'gridId' });
    const exceptions = new Map(input.exceptions.map((e) => [e.householdId, e]));
    const roundId = uuidv7(store.nowDate().getTime());
    const ids = [...new Set(input.householdIds)];
    const itemIds: string[] = [];
    let problems = 0;
    ids.forEach((hid, i) => {
      const h = householdScope(store, actor.streetCode, hid);
      if (h.grid_id !== input.gridId) {
        throw new AppError('invalid-input', `第${i + 1}户不属于网格“${grid.name}”`, { field: `householdIds.${i}` });
      }
      const e = exceptions.get(hid);
      const r = insertVisit(store, actor, hid, input, e?.note ?? null, e?.problems ?? [], roundId);
      itemIds.push(...r.itemIds);
      problems += e?.problems.length ?? 0;
    });
    store.audit(actor, {
      action: 'screening.recordRound',
      summary: `批量登记网格“${grid.name}”走访 ${ids.length} 户（${input.visitedOn}），发现问题 ${problems} 个`,
      detail: { roundId, households: ids.length, problems },
      entity: 'visits',
      entityId: null,
    });
    return { visits: ids.length, problems, itemIds };
  });
}

/** The visits list's filter, street-wide or of one household (the household file, each time it is opened: by its index). */
export const VISIT_FILTER = oneRowQuery(
  ({ onlyOne }) => `v.street_code = @street AND v.deleted_at IS NULL ${onlyOne('v.household_id', 'household')} AND (@community IS NULL OR v.community_id = @community)
    AND (@grid IS NULL OR v.grid_id = @grid) AND (@from IS NULL OR v.visited_on >= @from) AND (@to IS NULL OR v.visited_on <= @to)`,
);

export function listVisits(
  store: Store,
  streetCode: string,
  f: { householdId?: string; communityId?: string; gridId?: string; from?: string; to?: string; page: number; pageSize: number },
): Page<VisitRow> {
  const where = formFor(VISIT_FILTER, f.householdId);
  const args = {
    street: streetCode, household: f.householdId ?? null, community: f.communityId ?? null, grid: f.gridId ?? null,
    from: f.from ?? null, to: f.to ?? null, limit: f.pageSize, offset: (f.page - 1) * f.pageSize,
  };
  const total = (store.prepare(`SELECT count(*) AS n FROM visits v WHERE ${where}`).get(args) as { n: number }).n;
  const rows = store
    .prepare(
      `SELECT v.*, h.address,
        (SELECT p.name FROM persons p WHERE p.household_id = v.household_id AND p.relation = '02' AND p.deleted_at IS NULL LIMIT 1) AS head_name,
        (SELECT group_concat(i.id) FROM ledger_items i WHERE i.visit_id = v.id) AS item_ids
       FROM visits v JOIN households h ON h.id = v.household_id WHERE ${where}
       ORDER BY v.visited_on DESC, v.created_at DESC LIMIT @limit OFFSET @offset`,
    )
    .all(args) as {
    id: string;
    household_id: string;
    head_name: string | null;
    address: string;
    visited_on: string;
    method: string;
    visitor_name: string;
    situation: string;
    note: string | null;
    item_ids: string | null;
  }[];
  return {
    total,
    page: f.page,
    pageSize: f.pageSize,
    rows: rows.map((r) => ({
      id: r.id,
      householdId: r.household_id,
      headName: r.head_name ?? '',
      address: r.address,
      visitedOn: r.visited_on,
      method: r.method,
      visitorName: r.visitor_name,
      situation: r.situation,
      note: r.note,
      itemIds: r.item_ids ? r.item_ids.split(',') : [],
    })),
  };
}
