/**
 * Time limits of the issue ledger. A limit is either hours (一级 急难: 24 hours from registration,
 * work plan 二(五)) or working days (二级: 3 working days), both effective-dated policy data
 * (`ledger.urgencyLimits`). Working days skip weekends and the holidays of the calendar
 * (`calendar.holidays`), and count the adjusted working weekends (调休上班) as working days. A
 * working-day limit ends at the end of the last working day, Shanghai time.
 */
import { z } from 'zod';
import { addDays, endOfShanghaiDay, isWeekend } from '../time/calendar-days';
import { shanghaiDate } from '../time/shanghai';
import { parseInstant } from '../text/vocabulary';

const dateList = z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期应为 YYYY-MM-DD 格式' })).max(400);

/** Value schema of `calendar.holidays`. */
export const HolidayCalendarSchema = z.strictObject({
  /** Days off (法定节假日及调休放假), weekdays or not. */
  holidays: dateList,
  /** Weekend days that are working days (调休上班). */
  workdays: dateList,
});
export type HolidayCalendar = z.output<typeof HolidayCalendarSchema>;

export const LimitSchema = z.strictObject({
  unit: z.enum(['hours', 'working-days']),
  amount: z.number().int().min(1).max(720),
});
export type Limit = z.output<typeof LimitSchema>;

export const URGENCY_GRADES = [
  { code: '1', label: '一级（急难）' },
  { code: '2', label: '二级' },
] as const;
export type UrgencyGrade = (typeof URGENCY_GRADES)[number]['code'];

/** Value schema of `ledger.urgencyLimits`: per grade, the limit to start verifying and to finish. */
export const UrgencyLimitsSchema = z.strictObject({
  '1': z.strictObject({ verify: LimitSchema, complete: LimitSchema }),
  '2': z.strictObject({ verify: LimitSchema, complete: LimitSchema }),
  /** Clues from the district or city bureau marked 立即核查: limit to verify. */
  immediateVerify: LimitSchema,
  /** After a referral is sent, remind to follow up if no reply within this limit. */
  referralFollowUp: LimitSchema,
});
export type UrgencyLimits = z.output<typeof UrgencyLimitsSchema>;

export const EMPTY_CALENDAR: HolidayCalendar = { holidays: [], workdays: [] };

export function isWorkingDay(date: string, cal: HolidayCalendar): boolean {
  if (cal.workdays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  return !isWeekend(date);
}

/** The nth working day after the date (the date itself is not counted). */
export function addWorkingDays(date: string, n: number, cal: HolidayCalendar): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) left -= 1;
  }
  return d;
}

/** The instant (ISO UTC) a limit ends when it starts at `fromIso`. */
export function deadlineAfter(fromIso: string, limit: Limit, cal: HolidayCalendar): string {
  if (limit.unit === 'hours') return new Date(Date.parse(fromIso) + limit.amount * 3_600_000).toISOString();
  return endOfShanghaiDay(addWorkingDays(shanghaiDate(new Date(fromIso)), limit.amount, cal));
}

/**
 * The instant as UTC `…Z`. An older PC may have stored (and synced) a deadline with its offset,
 * e.g. 2020-07-03T12:00:00+08:00: as text it sorts after 05:00Z though it is 04:00Z.
 */
export function utcInstant(iso: string): string {
  const r = parseInstant(iso);
  return r.ok ? r.iso : iso;
}

export function sameInstant(a: string, b: string): boolean {
  return utcInstant(a) === utcInstant(b);
}

/** The deadline an item runs against now: the earlier of the two while pending verification, else completion. */
export function currentDeadline(status: string, verifyDueAt: string, dueAt: string): string {
  const verify = utcInstant(verifyDueAt);
  const due = utcInstant(dueAt);
  return status === 'pending' && verify < due ? verify : due;
}

export interface Countdown {
  overdue: boolean;
  /** Milliseconds left (negative when overdue). */
  remainingMs: number;
  /** e.g. 剩余 5小时12分, 超期 1天3小时. */
  text: string;
}

export function countdown(dueIso: string, nowIso: string): Countdown {
  const remainingMs = Date.parse(dueIso) - Date.parse(nowIso);
  const overdue = remainingMs < 0;
  const abs = Math.abs(remainingMs);
  const days = Math.floor(abs / 86_400_000);
  const hours = Math.floor((abs % 86_400_000) / 3_600_000);
  const minutes = Math.floor((abs % 3_600_000) / 60_000);
  const span = days > 0 ? `${days}天${hours}小时` : hours > 0 ? `${hours}小时${minutes}分` : `${minutes}分`;
  return { overdue, remainingMs, text: overdue ? `超期 ${span}` : `剩余 ${span}` };
}

/**
 * The two deadlines of an item registered at `fromIso`: verification (the grade's own limit, or
 * the 立即核查 limit when that is earlier) and completion (the sender's deadline when given, else
 * the grade's limit); verification never after completion. Instants come back normalised (ISO UTC). The same rule for a clue item made at intake and for a 待登记线索
 * converted later (counted from its receipt, not from the conversion).
 */
export function itemDeadlines(
  fromIso: string,
  urgency: UrgencyGrade,
  immediate: boolean,
  senderDueAt: string | null | undefined,
  limits: UrgencyLimits,
  cal: HolidayCalendar,
): { verifyDueAt: string; dueAt: string } {
  const grade = limits[urgency];
  let dueAt = senderDueAt ? new Date(senderDueAt).toISOString() : deadlineAfter(fromIso, grade.complete, cal);
  // 立即核查 tightens, never loosens: the earlier of the grade's own limit and the immediate one.
  const own = deadlineAfter(fromIso, grade.verify, cal);
  const asap = immediate ? deadlineAfter(fromIso, limits.immediateVerify, cal) : own;
  let verifyDueAt = asap < own ? asap : own;
  if (verifyDueAt > dueAt) verifyDueAt = dueAt;
  if (dueAt < verifyDueAt) dueAt = verifyDueAt;
  return { verifyDueAt, dueAt };
}
