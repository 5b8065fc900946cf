import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AppError } from '../../../shared/errors';
import { SCREENING_LEDGER_DEFAULTS } from '../../../shared/screening/policy-defaults';
import { makeWorld, type World } from '../testing/screening-fixtures';

let w: World;
// Wednesday 2020-07-08 09:00 Shanghai.
beforeEach(async () => {
  w = await makeWorld('2020-07-08T01:00:00.000Z');
});
afterEach(() => w.h.close());

async function refused(code: string, fn: () => Promise<unknown>) {
  const before = w.changeCount();
  const err = await fn().then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect(w.changeCount()).toBe(before);
  return err as AppError;
}

const [, limits, calendar] = SCREENING_LEDGER_DEFAULTS;
const item = (householdId: string, urgency: '1' | '2') =>
  w.h.call('ledger.create', { source: 'hotline', householdId, category: 'living', urgency, description: '生活困难' });

describe('screening policy: urgency limits and the holiday calendar, effective-dated', () => {
  test('一级 time limit: only the admin sets it; it applies from its date, not before', async () => {
    const hid = await w.household({ members: [{ name: '朱一', birth: '1950-01-01' }] });
    const shorter = { ...limits.value, '1': { ...limits.value['1'], complete: { unit: 'hours', amount: 12 } } };
    const cw = await w.caseworkerToken();
    await refused('forbidden', () => w.h.call('screening.setPolicy', { key: 'ledger.urgencyLimits', value: shorter, effectiveFrom: '2020-07-10' }, cw));
    const bad = await refused('invalid-input', () =>
      w.h.call('screening.setPolicy', { key: 'ledger.urgencyLimits', value: { ...shorter, '2': { ...shorter['2'], verify: { unit: 'days', amount: 1 } } }, effectiveFrom: '2020-07-10' }),
    );
    expect(bad.message).toBe('二级开始核查时限的单位取值无效');
    expect(bad.field).toBe('value.2.verify.unit');
    const p = await w.h.call('screening.setPolicy', { key: 'ledger.urgencyLimits', value: shorter, effectiveFrom: '2020-07-10', note: '街道加快办结' });
    expect(p.history.filter((r) => r.key === 'ledger.urgencyLimits').map((r) => r.effectiveFrom)).toEqual(['2020-07-10', '2020-06-12']);
    expect(p.inForce.find((r) => r.key === 'ledger.urgencyLimits')!.effectiveFrom).toBe('2020-06-12');
    expect((await item(hid, '1')).dueAt).toBe('2020-07-09T01:00:00.000Z'); // 24 hours: the new limit has not started
    await w.moveClock('2020-07-10T01:00:00.000Z');
    expect((await item(hid, '1')).dueAt).toBe('2020-07-10T13:00:00.000Z'); // 12 hours from its date
  });

  test('holiday calendar: refused for a caseworker and when invalid, writing nothing; a new holiday counts from its date', async () => {
    const hid = await w.household({ members: [{ name: '朱二', birth: '1950-01-01' }] });
    const withHoliday = { holidays: [...calendar.value.holidays, '2020-07-13'], workdays: calendar.value.workdays };
    const cw = await w.caseworkerToken();
    await refused('forbidden', () => w.h.call('screening.setPolicy', { key: 'calendar.holidays', value: withHoliday, effectiveFrom: '2020-07-10' }, cw));
    const bad = await refused('invalid-input', () =>
      w.h.call('screening.setPolicy', { key: 'calendar.holidays', value: { ...withHoliday, workdays: ['2020-07-15'] }, effectiveFrom: '2020-07-10' }),
    );
    expect(bad.message).toContain('调休上班日 2020-07-15 不是周末');
    await w.h.call('screening.setPolicy', { key: 'calendar.holidays', value: withHoliday, effectiveFrom: '2020-07-10' });
    // On Wednesday 07-08 the holiday is not yet in force for the calendar: Thu, Fri, Mon.
    expect((await item(hid, '2')).dueAt).toBe('2020-07-13T15:59:59.999Z');
    // From Friday 07-10: Mon 07-13 is a holiday, so Tue, Wed, Thu.
    await w.moveClock('2020-07-10T01:00:00.000Z');
    expect((await item(hid, '2')).dueAt).toBe('2020-07-16T15:59:59.999Z');
  });
});
