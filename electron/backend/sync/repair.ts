/**
 * Refused local changes for the 同步 page, and the repair "discard my change and take the server's
 * value": the fields the refused change last wrote get the server's current value and clock; if the
 * server has no such row (the refused change created it here), the local row is removed.
 */
import { AppError } from '../../../shared/errors';
import { reasonOf, tableLabel, type RejectedChangeInfo } from '../../../shared/sync/status';
import type { Actor, Store } from '../store/store';
import { SYNC_CATALOG } from '../../../shared/sync/catalog';
import { openRejections } from './encode';
import { recordLabel } from './record-label';
import { applyRemote } from './apply';
import { clocksOf, dropFieldClocks } from './clocks';
import type { SyncTransport } from './http';

export function rejectedChanges(store: Store): RejectedChangeInfo[] {
  return openRejections(store)
    .reverse()
    .map((r) => ({
      hlc: r.hlc,
      tableName: r.tableName,
      tableLabel: tableLabel(r.tableName),
      recordLabel: recordLabel(store, r.tableName, r.rowId, r.fields),
      rowId: r.rowId,
      code: r.code,
      message: r.message,
      action: reasonOf(r.code).action,
      field: r.field,
      fields: r.fields,
      at: r.at,
    }));
}

export async function takeServerValue(store: Store, t: SyncTransport, hlc: string, actor: Actor): Promise<void> {
  const rej = openRejections(store).find((r) => r.hlc === hlc);
  if (!rej) throw new AppError('not-found', '该被拒修改不存在或已处理', { field: 'hlc' });
  if (!SYNC_CATALOG.has(rej.tableName)) throw new AppError('needs-upgrade', '本机程序不认识该数据表，无法处理');
  let res;
  try {
    res = await t.row(rej.tableName, rej.rowId);
  } catch {
    throw new AppError('sync-failed', '无法连接区级服务器，暂时不能取回服务器上的数据；请联网后重试');
  }
  const table = rej.tableName;
  store.tx(() => {
    const clocks = clocksOf(store, table, rej.rowId);
    // Only fields whose local value is still the refused one; later local edits stand on their own.
    const mine = Object.keys(rej.fields).filter((f) => clocks.get(f) === hlc);
    if (res.row) {
      dropFieldClocks(store, table, rej.rowId, mine);
      applyRemote(store, [res.row]);
    } else if (mine.includes('id') || mine.includes('created_at')) {
      try {
        store.prepare(`DELETE FROM "${table}" WHERE id = ?`).run(rej.rowId);
      } catch (err) {
        if (String((err as { code?: string }).code).startsWith('SQLITE_CONSTRAINT')) {
          throw new AppError('in-use', '本机还有其他记录引用该记录，无法撤销；请先处理相关记录', { field: 'hlc' });
        }
        throw err;
      }
      store.prepare('DELETE FROM field_clocks WHERE table_name = ? AND row_id = ?').run(table, rej.rowId);
      store.prepare('DELETE FROM change_log WHERE table_name = ? AND row_id = ? AND pushed_at IS NULL').run(table, rej.rowId);
    }
    store.prepare('UPDATE sync_rejections SET resolved_at = ? WHERE hlc = ?').run(store.nowIso(), hlc);
    store.audit(actor, {
      action: 'sync.takeServerValue',
      entity: table,
      entityId: rej.rowId,
      summary: `放弃被服务器拒收的修改（${tableLabel(table)}），采用服务器上的数据`,
      detail: { hlc, code: rej.code, fields: mine },
    });
  });
}
