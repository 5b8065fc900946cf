import { describe, expect, test } from 'vitest';
import {
  agreementInForce,
  agreementStatusOn,
  assessSelfCare,
  countsAsVisit,
  evaluateFourHaves,
  formatCardNumber,
  institutionalCareSuggestion,
  parseCardNumber,
  renewalReminder,
  type FourHavesInput,
} from './rules';
import { addMonths, zhDate } from './dates';

const ALL_MET = { eating: true, dressing: true, bed: true, toileting: true, walking: true, bathing: true };

describe('self-care assessment (DOMAIN §2.4)', () => {
  test('all six met → 具备, care level 自理', () => {
    expect(assessSelfCare(ALL_MET)).toEqual({ level: 'full', careLevel: 'self-care', failed: [] });
  });
  test('1 to 3 failed → 部分丧失 / 半失能', () => {
    expect(assessSelfCare({ ...ALL_MET, bathing: false }).level).toBe('partial');
    const three = assessSelfCare({ ...ALL_MET, bathing: false, walking: false, bed: false });
    expect(three).toEqual({ level: 'partial', careLevel: 'semi-disabled', failed: ['bed', 'walking', 'bathing'] });
  });
  test('4 or more failed → 完全丧失 / 失能', () => {
    const four = assessSelfCare({ ...ALL_MET, bathing: false, walking: false, bed: false, dressing: false });
    expect(four.level).toBe('none');
    expect(four.careLevel).toBe('disabled');
    const six = assessSelfCare(Object.fromEntries(Object.keys(ALL_MET).map((k) => [k, false])));
    expect(six.failed).toHaveLength(6);
    expect(six.level).toBe('none');
  });
  test('an indicator not assessed is refused', () => {
    expect(() => assessSelfCare({ eating: true })).toThrow(/not assessed/);
  });
});

describe('agreements', () => {
  const a = { status: 'signed' as const, startDate: '2026-01-01', endDate: '2026-12-31' };
  test('signed past the end date reads as expired; draft and terminated stay', () => {
    expect(agreementStatusOn(a, '2026-12-31')).toBe('signed');
    expect(agreementStatusOn(a, '2027-01-01')).toBe('expired');
    expect(agreementStatusOn({ ...a, status: 'draft' }, '2027-01-01')).toBe('draft');
    expect(agreementStatusOn({ ...a, status: 'terminated' }, '2026-03-01')).toBe('terminated');
  });
  test('in force only when signed and inside the term', () => {
    expect(agreementInForce(a, '2025-12-31')).toBe(false);
    expect(agreementInForce(a, '2026-06-01')).toBe(true);
    expect(agreementInForce(a, '2027-01-01')).toBe(false);
    expect(agreementInForce({ ...a, status: 'draft' }, '2026-06-01')).toBe(false);
  });
  test('renewal reminder inside the window before the end date', () => {
    expect(renewalReminder(a, '2026-11-30', 30)).toEqual({ due: false, daysLeft: 31, remindFrom: '2026-12-01' });
    expect(renewalReminder(a, '2026-12-01', 30).due).toBe(true);
    expect(renewalReminder(a, '2026-12-31', 30)).toMatchObject({ due: true, daysLeft: 0 });
    expect(renewalReminder(a, '2027-01-01', 30).due).toBe(false);
    expect(renewalReminder({ ...a, status: 'terminated' }, '2026-12-10', 30).due).toBe(false);
  });
});

describe('card numbers', () => {
  test('format and parse round-trip, with the PC number', () => {
    const n = formatCardNumber('120110001000', 2026, 3, 7);
    expect(n).toBe('ZL-120110001000-2026-03-0007');
    expect(parseCardNumber(n)).toEqual({ streetCode: '120110001000', year: 2026, deviceNo: 3, seq: 7 });
    expect(formatCardNumber('120110001000', 2026, 0, 1)).toBe('ZL-120110001000-2026-00-0001');
    expect(parseCardNumber('ZL-120110001000-2026-123-0001')).toMatchObject({ deviceNo: 123 });
  });
  test('two PCs of one street never make the same number', () => {
    expect(formatCardNumber('120110001000', 2026, 1, 5)).not.toBe(formatCardNumber('120110001000', 2026, 2, 5));
  });
  test('numbers of the first format still parse', () => {
    expect(parseCardNumber('ZL-120110001000-20260007')).toEqual({ streetCode: '120110001000', year: 2026, deviceNo: null, seq: 7 });
  });
  test('rejects malformed numbers and out-of-range sequences', () => {
    expect(parseCardNumber('ZL-12011000100-20260007')).toBeNull();
    expect(parseCardNumber('ZL-120110001000-20260000')).toBeNull();
    expect(parseCardNumber('ZL-120110001000-2026-01-0000')).toBeNull();
    expect(parseCardNumber('XX-120110001000-2026-01-0001')).toBeNull();
    expect(() => formatCardNumber('120110001000', 2026, 1, 10000)).toThrow();
    expect(() => formatCardNumber('120110001000', 2026, -1, 1)).toThrow();
    expect(() => formatCardNumber('1201', 2026, 1, 1)).toThrow();
  });
});

describe('dates', () => {
  test('addMonths clamps to the month end; zhDate', () => {
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2020-06-12', 12)).toBe('2021-06-12');
    expect(zhDate('2020-06-12')).toBe('2020年6月12日');
  });
});

describe('"四有" evaluation: one test per gap', () => {
  const ON = '2026-06-15';
  const complete: FourHavesInput = {
    agreement: { status: 'signed', startDate: '2026-01-01', endDate: '2026-12-31' },
    card: { validFrom: '2026-01-01', validTo: '2026-12-31', serviceItems: ['daily-care'], visitIntervalDays: 30 },
    lastVisitDate: '2026-06-01',
    visitIntervalDays: 30,
    plan: { contacts: 1, hospital: '东丽医院', actions: '拨打120并通知社区' },
  };
  const gapsOf = (patch: Partial<FourHavesInput>) => evaluateFourHaves({ ...complete, ...patch }, ON).gaps.map((g) => g.code);

  test('a complete person has no gap', () => {
    const r = evaluateFourHaves(complete, ON);
    expect(r.gaps).toEqual([]);
    expect(r.ok).toEqual({ agreement: true, standard: true, visits: true, plan: true });
    expect(r.nextVisitDue).toBe('2026-07-01');
  });
  test('agreement-missing', () => expect(gapsOf({ agreement: null })).toEqual(['agreement-missing']));
  test('agreement-draft', () =>
    expect(gapsOf({ agreement: { ...complete.agreement!, status: 'draft' } })).toEqual(['agreement-draft']));
  test('agreement-expired', () =>
    expect(gapsOf({ agreement: { ...complete.agreement!, endDate: '2026-06-14' } })).toEqual(['agreement-expired']));
  test('agreement-terminated', () => {
    const r = evaluateFourHaves(
      { ...complete, agreement: { ...complete.agreement!, status: 'terminated', terminatedDate: '2026-05-01' } },
      ON,
    );
    expect(r.gaps).toEqual([{ have: 'agreement', code: 'agreement-terminated', message: '照料协议已于2026年5月1日解除，未重新签订' }]);
    expect(r.ok.agreement).toBe(false);
  });
  test('agreement-not-started', () =>
    expect(gapsOf({ agreement: { ...complete.agreement!, startDate: '2026-07-01' } })).toEqual(['agreement-not-started']));
  test('card-missing', () => expect(gapsOf({ card: null })).toEqual(['card-missing']));
  test('card-expired', () => expect(gapsOf({ card: { ...complete.card!, validTo: '2026-06-14' } })).toEqual(['card-expired']));
  test('card-no-standard', () => {
    expect(gapsOf({ card: { ...complete.card!, serviceItems: [] } })).toEqual(['card-no-standard']);
    expect(gapsOf({ card: { ...complete.card!, visitIntervalDays: null } })).toEqual(['card-no-standard']);
  });
  test('visit-none', () => expect(gapsOf({ lastVisitDate: null })).toEqual(['visit-none']));
  test('visit-overdue: the interval counts from the last visit, the due day itself is still in time', () => {
    expect(gapsOf({ lastVisitDate: '2026-05-16' })).toEqual([]);
    const r = evaluateFourHaves({ ...complete, lastVisitDate: '2026-05-15' }, ON);
    expect(r.gaps.map((g) => g.code)).toEqual(['visit-overdue']);
    expect(r.gaps[0]!.message).toContain('2026年5月15日');
    expect(r.ok.visits).toBe(false);
  });
  test('plan-missing', () => expect(gapsOf({ plan: null })).toEqual(['plan-missing']));
  test('plan-incomplete names what is missing', () => {
    const r = evaluateFourHaves({ ...complete, plan: { contacts: 0, hospital: null, actions: 'x' } }, ON);
    expect(r.gaps).toEqual([{ have: 'plan', code: 'plan-incomplete', message: '应急预案缺少紧急联系人、就近医院' }]);
  });
  test('several gaps at once are all listed, in the order of the four', () => {
    expect(gapsOf({ agreement: null, card: null, lastVisitDate: null, plan: null })).toEqual([
      'agreement-missing',
      'card-missing',
      'visit-none',
      'plan-missing',
    ]);
  });
  test('purchased meal or cleaning help alone is not a 探访; a purchased 随访 is', () => {
    expect(countsAsVisit({ visitorKind: 'social-org', services: ['meal', 'cleaning'] })).toBe(false);
    expect(countsAsVisit({ visitorKind: 'social-org', services: ['follow-up'] })).toBe(true);
    expect(countsAsVisit({ visitorKind: 'community', services: ['meal'] })).toBe(true);
  });
});

describe('建议纳入集中供养', () => {
  const base = { visitDate: '2026-06-01', careFailed: true, conditionsPoor: true, noOtherCarer: true };
  test('suggested when the caregiver failed, conditions are bad and no other carer, with the reason', () => {
    expect(institutionalCareSuggestion(base)).toEqual({
      suggested: true,
      reason: '2026年6月1日探访发现：照料服务人未尽照料责任，生活条件恶劣，且无其他照料人',
    });
  });
  test('not suggested when any of the three conditions is absent, or with no visit', () => {
    expect(institutionalCareSuggestion({ ...base, careFailed: false }).suggested).toBe(false);
    expect(institutionalCareSuggestion({ ...base, conditionsPoor: false }).suggested).toBe(false);
    expect(institutionalCareSuggestion({ ...base, noOtherCarer: false }).suggested).toBe(false);
    expect(institutionalCareSuggestion(null)).toEqual({ suggested: false, reason: null });
  });
});
