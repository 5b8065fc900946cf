/** sync.* procedures: enrollment, status, sync now, history, refused changes, sync by file (USB). */
import { AppError } from '../../../shared/errors';
import { ADMINS } from '../../../shared/api/proc';
import { setupStatus } from '../services/setup/street';
import type { SyncController } from '../sync/controller';
import { rejectedChanges, takeServerValue } from '../sync/repair';
import { exportBundle, importAnswer } from '../sync/bundle';
import type { AreaHandlers } from './handlers';

export function syncHandlers(sync: SyncController): AreaHandlers<'sync.'> {
  return {
    'sync.status': () => sync.status(),
    'sync.enroll': (input, { store, user }) => {
      // An empty device may be enrolled before anyone can sign in (its users arrive from the server);
      // a device that already holds data only by its street's or the district's administrator.
      if (!setupStatus(store).isEmpty) {
        if (!user) throw new AppError('not-signed-in', '本机已有数据：请由管理员登录后在“同步”页面登记本设备');
        if (!ADMINS.includes(user.role)) throw new AppError('forbidden', '只有街道管理员或区级管理员可以登记本设备');
      }
      return sync.enroll(input);
    },
    'sync.syncNow': () => sync.runNow('manual'),
    'sync.history': () => sync.history(),
    'sync.rejections': ({}, { store }) => rejectedChanges(store),
    'sync.resolveRejection': async (input, { store, actor }) => {
      await takeServerValue(store, sync.enrolledTransport(), input.hlc, actor);
      return { ok: true };
    },
    'sync.exportBundle': async ({}, { store }) => {
      const b = await exportBundle(store);
      return { fileName: b.fileName, base64: Buffer.from(b.bytes).toString('base64'), seq: b.seq, changes: b.changes };
    },
    'sync.importBundle': ({ base64 }, { store }) => importAnswer(store, new Uint8Array(Buffer.from(base64, 'base64'))),
  };
}
