/**
 * The server's authority over each pushed change: known table and columns, value types, the
 * device's partition scope, no moving a row to another partition, complete new rows, and a clock
 * no more than five minutes ahead of the server. Returns the first problem, or null.
 *
 * Text PostgreSQL cannot hold (a NUL: jsonb and text refuse it; a lone surrogate: not UTF-8) is
 * refused by unstorableProblem on its own, whatever the shared value rules say: one such value used to fail the
 * whole batch with a 500 on every retry. The savepoint in pushChanges is the last guard behind it.
 */
import { parseHlc } from '../../shared/hlc';
import type { Catalog } from '../../shared/sync/columns';
import { valueProblem } from '../../shared/sync/columns';
import { fieldLabel } from '../../shared/sync/field-labels';
import { SYNC_REASONS, type SyncReason } from '../../shared/sync/rejections';
import { isDemoAccountRow } from '../../shared/demo';
import { unstorableText } from '../../shared/text/vocabulary';
import { MAX_CLOCK_AHEAD_MS, writablePartition, type Change, type Scope } from '../../shared/sync/wire';

export interface Problem {
  code: SyncReason;
  message: string;
  field?: string;
}

function problem(code: SyncReason, detail?: string, field?: string): Problem {
  const base = SYNC_REASONS[code].message;
  return { code, message: detail ? `${base}：${detail}` : base, ...(field ? { field } : {}) };
}

/**
 * The first part of a change that PostgreSQL could not store as text, or null. pushChanges asks it
 * of every change before any query (validateChange below assumes it was asked).
 */
export function unstorableProblem(c: Change): Problem | null {
  if (unstorableText(c.node) || unstorableText(c.rowId)) return problem('bad-text', '记录编号或节点编号');
  for (const [field, value] of Object.entries(c.fields)) {
    if (typeof value === 'string' && unstorableText(value)) {
      const label = fieldLabel(field);
      return problem('bad-text', label ? `${label}（${field}）` : field, field);
    }
  }
  return null;
}

export function validateChange(
  catalog: Catalog,
  c: Change,
  ctx: { scope: Scope | null; node: string | null; nowMs: number; existingPartition: string | null },
): Problem | null {
  if (ctx.node !== null && c.node !== ctx.node) return problem('bad-payload', '变更不是本设备产生的');
  const spec = catalog.get(c.table);
  if (!spec) return problem('unknown-table', c.table);
  for (const [field, value] of Object.entries(c.fields)) {
    const col = spec.columns.get(field);
    if (!col) return problem('unknown-column', `${c.table}.${field}`, field);
    const bad = valueProblem(col, value);
    if (bad) return problem('bad-value', bad, field);
  }
  if (isDemoAccountRow(c)) return problem('demo-account', undefined, 'username');
  if ('id' in c.fields && c.fields.id !== c.rowId) return problem('bad-value', 'id 与记录编号不一致', 'id');
  if ('street_code' in c.fields && c.fields.street_code !== c.partition) {
    return problem('partition-forbidden', '不能把记录移到其他分区', 'street_code');
  }
  if (ctx.scope && !writablePartition(ctx.scope, c.partition)) return problem('partition-forbidden', c.partition);
  if (ctx.existingPartition !== null && ctx.existingPartition !== c.partition) {
    return problem('partition-forbidden', '该记录属于其他分区');
  }
  if (ctx.existingPartition === null) {
    const missing = spec.required.find((col) => !(col in c.fields));
    if (missing) return problem('bad-value', `新记录缺少 ${missing}`, missing);
  }
  if (parseHlc(c.hlc).millis > ctx.nowMs + MAX_CLOCK_AHEAD_MS) return problem('clock-ahead');
  return null;
}
