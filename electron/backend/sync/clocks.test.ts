import { describe, expect, test } from 'vitest';
import type { Store } from '../store/store';
import { applyRemote, fromChange } from './apply';
import { clocksOf, columnOrder } from './clocks';
import { outboxBatch } from './encode';
import { TEST_ACTOR, TEST_STREET, testReplicas } from './testing/memory-replicas';

const S = TEST_STREET;
const actor = TEST_ACTOR;
const replica = testReplicas();

const entries = (s: Store, rowId: string) =>
  s.prepare('SELECT field, hlc FROM field_clocks WHERE row_id = ? ORDER BY field').all(rowId) as { field: string; hlc: string }[];

describe('row clocks', () => {
  test('a whole new row is stamped once; every column reads that clock; later writes stamp their own fields', () => {
    const a = replica(Date.UTC(2026, 5, 1));
    const b = replica(Date.UTC(2026, 5, 2));
    const id = a.insert('communities', { streetCode: S, name: '甲' }, actor, null);
    const [ins] = outboxBatch(a, 1);
    b.tx(() => applyRemote(b, [fromChange(ins!)]));
    const columns = columnOrder(b, 'communities').size;
    expect(entries(b, id)).toEqual([{ field: `*${columns}`, hlc: ins!.hlc }]);
    const clocks = clocksOf(b, 'communities', id);
    for (const col of columnOrder(b, 'communities').keys()) expect(clocks.get(col)).toBe(ins!.hlc);
    expect(clocks.get('wechat_group')).toBeUndefined();

    // an older remote value of a covered column is stale; a newer one wins and gets its own entry
    const earlier = ins!.hlc.replace(/^\d{15}/, (ms) => String(Number(ms) - 1).padStart(15, '0'));
    const older = { ...ins!, hlc: earlier, fields: { name: '旧' } };
    const stats = b.tx(() => applyRemote(b, [fromChange(older)]));
    expect(stats.stale).toBe(1);
    b.update('communities', id, { name: '新' }, actor, null);
    const local = clocksOf(b, 'communities', id);
    expect(local.get('name')! > ins!.hlc).toBe(true);
    expect(local.get('street_code')).toBe(ins!.hlc);
    expect(b.prepare('SELECT name FROM communities WHERE id = ?').get(id)).toEqual({ name: '新' });
  });

  test('a row clock does not cover a column added after it was stamped', () => {
    const b = replica(Date.UTC(2026, 5, 2));
    b.sqlite.exec("INSERT INTO field_clocks (table_name, row_id, field, hlc) VALUES ('communities', 'r1', '*2', 'h')");
    const order = [...columnOrder(b, 'communities').entries()].sort((x, y) => x[1] - y[1]).map(([c]) => c);
    const clocks = clocksOf(b, 'communities', 'r1');
    expect(clocks.get(order[0]!)).toBe('h');
    expect(clocks.get(order[1]!)).toBe('h');
    expect(clocks.get(order[2]!)).toBeUndefined();
  });

  test('a row missing a column, or with fields of different clocks, is stamped field by field', () => {
    const a = replica(Date.UTC(2026, 5, 1));
    const b = replica(Date.UTC(2026, 5, 2));
    const id = a.insert('communities', { streetCode: S, name: '甲' }, actor, null);
    const [ins] = outboxBatch(a, 1);
    const partial = { ...ins!, fields: Object.fromEntries(Object.entries(ins!.fields).filter(([f]) => f !== 'deleted_at')) };
    b.tx(() => applyRemote(b, [fromChange(partial)]));
    expect(entries(b, id).length).toBe(Object.keys(partial.fields).length);
    expect(entries(b, id).some((e) => e.field.startsWith('*'))).toBe(false);
  });
});
