/** org.* and audit.* procedures. */
import { listCommunities, listGrids, saveCommunity, saveGrid } from '../services/org/org';
import { listAudit } from '../services/audit/audit';
import type { AreaHandlers } from './handlers';

export function orgHandlers(): AreaHandlers<'org.'> {
  return {
    'org.listStreets': (_i, { store }) =>
      store.prepare('SELECT code, name FROM streets WHERE deleted_at IS NULL ORDER BY code').all() as { code: string; name: string }[],
    'org.listCommunities': (_i, { store, actor }) => listCommunities(store, actor.streetCode),
    'org.listGrids': (input, { store, actor }) => listGrids(store, actor.streetCode, input.communityId),
    'org.saveCommunity': (input, { store, actor }) => saveCommunity(store, actor, input),
    'org.saveGrid': (input, { store, actor }) => saveGrid(store, actor, input),
  };
}

export function auditHandlers(): AreaHandlers<'audit.'> {
  return {
    'audit.list': (input, { store, actor }) => listAudit(store, actor.streetCode, input),
  };
}
