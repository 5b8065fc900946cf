import { describe, expect, test } from 'vitest';
import { PullResponseSchema, SnapshotResponseSchema } from './wire';
import { FastPullResponse, FastSnapshotResponse } from './wire-fast';

const HLC = '001795912000115-0000-abcdef0123456789';
const row = () => ({
  table: 'persons',
  rowId: '0193a1b2-0000-7000-8000-000000000001',
  partition: '120110001000',
  fields: { name: '李同步', sex: 'male', incomes: '[]', phone: null, n: 3 },
  clocks: { name: HLC, sex: HLC, incomes: HLC, phone: HLC, n: HLC },
});
const oneClockRow = () => {
  const { clocks: _, ...r } = row();
  return { ...r, clock: HLC };
};
const snapshot = () => ({ rows: [row(), row(), oneClockRow()], next: 'persons/x', cursor: 12, serverTime: '2026-06-01T00:00:00.000Z' });
const change = () => ({ seq: 3, hlc: HLC, node: 'abcdef0123456789', table: 'persons', rowId: 'r1', partition: 'district', fields: { name: 'x' } });
const pull = () => ({ changes: [change()], cursor: 3, hasMore: false, serverTime: '2026-06-01T00:00:00.000Z' });

type Mut = (v: Record<string, any>) => void;
const snapshotBreaks: Mut[] = [
  (v) => (v.extra = 1),
  (v) => delete v.next,
  (v) => (v.cursor = 1.5),
  (v) => (v.rows = {}),
  (v) => (v.rows[1].table = 'Persons'),
  (v) => (v.rows[1].partition = '12011000'),
  (v) => (v.rows[0].fields['Bad-Name'] = 1),
  (v) => (v.rows[0].fields.name = true),
  (v) => (v.rows[0].fields.name = { a: 1 }),
  (v) => (v.rows[1].clocks.name = 'not-a-clock'),
  (v) => (v.rows[1].clocks.sex = 5),
  (v) => (v.rows[0].rowId = 7),
  (v) => (v.rows[0].more = 1),
  (v) => delete v.rows[0].clocks,
  (v) => (v.rows[2].clock = 'not-a-clock'),
  (v) => (v.rows[2].clocks = { name: HLC }),
  (v) => delete v.rows[2].clock,
];
const pullBreaks: Mut[] = [
  (v) => (v.hasMore = 'no'),
  (v) => (v.changes[0].seq = '3'),
  (v) => (v.changes[0].node = ''),
  (v) => (v.changes[0].rowId = 'x'.repeat(65)),
  (v) => (v.changes[0].hlc = 'x'),
  (v) => (v.changes[0].fields.__proto__x = 1),
  (v) => delete v.changes[0].partition,
];

describe('fast validation of snapshot and pull pages', () => {
  test('accepts what the zod schemas accept, unchanged', () => {
    const s = snapshot();
    expect(FastSnapshotResponse.parse(s)).toBe(s);
    expect(SnapshotResponseSchema.parse(s)).toEqual(s);
    const p = pull();
    expect(FastPullResponse.parse(p)).toBe(p);
    expect(PullResponseSchema.parse(p)).toEqual(p);
  });

  test('refuses what the zod schemas refuse, with their error', () => {
    for (const brk of snapshotBreaks) {
      const v = snapshot();
      brk(v);
      expect(() => SnapshotResponseSchema.parse(v)).toThrow();
      expect(() => FastSnapshotResponse.parse(v)).toThrow();
    }
    for (const brk of pullBreaks) {
      const v = pull();
      brk(v);
      expect(() => PullResponseSchema.parse(v)).toThrow();
      expect(() => FastPullResponse.parse(v)).toThrow();
    }
  });
});
