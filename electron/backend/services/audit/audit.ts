/** Reading the audit trail (writing it is part of the store's write path). */
import type { AuditEventInfo } from '../../../../shared/audit/types';
import type { Page } from '../../../../shared/registry/types';
import type { Store } from '../../store/store';

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  userId?: string;
  action?: string;
  page: number;
  pageSize: number;
}

export function listAudit(store: Store, streetCode: string, q: AuditQuery): Page<AuditEventInfo> {
  const parts = ['street_code = ?'];
  const params: unknown[] = [streetCode];
  for (const [col, v] of [
    ['entity', q.entity],
    ['entity_id', q.entityId],
    ['user_id', q.userId],
    ['action', q.action],
  ] as const) {
    if (v) {
      parts.push(`${col} = ?`);
      params.push(v);
    }
  }
  const where = parts.join(' AND ');
  const total = (store.prepare(`SELECT count(*) AS n FROM audit_events WHERE ${where}`).get(...params) as { n: number }).n;
  const rows = store
    .prepare(`SELECT * FROM audit_events WHERE ${where} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`)
    .all(...params, q.pageSize, (q.page - 1) * q.pageSize) as AuditDbRow[];
  return { total, page: q.page, pageSize: q.pageSize, rows: rows.map(toAuditInfo) };
}

export interface AuditDbRow {
  id: string;
  at: string;
  user_id: string | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  summary: string;
  detail: string | null;
}

export function toAuditInfo(r: AuditDbRow): AuditEventInfo {
  return {
    id: r.id,
    at: r.at,
    userId: r.user_id,
    username: r.username,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    summary: r.summary,
    detail: r.detail ? (JSON.parse(r.detail) as unknown) : null,
  };
}
