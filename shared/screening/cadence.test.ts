import { describe, expect, test } from 'vitest';
import * as cadence from './cadence';
import { CadencePolicySchema, dueState, nextDueOn, type CadencePolicy, type PersonFacts } from './cadence';
import { PARAM_DEFAULTS } from '../policy/defaults';

/** 重度残疾 as seeded (grades 1–2; grade 3 intellectual or mental). */
const SEVERE = {
  grades: PARAM_DEFAULTS.find((d) => d.key === 'disability.severeGrades')!.value as string[],
  grade3Categories: PARAM_DEFAULTS.find((d) => d.key === 'disability.severeGrade3Categories')!.value as string[],
};
const personCadence = (p: PersonFacts, pol: CadencePolicy) => cadence.personCadence(p, pol, SEVERE);
const householdCadence = (ms: PersonFacts[], pol: CadencePolicy) => cadence.householdCadence(ms, pol, SEVERE);
const personGroups = (p: PersonFacts, pol: CadencePolicy) => cadence.personGroups(p, pol, SEVERE);
const compileCadence = (pol: CadencePolicy) => cadence.compileCadence(pol, SEVERE);
import { SCREENING_LEDGER_DEFAULTS } from './policy-defaults';
import { valueInForce } from '../policy/in-force';

const policy = SCREENING_LEDGER_DEFAULTS[0].value;

function person(extra: Partial<PersonFacts> = {}): PersonFacts {
  return { age: 40, health: 'healthy', selfCare: 'full', disabilityCategory: null, disabilityGrade: null, householdCategories: ['dibao'], ...extra };
}

describe('screening cadence', () => {
  test('the default policy is valid data', () => {
    expect(CadencePolicySchema.safeParse(policy).success).toBe(true);
  });

  test('an ordinary covered adult is screened monthly; elderly and children weekly', () => {
    expect(personCadence(person(), policy)).toEqual({ cadence: 'monthly', because: ['covered'] });
    expect(personCadence(person({ age: 60 }), policy)).toEqual({ cadence: 'weekly', because: ['elderly'] });
    expect(personCadence(person({ age: 59 }), policy).cadence).toBe('monthly');
    expect(personCadence(person({ age: 17 }), policy)).toEqual({ cadence: 'weekly', because: ['child'] });
    expect(personCadence(person({ age: 18 }), policy).cadence).toBe('monthly');
  });

  test('a person in several groups takes the tightest cadence', () => {
    // Elderly (weekly), seriously ill (daily), severely disabled (daily), covered (monthly).
    const p = person({ age: 72, health: 'serious', disabilityCategory: '4', disabilityGrade: '1' });
    const d = personCadence(p, policy);
    expect(d.cadence).toBe('daily');
    expect(d.because).toEqual(['seriously-ill', 'severe-disabled']);
    // A child of a 事实无人抚养 household is both 一小 (weekly) and special (daily).
    expect(personCadence(person({ age: 9, householdCategories: ['unsupported-child'] }), policy).cadence).toBe('daily');
    // Grade 3 intellectual disability is 重度; grade 3 physical is not.
    expect(personCadence(person({ disabilityCategory: '5', disabilityGrade: '3' }), policy).cadence).toBe('daily');
    expect(personCadence(person({ disabilityCategory: '4', disabilityGrade: '3' }), policy).cadence).toBe('monthly');
  });

  test('the household is due when any member is: it takes its tightest member', () => {
    const hh = [person(), person({ age: 8 }), person({ age: 35 })];
    expect(householdCadence(hh, policy)).toEqual({ cadence: 'weekly', because: ['child'] });
    expect(householdCadence([person(), person({ age: 80, selfCare: 'none' })], policy).cadence).toBe('daily');
    expect(householdCadence([], policy).cadence).toBeNull();
  });

  test('a group without a rule is not screened for that group', () => {
    const onlyMonthly: CadencePolicy = { ...policy, rules: [{ group: 'covered', cadence: 'monthly' }] };
    expect(personCadence(person({ age: 90, health: 'serious' }), onlyMonthly).cadence).toBe('monthly');
    expect(personCadence(person(), { ...policy, rules: [] }).cadence).toBeNull();
  });

  test('a group rule changing on an effective date applies from that date only', () => {
    // From 2020-09-01 the street screens all elderly daily instead of weekly, and counts 65+ as elderly.
    const tightened: CadencePolicy = {
      ...policy,
      elderlyAge: 65,
      rules: policy.rules.map((r) => (r.group === 'elderly' ? { ...r, cadence: 'daily' as const } : r)),
    };
    const records = [
      { effectiveFrom: '2020-06-12', value: policy },
      { effectiveFrom: '2020-09-01', value: tightened },
    ];
    const p70 = person({ age: 70 });
    const p62 = person({ age: 62 });
    expect(valueInForce(records, '2020-06-11')).toBeNull();
    expect(personCadence(p70, valueInForce(records, '2020-08-31')!).cadence).toBe('weekly');
    expect(personCadence(p70, valueInForce(records, '2020-09-01')!).cadence).toBe('daily');
    expect(personCadence(p62, valueInForce(records, '2020-08-31')!).cadence).toBe('weekly');
    expect(personCadence(p62, valueInForce(records, '2020-09-01')!).cadence).toBe('monthly');
  });

  test('the next visit is due one interval after the last; never visited is due at once', () => {
    expect(nextDueOn('daily', '2020-07-03', '2020-06-01')).toBe('2020-07-04');
    expect(nextDueOn('weekly', '2020-07-03', '2020-06-01')).toBe('2020-07-10');
    expect(nextDueOn('monthly', '2020-01-31', '2020-01-01')).toBe('2020-02-29');
    expect(nextDueOn('monthly', null, '2020-06-15')).toBe('2020-06-15');
  });

  test('due state: overdue, today, later this week (ISO week ends Sunday), later', () => {
    // 2020-07-08 is a Wednesday.
    expect(dueState('2020-07-07', '2020-07-08')).toBe('overdue');
    expect(dueState('2020-07-08', '2020-07-08')).toBe('today');
    expect(dueState('2020-07-12', '2020-07-08')).toBe('week');
    expect(dueState('2020-07-13', '2020-07-08')).toBe('later');
  });
});

describe('compiled cadence', () => {
  test('agrees with personCadence on every combination of facts, under several policies', async () => {
    const { cadenceOfRank } = await import('./cadence');
    const policies: CadencePolicy[] = [
      policy,
      { ...policy, rules: [{ group: 'covered', cadence: 'monthly' }] },
      { ...policy, elderlyAge: 65, rules: policy.rules.map((r) => (r.group === 'child' ? { ...r, cadence: 'daily' as const } : r)) },
      { ...policy, rules: [...policy.rules, { group: 'left-behind' as const, cadence: 'weekly' as const }].filter((r) => r.group !== 'covered') },
    ];
    const cats = [[], ['lonely-elderly'], ['orphan'], ['tekun-home'], ['severe-disabled'], ['left-behind-child', 'left-behind-woman'], ['left-behind-elderly']];
    let checked = 0;
    for (const pol of policies) {
      const fast = compileCadence(pol);
      for (const age of [5, 17, 18, 40, 59, 60, 64, 65, 90])
        for (const health of ['healthy', 'serious'])
          for (const selfCare of ['full', 'partial', 'none'])
            for (const sex of ['male', 'female'] as const)
            for (const leftBehind of [false, true])
            for (const dis of [[null, null], ['4', '1'], ['5', '3'], ['4', '3']] as [string | null, string | null][])
              for (const c of cats) {
                const p = person({ age, health, selfCare, sex, leftBehind, disabilityCategory: dis[0], disabilityGrade: dis[1], householdCategories: c });
                expect(cadenceOfRank(fast(p, new Set(c)))).toBe(personCadence(p, pol).cadence);
                checked++;
              }
    }
    expect(checked).toBeGreaterThan(3000);
  });
});

test('the 留守 group is the persons with an open 留守 record: a household tag puts no one in it (its men least of all)', () => {
  const cats = ['left-behind-woman', 'left-behind-child', 'left-behind-elderly'];
  expect(personGroups(person({ age: 40, sex: 'male', householdCategories: cats }), policy)).not.toContain('left-behind');
  expect(personGroups(person({ age: 40, sex: 'female', householdCategories: cats }), policy)).not.toContain('left-behind');
  expect(personGroups(person({ age: 40, sex: 'female', householdCategories: [], leftBehind: true }), policy)).toContain('left-behind');
});

test('重度残疾 in the cadence is the dated definition the subsidies use: a wider grade-3 list puts a grade-3 physical disability in the daily group', () => {
  const p = person({ disabilityCategory: '4', disabilityGrade: '3' });
  expect(cadence.personCadence(p, policy, SEVERE).cadence).toBe('monthly');
  expect(cadence.personCadence(p, policy, { ...SEVERE, grade3Categories: [...SEVERE.grade3Categories, '4'] })).toEqual({ cadence: 'daily', because: ['severe-disabled'] });
});
