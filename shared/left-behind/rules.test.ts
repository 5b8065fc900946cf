import { describe, expect, test } from 'vitest';
import { ageOutOn, eligibilityProblem, isStale, updateDueOn } from './rules';
import type { AwayMember, LeftBehindDetails, LeftBehindParams } from './types';

const P: LeftBehindParams = { childAgeBelow: 16, womanAgeFrom: 18, elderlyAgeFrom: 60, spouseAwayMonths: 6, updateCadenceMonths: 3 };
const away = (relation: AwayMember['relation'], since = '2025-01-01'): AwayMember => ({ name: '外出人', relation, whereabouts: '北京市', since });
const details = (over: Partial<LeftBehindDetails>): LeftBehindDetails => ({
  reason: 'both-parents-away', reasonNote: null, away: [], guardianName: '张奶奶', guardianRelation: '祖母', guardianPhone: '13820001111',
  school: null, livingArrangement: null, notes: null, ...over,
});

describe('留守儿童', () => {
  const child = { sex: 'male' as const, birthDate: '2010-06-15' };
  const both = details({ away: [away('father'), away('mother')] });
  test('under the age limit: the day before the 16th birthday holds, the birthday does not', () => {
    expect(eligibilityProblem('child', child, both, '2026-06-14', P)).toBeNull();
    expect(eligibilityProblem('child', child, both, '2026-06-15', P)?.message).toMatch(/未满16周岁/);
    expect(ageOutOn(child.birthDate, 16)).toBe('2026-06-15');
    expect(ageOutOn('2008-02-29', 16)).toBe('2024-02-29');
    expect(ageOutOn('2008-02-29', 17)).toBe('2025-02-28');
  });
  test('both parents away needs the father and the mother among the away members', () => {
    expect(eligibilityProblem('child', child, details({ away: [away('father')] }), '2025-06-01', P)?.field).toBe('away');
  });
  test('one parent away and the other unable to care: the parent away and a note saying why', () => {
    const one = details({ reason: 'one-parent-away-other-unable', away: [away('mother')] });
    expect(eligibilityProblem('child', child, one, '2025-06-01', P)?.field).toBe('reasonNote');
    expect(eligibilityProblem('child', child, { ...one, reasonNote: '父亲重度残疾，无监护能力' }, '2025-06-01', P)).toBeNull();
    expect(eligibilityProblem('child', child, { ...one, away: [away('other')], reasonNote: 'x' }, '2025-06-01', P)?.field).toBe('away');
  });
  test('a guardian with a phone is required', () => {
    expect(eligibilityProblem('child', child, { ...both, guardianName: null }, '2025-06-01', P)?.field).toBe('guardianName');
    expect(eligibilityProblem('child', child, { ...both, guardianPhone: null }, '2025-06-01', P)?.field).toBe('guardianPhone');
  });
  test('a reason of another kind is refused', () => {
    expect(eligibilityProblem('child', child, { ...both, reason: 'spouse-away' }, '2025-06-01', P)?.field).toBe('reason');
  });
  test('an away member cannot be away from a day after the check', () => {
    expect(eligibilityProblem('child', child, details({ away: [away('father'), away('mother', '2025-06-02')] }), '2025-06-01', P)?.field).toBe('away.1.since');
  });
});

describe('留守妇女', () => {
  const woman = { sex: 'female' as const, birthDate: '1990-03-01' };
  const d = (since: string) => details({ reason: 'spouse-away', away: [away('spouse', since)], guardianName: null, guardianPhone: null });
  test('the spouse away six months exactly holds; one day short does not', () => {
    expect(eligibilityProblem('woman', woman, d('2025-12-15'), '2026-06-15', P)).toBeNull();
    expect(eligibilityProblem('woman', woman, d('2025-12-16'), '2026-06-15', P)?.message).toMatch(/满6个月/);
  });
  test('a man is never a 留守妇女 (the household tag put its men in the group)', () => {
    expect(eligibilityProblem('woman', { ...woman, sex: 'male' }, d('2024-01-01'), '2026-06-15', P)?.message).toMatch(/女性本人/);
  });
  test('from 18: the 18th birthday holds, the day before does not', () => {
    const young = { sex: 'female' as const, birthDate: '2008-06-15' };
    expect(eligibilityProblem('woman', young, d('2024-01-01'), '2026-06-15', P)).toBeNull();
    expect(eligibilityProblem('woman', young, d('2024-01-01'), '2026-06-14', P)?.field).toBe('personId');
  });
  test('without the spouse among the away members', () => {
    expect(eligibilityProblem('woman', woman, { ...d('2024-01-01'), away: [away('son')] }, '2026-06-15', P)?.field).toBe('away');
  });
});

describe('留守老年人', () => {
  const old = { sex: 'male' as const, birthDate: '1966-06-15' };
  const d = details({ reason: 'children-all-away', away: [away('son')], livingArrangement: 'alone', guardianName: null, guardianPhone: null });
  test('from 60: the 60th birthday holds, the day before does not', () => {
    expect(eligibilityProblem('elderly', old, d, '2026-06-15', P)).toBeNull();
    expect(eligibilityProblem('elderly', old, d, '2026-06-14', P)?.message).toMatch(/年满60周岁/);
  });
  test('the children away and living alone or with the spouse', () => {
    expect(eligibilityProblem('elderly', old, { ...d, away: [away('spouse')] }, '2026-06-15', P)?.field).toBe('away');
    expect(eligibilityProblem('elderly', old, { ...d, livingArrangement: null }, '2026-06-15', P)?.field).toBe('livingArrangement');
    expect(eligibilityProblem('elderly', old, { ...d, away: [away('daughter')], livingArrangement: 'with-spouse' }, '2026-06-15', P)).toBeNull();
  });
});

test('the update cadence: current through its last day, stale from the day after', () => {
  expect(updateDueOn('2026-03-15', 3)).toBe('2026-06-15');
  expect(isStale('2026-03-15', 3, '2026-06-15')).toBe(false);
  expect(isStale('2026-03-15', 3, '2026-06-16')).toBe(true);
  // Month ends clamp: updated 11-30, due 02-28 (or 02-29)
  expect(updateDueOn('2025-11-30', 3)).toBe('2026-02-28');
});
