/** home.* procedures: the 工作台 (services/home/workbench.ts). */
import { workbench } from '../services/home/workbench';
import type { SyncController } from '../sync/controller';
import { requireUser } from './context';
import { readScope } from './district';
import type { AreaHandlers } from './handlers';

export function homeHandlers(sync: SyncController): AreaHandlers<'home.'> {
  return {
    'home.workbench': (_input, ctx) => {
      const s = sync.status();
      return workbench(ctx.store, { role: requireUser(ctx).role, streetCode: readScope(ctx) }, {
        enrolled: s.enrolled,
        state: s.state,
        lastSyncedAt: s.lastSyncedAt,
        pendingCount: s.pendingCount,
        rejectedCount: s.rejectedCount,
      });
    },
  };
}
