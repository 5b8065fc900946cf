import { describe, expect, test } from 'vitest';
import type { Store } from '../store/store';
import { applyRemote, fromChange } from './apply';
import { clocksOf, columnOrder, dropFieldClocks } from './clocks';
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

  test('a local insert is stamped once: one row clock, whatever the number of columns; an update stamps only its fields', () => {
    const a = replica(Date.UTC(2026, 5, 1));
    const id = a.insert('communities', { streetCode: S, name: '甲' }, actor, { action: 'org.saveCommunity', summary: '新建社区' });
    const [ins, audit] = outboxBatch(a, 2);
    const columns = columnOrder(a, 'communities').size;
    expect(entries(a, id)).toEqual([{ field: `*${columns}`, hlc: ins!.hlc }]);
    // the audit event, a whole row too
    expect(entries(a, audit!.rowId)).toEqual([{ field: `*${columnOrder(a, 'audit_events').size}`, hlc: audit!.hlc }]);
    a.update('communities', id, { name: '乙' }, actor, null);
    const upd = outboxBatch(a, 3)[2]!;
    expect(entries(a, id)).toEqual([
      { field: `*${columns}`, hlc: ins!.hlc },
      { field: 'name', hlc: upd.hlc },
      { field: 'updated_at', hlc: upd.hlc },
    ]);
    const clocks = clocksOf(a, 'communities', id);
    expect(clocks.get('name')).toBe(upd.hlc);
    expect(clocks.get('street_code')).toBe(ins!.hlc);
  });

  test("a field's clock is the newer of its own entry and the row clock", () => {
    const b = replica(Date.UTC(2026, 5, 2));
    const order = [...columnOrder(b, 'communities').entries()].sort((x, y) => x[1] - y[1]).map(([c]) => c);
    b.sqlite.exec(
      `INSERT INTO field_clocks (table_name, row_id, field, hlc) VALUES ('communities', 'r1', '*${order.length}', 'h2'), ('communities', 'r1', '${order[1]}', 'h1'), ('communities', 'r1', '${order[2]}', 'h3')`,
    );
    const clocks = clocksOf(b, 'communities', 'r1');
    expect(clocks.get(order[0]!)).toBe('h2');
    expect(clocks.get(order[1]!)).toBe('h2');
    expect(clocks.get(order[2]!)).toBe('h3');
  });

  test('dropping the clocks of some fields keeps the others of a row clock', () => {
    const a = replica(Date.UTC(2026, 5, 1));
    const id = a.insert('communities', { streetCode: S, name: '甲' }, actor, null);
    const before = clocksOf(a, 'communities', id);
    const cols = [...columnOrder(a, 'communities').keys()];
    const was = Object.fromEntries(cols.map((c) => [c, before.get(c)]));
    dropFieldClocks(a, 'communities', id, ['name', 'contact_name']);
    const after = clocksOf(a, 'communities', id);
    for (const c of cols) expect(after.get(c)).toBe(c === 'name' || c === 'contact_name' ? undefined : was[c]);
  });
});
