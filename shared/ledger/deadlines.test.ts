import { describe, expect, test } from 'vitest';
import { addWorkingDays, countdown, currentDeadline, deadlineAfter, HolidayCalendarSchema, isWorkingDay, itemDeadlines, sameInstant, UrgencyLimitsSchema, utcInstant } from './deadlines';
import { SCREENING_LEDGER_DEFAULTS } from '../screening/policy-defaults';

const limits = SCREENING_LEDGER_DEFAULTS[1].value;
const calendar = SCREENING_LEDGER_DEFAULTS[2].value;
const none = { holidays: [], workdays: [] };

describe('ledger deadlines', () => {
  test('the defaults are valid data', () => {
    expect(UrgencyLimitsSchema.safeParse(limits).success).toBe(true);
    expect(HolidayCalendarSchema.safeParse(calendar).success).toBe(true);
  });

  test('一级: 24 hours from registration, to the minute, whatever the day', () => {
    // Saturday 2020-07-04 15:30 Shanghai = 07:30Z.
    expect(deadlineAfter('2020-07-04T07:30:00.000Z', limits['1'].complete, calendar)).toBe('2020-07-05T07:30:00.000Z');
    // Across midnight and a holiday it is still 24 hours.
    expect(deadlineAfter('2020-09-30T15:59:00.000Z', limits['1'].complete, calendar)).toBe('2020-10-01T15:59:00.000Z');
  });

  test('二级: 3 working days skip the weekend and end at the end of the day, Shanghai time', () => {
    // Friday 2020-07-03 10:00 Shanghai -> Mon, Tue, Wed -> Wednesday 2020-07-08 23:59:59.999 +08:00.
    expect(deadlineAfter('2020-07-03T02:00:00.000Z', limits['2'].complete, calendar)).toBe('2020-07-08T15:59:59.999Z');
    // Registered Friday 23:30 Shanghai (15:30Z, still Friday there) -> same deadline.
    expect(deadlineAfter('2020-07-03T15:30:00.000Z', limits['2'].complete, calendar)).toBe('2020-07-08T15:59:59.999Z');
    // Registered 00:30 Saturday Shanghai (Friday 16:30Z) -> Mon, Tue, Wed as well.
    expect(deadlineAfter('2020-07-03T16:30:00.000Z', limits['2'].complete, calendar)).toBe('2020-07-08T15:59:59.999Z');
  });

  test('working days skip holidays and count adjusted working weekends (调休)', () => {
    // Dragon Boat 2020: Thu 06-25 to Sat 06-27 off, Sunday 06-28 a working day.
    expect(isWorkingDay('2020-06-25', calendar)).toBe(false);
    expect(isWorkingDay('2020-06-28', calendar)).toBe(true);
    // From Wednesday 06-24: 06-28 (Sun, 调休), 06-29 (Mon), 06-30 (Tue).
    expect(addWorkingDays('2020-06-24', 3, calendar)).toBe('2020-06-30');
    // Without the calendar: Thu, Fri, Mon.
    expect(addWorkingDays('2020-06-24', 3, none)).toBe('2020-06-29');
    // National Day 2020: registered Wed 09-30 -> 10-09 (Fri), 10-10 (Sat, 调休), 10-12 (Mon).
    expect(addWorkingDays('2020-09-30', 3, calendar)).toBe('2020-10-12');
    // Registered on a holiday: counting starts from the next working day.
    expect(deadlineAfter('2020-10-03T02:00:00.000Z', limits['2'].complete, calendar)).toBe('2020-10-12T15:59:59.999Z');
  });

  test('an edited holiday calendar moves the deadline', () => {
    const extra = { holidays: ['2020-07-06'], workdays: [] };
    expect(addWorkingDays('2020-07-03', 3, none)).toBe('2020-07-08');
    expect(addWorkingDays('2020-07-03', 3, extra)).toBe('2020-07-09');
  });

  test('countdowns say what is left or how long overdue', () => {
    expect(countdown('2020-07-05T07:30:00.000Z', '2020-07-04T07:30:00.000Z')).toMatchObject({ overdue: false, text: '剩余 1天0小时' });
    expect(countdown('2020-07-05T07:30:00.000Z', '2020-07-05T05:00:00.000Z').text).toBe('剩余 2小时30分');
    const late = countdown('2020-07-05T07:30:00.000Z', '2020-07-05T09:31:00.000Z');
    expect(late).toMatchObject({ overdue: true, text: '超期 2小时1分' });
    expect(late.remainingMs).toBeLessThan(0);
  });
});

describe('立即核查 never loosens a deadline', () => {
  const at = '2020-07-08T01:00:00.000Z'; // Wednesday 09:00 Shanghai

  test('a grade-1 item marked 立即核查 keeps its own 4-hour start of check, not the 24-hour immediate limit', () => {
    const plain = itemDeadlines(at, '1', false, null, limits, none);
    const immediate = itemDeadlines(at, '1', true, null, limits, none);
    expect(plain.verifyDueAt).toBe('2020-07-08T05:00:00.000Z');
    expect(immediate.verifyDueAt).toBe(plain.verifyDueAt);
  });

  test('a grade-2 item marked 立即核查 is checked within the immediate limit when that is earlier than its own', () => {
    const tight = { ...limits, '2': { ...limits['2'], verify: { unit: 'working-days' as const, amount: 3 } } };
    expect(itemDeadlines(at, '2', false, null, tight, none).verifyDueAt).toBe('2020-07-13T15:59:59.999Z');
    expect(itemDeadlines(at, '2', true, null, tight, none).verifyDueAt).toBe('2020-07-09T01:00:00.000Z');
  });

  test("a sender's deadline is normalised and bounds the check", () => {
    const r = itemDeadlines(at, '1', true, '2020-07-08T11:00:00+08:00', limits, none);
    expect(r).toEqual({ verifyDueAt: '2020-07-08T03:00:00.000Z', dueAt: '2020-07-08T03:00:00.000Z' });
  });
});

test('二级 over the 2021 Spring Festival: the seeded calendar skips 02-11..17 and counts Saturday 02-20 (调休上班)', () => {
  // Wednesday 2021-02-10 10:00 Shanghai: 02-18, 02-19 and the working Saturday 02-20.
  expect(deadlineAfter('2021-02-10T02:00:00.000Z', limits['2'].complete, calendar)).toBe('2021-02-20T15:59:59.999Z');
});

test('an offset instant is the same deadline as its UTC form, compared as an instant', () => {
  expect(utcInstant('2020-07-03T12:00:00+08:00')).toBe('2020-07-03T04:00:00.000Z');
  expect(sameInstant('2020-07-04T10:00:00+08:00', '2020-07-04T02:00:00.000Z')).toBe(true);
  // As text the offset form sorts after 05:00Z; as an instant it is the earlier one.
  expect(currentDeadline('pending', '2020-07-03T12:00:00+08:00', '2020-07-03T05:00:00.000Z')).toBe('2020-07-03T04:00:00.000Z');
  expect(currentDeadline('verifying', '2020-07-03T12:00:00+08:00', '2020-07-03T05:00:00.000Z')).toBe('2020-07-03T05:00:00.000Z');
});
