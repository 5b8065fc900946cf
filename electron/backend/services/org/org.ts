/** Communities (社区/村) and grids (网格) of the street. */
import { AppError } from '../../../../shared/errors';
import type { CommunityInfo, GridInfo } from '../../../../shared/org/schemas';
import type { Actor, Store } from '../../store/store';

export function listCommunities(store: Store, streetCode: string): CommunityInfo[] {
  const rows = store
    .prepare(
      `SELECT c.*, (SELECT count(*) FROM households h WHERE h.community_id = c.id AND h.deleted_at IS NULL) AS n
       FROM communities c WHERE c.street_code = ? AND c.deleted_at IS NULL ORDER BY c.sort_order, c.name`,
    )
    .all(streetCode) as {
    id: string;
    name: string;
    kind: 'community' | 'village';
    contact_name: string | null;
    contact_phone: string | null;
    n: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    householdCount: r.n,
  }));
}

export function listGrids(store: Store, streetCode: string, communityId?: string): GridInfo[] {
  const rows = store
    .prepare(
      `SELECT g.*, (SELECT count(*) FROM households h WHERE h.grid_id = g.id AND h.deleted_at IS NULL) AS n
       FROM grids g WHERE g.street_code = ? AND g.deleted_at IS NULL AND (? IS NULL OR g.community_id = ?)
       ORDER BY g.name`,
    )
    .all(streetCode, communityId ?? null, communityId ?? null) as {
    id: string;
    community_id: string;
    name: string;
    worker_name: string | null;
    worker_phone: string | null;
    n: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    name: r.name,
    workerName: r.worker_name,
    workerPhone: r.worker_phone,
    householdCount: r.n,
  }));
}

function assertNameFree(store: Store, table: 'communities' | 'grids', scope: string, name: string, id?: string) {
  const col = table === 'communities' ? 'street_code' : 'community_id';
  const row = store
    .prepare(`SELECT id FROM ${table} WHERE ${col} = ? AND name = ? AND deleted_at IS NULL`)
    .get(scope, name) as { id: string } | undefined;
  if (row && row.id !== id) {
    throw new AppError('duplicate', table === 'communities' ? `社区“${name}”已存在` : `该社区已有网格“${name}”`, {
      field: 'name',
    });
  }
}

export function saveCommunity(
  store: Store,
  actor: Actor,
  input: { id?: string; name: string; kind: 'community' | 'village'; contactName: string | null; contactPhone: string | null },
): CommunityInfo {
  return store.tx(() => {
    assertNameFree(store, 'communities', actor.streetCode, input.name, input.id);
    const { id, ...fields } = input;
    let cid = id;
    if (cid) {
      if (!store.prepare('SELECT 1 FROM communities WHERE id = ? AND street_code = ? AND deleted_at IS NULL').get(cid, actor.streetCode)) {
        throw new AppError('not-found', '社区不存在', { field: 'id' });
      }
      store.update('communities', cid, fields, actor, { action: 'org.saveCommunity', summary: `修改社区：${input.name}` });
    } else {
      const max = store.prepare('SELECT ifnull(max(sort_order), -1) AS m FROM communities WHERE street_code = ?').get(actor.streetCode) as {
        m: number;
      };
      cid = store.insert('communities', { ...fields, streetCode: actor.streetCode, sortOrder: max.m + 1 }, actor, {
        action: 'org.saveCommunity',
        summary: `新建社区：${input.name}`,
      });
    }
    return listCommunities(store, actor.streetCode).find((c) => c.id === cid)!;
  });
}

export function saveGrid(
  store: Store,
  actor: Actor,
  input: { id?: string; communityId: string; name: string; workerName: string | null; workerPhone: string | null },
): GridInfo {
  return store.tx(() => {
    if (!store.prepare('SELECT 1 FROM communities WHERE id = ? AND street_code = ? AND deleted_at IS NULL').get(input.communityId, actor.streetCode)) {
      throw new AppError('invalid-input', '所属社区不存在', { field: 'communityId' });
    }
    assertNameFree(store, 'grids', input.communityId, input.name, input.id);
    const { id, ...fields } = input;
    let gid = id;
    if (gid) {
      if (!store.prepare('SELECT 1 FROM grids WHERE id = ? AND street_code = ? AND deleted_at IS NULL').get(gid, actor.streetCode)) {
        throw new AppError('not-found', '网格不存在', { field: 'id' });
      }
      store.update('grids', gid, fields, actor, { action: 'org.saveGrid', summary: `修改网格：${input.name}` });
    } else {
      gid = store.insert('grids', { ...fields, streetCode: actor.streetCode }, actor, {
        action: 'org.saveGrid',
        summary: `新建网格：${input.name}`,
      });
    }
    return listGrids(store, actor.streetCode).find((g) => g.id === gid)!;
  });
}
