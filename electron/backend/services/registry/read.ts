/** Reading the registry: the household list, quick search, and the audited detail view. */
import { AppError } from '../../../../shared/errors';
import type { HouseholdDetail, HouseholdRow, Page, PersonDetail, SearchHit } from '../../../../shared/registry/types';
import type { HouseholdFilter, ListHouseholdsInput } from '../../../../shared/registry/schemas';
import { labelOf, RELATIONS } from '../../../../shared/codes';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Actor, Store } from '../../store/store';
import { buildMatch, nameRank, searchPage } from './search';
import { categoriesSql, categoryCondition, householdCategories } from '../assistance/programme-categories';
import { maskIdNumber, parseCategories, toPersonDetail, type HouseholdDbRow, type PersonRow } from './rows';

interface Where {
  sql: string;
  params: unknown[];
}

/** WHERE clause over `households h` for the list filters other than the search. */
/** `streetCode` null: every street (a district device). */
function filterWhere(streetCode: string | null, f: HouseholdFilter): Where {
  const parts = ['h.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (streetCode !== null) (parts.push('h.street_code = ?'), params.push(streetCode));
  if (f.communityId) {
    parts.push('h.community_id = ?');
    params.push(f.communityId);
  }
  if (f.gridId) {
    parts.push('h.grid_id = ?');
    params.push(f.gridId);
  }
  if (f.status) {
    parts.push('h.status = ?');
    params.push(f.status);
  }
  if (f.category) {
    const c = categoryCondition('h', f.category);
    parts.push(c.sql);
    params.push(...c.params);
  }
  return { sql: parts.join(' AND '), params };
}

/** WHERE clause over `households h` for the list filters (search included). */
export function householdWhere(streetCode: string, f: HouseholdFilter): Where {
  const w = filterWhere(streetCode, f);
  const m = f.q ? buildMatch(f.q) : null;
  if (!m) return w;
  // Households matched through a member or on their own fields: one id list, probed by key.
  return {
    sql: `${w.sql} AND h.id IN (SELECT mp.household_id FROM ${m.personFrom} WHERE ${m.personWhere}
      UNION SELECT mh.id FROM ${m.householdFrom} WHERE ${m.householdWhere})`,
    params: [...w.params, ...m.params.person, ...m.params.household],
  };
}

interface ListDbRow extends HouseholdDbRow {
  /** Situation tags and in-force programmes (categoriesSql). */
  all_categories: string;
  community_name: string;
  grid_name: string | null;
}

export function listHouseholds(store: Store, streetCode: string | null, input: ListHouseholdsInput): Page<HouseholdRow> {
  const w = filterWhere(streetCode, input);
  const m = input.q ? buildMatch(input.q) : null;
  const offset = (input.page - 1) * input.pageSize;
  const page = { page: input.page, pageSize: input.pageSize };
  const select = `SELECT h.*, ${categoriesSql('h')} AS all_categories, c.name AS community_name, g.name AS grid_name
       FROM households h JOIN communities c ON c.id = h.community_id LEFT JOIN grids g ON g.id = h.grid_id`;
  if (m) {
    // A search: matches fetched once, counted and ordered there; only the page is read in full.
    const found = searchPage(store, m, w, offset, input.pageSize);
    if (found.ids.length === 0) return { total: found.total, ...page, rows: [] };
    const rows = store.prepare(`${select} WHERE h.id IN (${found.ids.map(() => '?').join(',')})`).all(...found.ids) as ListDbRow[];
    const order = new Map(found.ids.map((id, i) => [id, i]));
    rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return { total: found.total, ...page, rows: decorateRows(store, rows, found.matchedMembers) };
  }
  const total = (store.prepare(`SELECT count(*) AS n FROM households h WHERE ${w.sql}`).get(...w.params) as { n: number }).n;
  const rows = store
    .prepare(`${select} WHERE ${w.sql} ORDER BY c.sort_order, c.name, h.address, h.id LIMIT ? OFFSET ?`)
    .all(...w.params, input.pageSize, offset) as ListDbRow[];
  return { total, ...page, rows: decorateRows(store, rows, null) };
}

/** Head of household, member count and matched members for the rows of one page. */
function decorateRows(store: Store, rows: ListDbRow[], matched: Map<string, string[]> | null): HouseholdRow[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const marks = ids.map(() => '?').join(',');
  const members = store
    .prepare(
      `SELECT id, household_id, name, id_number, relation FROM persons
       WHERE deleted_at IS NULL AND household_id IN (${marks}) ORDER BY relation, birth_date`,
    )
    .all(...ids) as Pick<PersonRow, 'id' | 'household_id' | 'name' | 'id_number' | 'relation'>[];
  return rows.map((r) => {
    const own = members.filter((p) => p.household_id === r.id);
    const head = own.find((p) => p.relation === '02');
    const row: HouseholdRow = {
      id: r.id,
      headName: head?.name ?? null,
      headIdMasked: head ? maskIdNumber(head.id_number) : null,
      address: r.address,
      communityId: r.community_id,
      communityName: r.community_name,
      gridId: r.grid_id,
      gridName: r.grid_name,
      hukouType: r.hukou_type,
      phone: r.phone,
      categories: parseCategories(r.all_categories),
      status: r.status,
      memberCount: own.length,
      updatedAt: r.updated_at,
    };
    if (matched) {
      const hits = new Set(matched.get(r.id));
      row.matchedMembers = own
        .filter((p) => hits.has(p.id))
        .map((p) => ({ id: p.id, name: p.name, idMasked: maskIdNumber(p.id_number) }));
    }
    return row;
  });
}

interface PersonHitRow {
  id: string;
  household_id: string;
  name: string;
  id_number: string;
  relation: string;
  address: string;
}

/**
 * Quick search for the search box: persons first (exact name, then names starting with the
 * query, then names containing it, then other matches), then households matched by address/phone.
 */
export function searchRegistry(store: Store, streetCode: string, q: string, limit: number): SearchHit[] {
  const m = buildMatch(q);
  if (!m) return [];
  // Stage by stage in rank order, each joined directly (not `id IN (…)`) so that a broad match
  // stops at the limit; the last stage holds the earlier ones' persons again, hence the margin.
  const persons: PersonHitRow[] = [];
  const seen = new Set<string>();
  for (const stage of m.personStages) {
    if (persons.length >= limit) break;
    const rows = store
      .prepare(
        `SELECT mp.id, mp.household_id, mp.name, mp.id_number, mp.relation, h.address
         FROM ${stage.from} JOIN households h ON h.id = mp.household_id
         WHERE ${stage.where} AND mp.street_code = ? AND h.deleted_at IS NULL LIMIT ?`,
      )
      .all(...stage.params, streetCode, limit + persons.length) as PersonHitRow[];
    // Within a stage: the better name rank first (the last stage mixes prefix, infix and others).
    rows.sort((a, b) => nameRank(a.name, m.query) - nameRank(b.name, m.query));
    for (const p of rows) {
      if (persons.length >= limit || seen.has(p.id)) continue;
      seen.add(p.id);
      persons.push(p);
    }
  }
  const hits: SearchHit[] = persons.map((p) => ({
    kind: 'person',
    householdId: p.household_id,
    personId: p.id,
    title: `${p.name}（${labelOf(RELATIONS, p.relation)}）`,
    subtitle: `${maskIdNumber(p.id_number)} · ${p.address}`,
  }));
  if (hits.length < limit) {
    const hs = store
      .prepare(
        `SELECT mh.id, mh.address, mh.phone FROM ${m.householdFrom} WHERE ${m.householdWhere} AND mh.street_code = ? LIMIT ?`,
      )
      .all(...m.params.household, streetCode, limit - hits.length) as { id: string; address: string; phone: string | null }[];
    for (const h of hs) hits.push({ kind: 'household', householdId: h.id, title: h.address, subtitle: h.phone ?? '' });
  }
  return hits;
}

export function loadHouseholdRow(store: Store, streetCode: string, id: string): HouseholdDbRow {
  const h = store
    .prepare('SELECT * FROM households WHERE id = ? AND street_code = ? AND deleted_at IS NULL')
    .get(id, streetCode) as HouseholdDbRow | undefined;
  if (!h) throw new AppError('not-found', '该家庭不存在或已被删除', { field: 'id' });
  return h;
}

export function loadPersonRow(store: Store, streetCode: string, id: string): PersonRow {
  const p = store
    .prepare('SELECT * FROM persons WHERE id = ? AND street_code = ? AND deleted_at IS NULL')
    .get(id, streetCode) as PersonRow | undefined;
  if (!p) throw new AppError('not-found', '该人员不存在或已被删除', { field: 'id' });
  return p;
}

export function personDetail(store: Store, streetCode: string, id: string): PersonDetail {
  return toPersonDetail(loadPersonRow(store, streetCode, id), shanghaiDate(store.nowDate()));
}

/** Household with members' full ID numbers; `auditView` records who saw them. */
export function householdDetail(store: Store, actor: Actor, id: string, auditView: boolean): HouseholdDetail {
  const h = loadHouseholdRow(store, actor.streetCode, id);
  const c = store.prepare('SELECT name FROM communities WHERE id = ?').get(h.community_id) as { name: string } | undefined;
  const g = h.grid_id
    ? (store.prepare('SELECT name, worker_name, worker_phone FROM grids WHERE id = ?').get(h.grid_id) as
        | { name: string; worker_name: string | null; worker_phone: string | null }
        | undefined)
    : undefined;
  const today = shanghaiDate(store.nowDate());
  const members = (
    store
      .prepare('SELECT * FROM persons WHERE household_id = ? AND deleted_at IS NULL ORDER BY relation, birth_date')
      .all(id) as PersonRow[]
  ).map((p) => toPersonDetail(p, today));
  if (auditView) {
    store.tx(() =>
      store.audit(actor, {
        action: 'registry.viewHousehold',
        entity: 'households',
        entityId: id,
        summary: `查看家庭详情（含完整身份证号）：${h.address}`,
        detail: { personIds: members.map((m) => m.id) },
      }),
    );
  }
  return {
    id: h.id,
    streetCode: h.street_code,
    communityId: h.community_id,
    communityName: c?.name ?? '',
    gridId: h.grid_id,
    gridName: g?.name ?? null,
    gridWorkerName: g?.worker_name ?? null,
    gridWorkerPhone: g?.worker_phone ?? null,
    address: h.address,
    hukouType: h.hukou_type,
    phone: h.phone,
    bankName: h.bank_name,
    bankAccount: h.bank_account,
    accountHolder: h.account_holder,
    categories: householdCategories(store, h.id, h.categories),
    status: h.status,
    notes: h.notes,
    members,
    createdAt: h.created_at,
    updatedAt: h.updated_at,
  };
}
