import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeHarness, TEST_STREET, type Harness } from '../../testing/harness';
import { paramHistory, paramOn, paramTimeline, requireParam, setParam } from './params';
import { addDays } from '../../../../shared/time/calendar-days';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Actor } from '../../store/store';

let h: Harness;
let now = new Date('2026-03-15T02:00:00Z');
const actor: Actor = { userId: null, username: 'tester', streetCode: TEST_STREET.code };

beforeEach(async () => {
  now = new Date('2026-03-15T02:00:00Z');
  h = await makeHarness({ now: () => now });
});
afterEach(() => h.close());

// Uses a key not seeded at street set-up (dibao.employmentReward), so the table starts empty for it.
describe('effective-dated policy parameters', () => {
  test('a value applies from its date until the next one; before the first there is none', () => {
    const store = h.backend.store;
    setParam(store, actor, { key: 'dibao.employmentReward', value: 101000, effectiveFrom: '2026-04-01', partition: 'district' });
    setParam(store, actor, { key: 'dibao.employmentReward', value: 107000, effectiveFrom: '2027-04-01', partition: 'district' });
    expect(paramOn(store, TEST_STREET.code, 'dibao.employmentReward', '2026-03-31')).toBeNull();
    expect(paramOn(store, TEST_STREET.code, 'dibao.employmentReward', '2026-04-01')?.value).toBe(101000);
    expect(paramOn(store, TEST_STREET.code, 'dibao.employmentReward', '2027-03-31')?.value).toBe(101000);
    expect(paramOn(store, TEST_STREET.code, 'dibao.employmentReward', '2027-04-01')?.value).toBe(107000);
    expect(() => requireParam(store, TEST_STREET.code, 'dibao.employmentReward', '2026-01-01')).toThrow(/就业奖励/);
    expect(paramHistory(store, TEST_STREET.code, 'dibao.employmentReward').map((r) => r.effectiveFrom)).toEqual(['2027-04-01', '2026-04-01']);
  });

  test("a street's own value overrides the district's for the same date; other streets don't see it", () => {
    const store = h.backend.store;
    setParam(store, actor, { key: 'dibao.employmentReward', value: 101000, effectiveFrom: '2026-04-01', partition: 'district' });
    setParam(store, actor, { key: 'dibao.employmentReward', value: 102000, effectiveFrom: '2026-04-01', partition: TEST_STREET.code });
    expect(paramOn(store, TEST_STREET.code, 'dibao.employmentReward', '2026-05-01')?.value).toBe(102000);
    expect(paramOn(store, '120110002000', 'dibao.employmentReward', '2026-05-01')?.value).toBe(101000);
  });

  test('the timeline read once answers every day as paramOn does (street override, a later district value, none yet)', () => {
    const store = h.backend.store;
    const today = shanghaiDate(store.nowDate());
    const on = (days: number) => addDays(today, days);
    setParam(store, actor, { key: 'dibao.employmentReward', value: 101000, effectiveFrom: on(20), partition: 'district' });
    setParam(store, actor, { key: 'dibao.employmentReward', value: 102000, effectiveFrom: on(20), partition: TEST_STREET.code });
    setParam(store, actor, { key: 'dibao.employmentReward', value: 103000, effectiveFrom: on(60), partition: 'district' });
    setParam(store, actor, { key: 'dibao.employmentReward', value: 104000, effectiveFrom: on(90), partition: TEST_STREET.code });
    for (const street of [TEST_STREET.code, '120110002000']) {
      const inForce = paramTimeline(store, street, 'dibao.employmentReward');
      const values = new Set<unknown>();
      for (let d = 0; d <= 120; d++) {
        const expected = paramOn(store, street, 'dibao.employmentReward', on(d));
        expect(inForce(on(d))).toEqual(expected);
        values.add(expected?.value ?? null);
      }
      // every case was met: none yet, the street's own over the district's, a later district value
      expect([...values]).toEqual(street === TEST_STREET.code ? [null, 102000, 103000, 104000] : [null, 101000, 103000]);
    }
  });

  test('a past date needs a reason; unknown keys and bad values are refused; changes are audited', () => {
    const store = h.backend.store;
    expect(() => setParam(store, actor, { key: 'dibao.employmentReward', value: 1, effectiveFrom: '2026-01-01', partition: 'district' })).toThrow(
      /追溯调整须填写原因/,
    );
    expect(() => setParam(store, actor, { key: 'nope', value: 1, effectiveFrom: '2026-05-01', partition: 'district' })).toThrow(/未知/);
    expect(() => setParam(store, actor, { key: 'dibao.employmentReward', value: -5, effectiveFrom: '2026-05-01', partition: 'district' })).toThrow(
      /取值无效/,
    );
    setParam(store, actor, {
      key: 'dibao.employmentReward',
      value: 101000,
      effectiveFrom: '2026-01-01',
      partition: 'district',
      retroactiveReason: '补录年初调标',
    });
    const audit = store.prepare("SELECT summary, detail FROM audit_events WHERE action = 'policy.setParam' AND json_extract(detail, '$.key') = 'dibao.employmentReward'").all() as { detail: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ retroactiveReason: '补录年初调标' });
  });
});
