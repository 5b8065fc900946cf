import { describe, expect, test } from 'vitest';
import { checkPolicyValue } from './policy-check';
import { SCREENING_LEDGER_DEFAULTS } from './policy-defaults';

const [cadence, limits, calendar] = SCREENING_LEDGER_DEFAULTS;

describe('checkPolicyValue names the field in Chinese', () => {
  test('the defaults pass', () => {
    for (const d of SCREENING_LEDGER_DEFAULTS) expect(checkPolicyValue(d.key as never, d.value).ok).toBe(true);
  });
  test('cadence', () => {
    expect(checkPolicyValue('screening.cadence', { ...cadence.value, elderlyAge: 30 })).toMatchObject({ ok: false, field: 'value.elderlyAge', message: '老年人年龄起点不能小于40' });
    expect(checkPolicyValue('screening.cadence', { ...cadence.value, rules: cadence.value.rules.filter((r) => r.group !== 'covered') })).toMatchObject({ ok: false, field: 'value.rules' });
    const bad = { ...cadence.value, rules: [...cadence.value.rules, { group: 'covered', cadence: 'weekly' }] };
    expect(checkPolicyValue('screening.cadence', bad)).toMatchObject({ ok: false, message: expect.stringContaining('每个群体只能设置一种排查频次') });
  });
  test('urgency limits', () => {
    const v = { ...limits.value, '1': { ...limits.value['1'], complete: { unit: 'hours', amount: 0 } } };
    expect(checkPolicyValue('ledger.urgencyLimits', v)).toMatchObject({ ok: false, field: 'value.1.complete.amount', message: '一级（急难）办结时限的数值不能小于1' });
  });
  test('holiday calendar: real dates, 调休 only on weekends and not also a holiday; sorted without repeats', () => {
    expect(checkPolicyValue('calendar.holidays', { holidays: ['2027-02-30'], workdays: [] })).toMatchObject({ ok: false, message: '法定节假日第1个日期 2027-02-30 不是有效日期' });
    expect(checkPolicyValue('calendar.holidays', { holidays: [], workdays: ['2027-02-10'] })).toMatchObject({ ok: false, field: 'value.workdays.0', message: expect.stringContaining('不是周末') });
    expect(checkPolicyValue('calendar.holidays', { holidays: ['2027-02-13'], workdays: ['2027-02-13'] })).toMatchObject({ ok: false, message: expect.stringContaining('同时登记为法定节假日') });
    expect(checkPolicyValue('calendar.holidays', { holidays: ['2027-x'], workdays: [] })).toMatchObject({ ok: false, message: '法定节假日第1个日期应为 YYYY-MM-DD 格式的日期' });
    expect(checkPolicyValue('calendar.holidays', { holidays: ['2027-10-02', '2027-10-01', '2027-10-02'], workdays: [] })).toEqual({ ok: true, value: { holidays: ['2027-10-01', '2027-10-02'], workdays: [] } });
    expect(checkPolicyValue('calendar.holidays', calendar.value).ok).toBe(true);
  });
});
