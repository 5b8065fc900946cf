import { describe, expect, test } from 'vitest';
import { subsidyEntitlements } from './index';

const severeDisability = { grades: ['1', '2'], grade3Categories: ['5', '6'] };
const params = { disabilityLivingSubsidyCategories: ['dibao', 'dibao-edge'], severeDisability };
const ON = '2026-05-01';
const none = { categories: [] as string[] };

describe('subsidyEntitlements (应补尽补)', () => {
  test('an orphan under 18 gets the orphan allowance; on the 18th birthday it ends', () => {
    expect(subsidyEntitlements({ birthDate: '2010-05-02', isOrphan: true }, none, ON, params)).toEqual(['orphan-allowance']);
    expect(subsidyEntitlements({ birthDate: '2008-05-01', isOrphan: true }, none, ON, params)).toEqual([]);
    expect(subsidyEntitlements({ birthDate: '2008-05-02', isOrphan: true }, none, ON, params)).toEqual(['orphan-allowance']);
  });

  test('a de-facto unsupported child under 18 gets that allowance, unless an orphan (who gets the orphan one)', () => {
    expect(subsidyEntitlements({ birthDate: '2015-01-01', isUnsupportedChild: true }, none, ON, params)).toEqual([
      'unsupported-child-allowance',
    ]);
    expect(subsidyEntitlements({ birthDate: '2015-01-01', isUnsupportedChild: true, isOrphan: true }, none, ON, params)).toEqual([
      'orphan-allowance',
    ]);
  });

  test('living subsidy: a certificate holder in a household of a named category (default 低保, 低保边缘)', () => {
    const p = { birthDate: '1970-01-01', disabilityCategory: '4', disabilityGrade: '4' };
    expect(subsidyEntitlements(p, { categories: ['dibao'] }, ON, params)).toEqual(['disability-living-subsidy']);
    expect(subsidyEntitlements(p, { categories: ['dibao-edge'] }, ON, params)).toEqual(['disability-living-subsidy']);
    expect(subsidyEntitlements(p, { categories: ['tekun-home'] }, ON, params)).toEqual([]);
    expect(subsidyEntitlements(p, { categories: ['tekun-home'] }, ON, { disabilityLivingSubsidyCategories: ['tekun-home'], severeDisability })).toEqual([
      'disability-living-subsidy',
    ]);
    // no certificate, no subsidy
    expect(subsidyEntitlements({ birthDate: '1970-01-01', disabilityCategory: '4' }, { categories: ['dibao'] }, ON, params)).toEqual([]);
  });

  test('care subsidy: grade 1 or 2 of any category, grade 3 only for intellectual or mental disability', () => {
    const g = (category: string, grade: string) => subsidyEntitlements({ birthDate: '1960-01-01', disabilityCategory: category, disabilityGrade: grade }, none, ON, params);
    expect(g('4', '1')).toEqual(['severe-disability-care-subsidy']);
    expect(g('1', '2')).toEqual(['severe-disability-care-subsidy']);
    expect(g('5', '3')).toEqual(['severe-disability-care-subsidy']);
    expect(g('6', '3')).toEqual(['severe-disability-care-subsidy']);
    expect(g('4', '3')).toEqual([]);
    expect(g('5', '4')).toEqual([]);
  });

  test('the severe-disability definition comes from the parameters, not from code', () => {
    const p = { birthDate: '1960-01-01', disabilityCategory: '6', disabilityGrade: '3' };
    const narrower = { ...params, severeDisability: { grades: ['1'], grade3Categories: ['5'] } };
    expect(subsidyEntitlements(p, none, ON, narrower)).toEqual([]);
    expect(subsidyEntitlements({ ...p, disabilityCategory: '4', disabilityGrade: '2' }, none, ON, narrower)).toEqual([]);
    expect(subsidyEntitlements({ ...p, disabilityCategory: '5' }, none, ON, narrower)).toEqual(['severe-disability-care-subsidy']);
  });

  test('a grade-1 disabled person in a 低保 household is entitled to both subsidies', () => {
    expect(
      subsidyEntitlements({ birthDate: '1960-01-01', disabilityCategory: '4', disabilityGrade: '1' }, { categories: ['dibao'] }, ON, params),
    ).toEqual(['disability-living-subsidy', 'severe-disability-care-subsidy']);
  });
});
