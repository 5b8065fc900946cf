import { describe, expect, test } from 'vitest';
import { ageOn, parseIdNumber } from '../../../shared/id-number';
import { CreateHouseholdSchema } from '../../../shared/registry/schemas';
import type { AssistanceCategory } from '../../../shared/codes';
import { generateStreet, type DemoHousehold, type DemoPerson } from './generate';
import { luhnDigit } from './places';

const REF = '2026-06-15';
const street = generateStreet({ referenceDate: REF });
const persons = street.households.flatMap((h) => h.members);
const age = (p: DemoPerson) => ageOn(`${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`, REF);
const share = (data: DemoHousehold[], c: AssistanceCategory) => data.filter((h) => h.categories.includes(c)).length / data.length;
const head = (h: DemoHousehold) => h.members.find((m) => m.relation === '02')!;

describe('generateStreet', () => {
  test('is deterministic for a seed and reference date', () => {
    const a = generateStreet({ seed: 7, households: 300, referenceDate: REF });
    const b = generateStreet({ seed: 7, households: 300, referenceDate: REF });
    const c = generateStreet({ seed: 8, households: 300, referenceDate: REF });
    expect(b).toEqual(a);
    expect(c.households.map((h) => h.address)).not.toEqual(a.households.map((h) => h.address));
    // The default street is the same each time too.
    expect(generateStreet({ referenceDate: REF }).households.slice(0, 50)).toEqual(street.households.slice(0, 50));
  });

  test('makes the default street: the demo 张贵庄街道（演示） under a code of no real street, about 2,000 households and 5,000 persons', () => {
    expect(street.street).toEqual({ code: '999999001000', name: '张贵庄街道（演示）', officeName: '张贵庄街道公共服务办公室（演示）' });
    expect(street.households).toHaveLength(2000);
    expect(persons.length).toBeGreaterThan(4500);
    expect(persons.length).toBeLessThan(5800);
  });

  test('communities have 1–3 grids, each with a grid worker and a mobile phone', () => {
    expect(street.communities.map((c) => c.name)).toContain('詹滨西里社区');
    for (const c of street.communities) {
      expect(c.grids.length).toBeGreaterThanOrEqual(1);
      expect(c.grids.length).toBeLessThanOrEqual(3);
      for (const g of c.grids) {
        expect(g.workerName).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
        expect(g.workerPhone).toMatch(/^1[3-9]\d{9}$/);
      }
      expect(new Set(c.grids.map((g) => g.name)).size).toBe(c.grids.length);
    }
    for (const h of street.households) expect(street.communities[h.community]!.grids[h.grid]).toBeDefined();
  });

  test('every ID number is valid, unique, and agrees with sex by relation', () => {
    const seen = new Set<string>();
    const male = new Set(['11', '20', '51']);
    const female = new Set(['12', '30', '52']);
    for (const p of persons) {
      const r = parseIdNumber(p.idNumber, REF);
      expect(r.ok, p.idNumber).toBe(true);
      if (!r.ok) continue;
      expect(seen.has(p.idNumber)).toBe(false);
      seen.add(p.idNumber);
      if (male.has(p.relation)) expect(r.info.sex).toBe('male');
      if (female.has(p.relation)) expect(r.info.sex).toBe('female');
      expect(p.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
    }
    const dongli = persons.filter((p) => p.idNumber.startsWith('120110')).length / persons.length;
    expect(dongli).toBeGreaterThan(0.6);
    expect(dongli).toBeLessThan(0.95);
    expect(persons.some((p) => /^12(?!0110)/.test(p.idNumber))).toBe(true);
    expect(persons.some((p) => !p.idNumber.startsWith('12'))).toBe(true);
  });

  test('ages fit the relation to the head', () => {
    for (const h of street.households) {
      const heads = h.members.filter((m) => m.relation === '02');
      expect(heads).toHaveLength(1);
      const hAge = age(heads[0]!);
      expect(hAge).toBeGreaterThanOrEqual(35);
      expect(hAge).toBeLessThanOrEqual(85);
      const spouse = h.members.find((m) => m.relation === '11' || m.relation === '12');
      if (spouse) expect(Math.abs(age(spouse) - hAge)).toBeLessThanOrEqual(10);
      for (const m of h.members) {
        const a = age(m);
        if (m.relation === '20' || m.relation === '30') {
          expect(hAge - a).toBeGreaterThanOrEqual(18);
          expect(hAge - a).toBeLessThanOrEqual(45);
          if (spouse) expect(age(spouse) - a).toBeGreaterThanOrEqual(16);
        }
        if (m.relation === '40') expect(hAge - a).toBeGreaterThanOrEqual(36);
        if (m.relation === '51' || m.relation === '52') {
          expect(a - hAge).toBeGreaterThanOrEqual(18);
          expect(a).toBeGreaterThanOrEqual(60);
        }
      }
    }
  });

  test('employment, labour capacity and incomes agree with age', () => {
    for (const p of persons) {
      const a = age(p);
      if (a < 6) expect(p.employment).toBe('preschool');
      else if (a < 18) expect(p.employment).toBe('student');
      if (p.employment === 'retired') expect(a).toBeGreaterThanOrEqual(55);
      if (p.employment === 'employed' || p.employment === 'flexible') expect(a).toBeGreaterThanOrEqual(18);
      if (a < 16) expect(p.labourCapacity).toBe('none');
      if (p.disabilityGrade === '1') expect(p.labourCapacity).toBe('none');
      expect(!!p.disabilityCategory).toBe(!!p.disabilityGrade);
      for (const i of p.incomes) {
        expect(Number.isInteger(i.monthlyFen)).toBe(true);
        expect(i.monthlyFen).toBeGreaterThan(0);
        if (i.kind === 'wage') expect(['employed', 'flexible']).toContain(p.employment);
      }
      if (p.employment === 'retired') expect(p.incomes.some((i) => i.kind === 'transfer')).toBe(true);
      if (p.employment === 'employed') expect(p.incomes.some((i) => i.kind === 'wage')).toBe(true);
    }
    const byEmployment = (e: string) => persons.filter((p) => p.employment === e).length;
    for (const e of ['preschool', 'student', 'employed', 'flexible', 'unemployed-registered', 'retired', 'none']) {
      expect(byEmployment(e), e).toBeGreaterThan(20);
    }
    expect(persons.some((p) => p.incomes.some((i) => i.kind === 'excluded'))).toBe(true);
  });

  test('health, disability and self-care are in plausible proportions', () => {
    const disabled = persons.filter((p) => p.disabilityGrade).length / persons.length;
    expect(disabled).toBeGreaterThan(0.05);
    expect(disabled).toBeLessThan(0.11);
    const healthy = persons.filter((p) => p.health === 'healthy').length / persons.length;
    expect(healthy).toBeGreaterThan(0.5);
    expect(persons.some((p) => p.health === 'serious')).toBe(true);
    const dependent = (p: DemoPerson) => p.selfCare !== 'full';
    const elderly = persons.filter((p) => age(p) >= 75);
    const young = persons.filter((p) => age(p) >= 18 && age(p) < 50 && !p.disabilityGrade);
    expect(elderly.filter(dependent).length / elderly.length).toBeGreaterThan(young.filter(dependent).length / young.length);
  });

  test('assistance categories come in realistic proportions and follow the members', () => {
    const hs = street.households;
    expect(share(hs, 'dibao')).toBeGreaterThan(0.4);
    expect(share(hs, 'dibao')).toBeLessThan(0.7);
    expect(share(hs, 'dibao-edge')).toBeGreaterThan(0.15);
    expect(share(hs, 'dibao-edge')).toBeLessThan(0.4);
    expect(share(hs, 'tekun-home')).toBeGreaterThan(0.03);
    expect(share(hs, 'tekun-home')).toBeLessThan(0.15);
    expect(share(hs, 'tekun-institution')).toBeGreaterThan(0);
    expect(share(hs, 'tekun-institution')).toBeLessThan(0.03);
    expect(share(hs, 'orphan')).toBeLessThan(0.03);
    expect(share(hs, 'unsupported-child')).toBeLessThan(0.03);
    expect(share(hs, 'severe-disabled')).toBeGreaterThan(0.03);
    for (const h of hs) {
      const c = new Set(h.categories);
      if (c.has('severe-disabled')) expect(h.members.some((m) => m.disabilityGrade === '1' || m.disabilityGrade === '2')).toBe(true);
      if (c.has('poor-disabled')) expect(h.members.some((m) => m.disabilityGrade)).toBe(true);
      if (c.has('tekun-home') || c.has('tekun-institution')) {
        expect(h.members).toHaveLength(1);
        expect(h.members[0]!.labourCapacity).toBe('none');
      }
      if (c.has('lonely-elderly')) expect(h.members.some((m) => age(m) >= 60)).toBe(true);
      if (c.has('orphan') || c.has('unsupported-child')) expect(h.members.some((m) => age(m) < 18)).toBe(true);
      if ([...c].some((x) => x.startsWith('left-behind'))) expect(h.hukouType).toBe('rural');
      expect(c.has('dibao') && c.has('dibao-edge')).toBe(false);
    }
    const watch = hs.filter((h) => h.status === 'watch').length / hs.length;
    expect(watch).toBeGreaterThan(0);
    expect(watch).toBeLessThan(0.1);
    expect(hs.every((h) => h.status === 'active' || h.status === 'watch')).toBe(true);
  });

  test('left-behind households are mostly in villages', () => {
    const jlc = generateStreet({ streetCode: '120110008000', referenceDate: REF });
    const villages = new Set(jlc.communities.flatMap((c, i) => (c.kind === 'village' ? [i] : [])));
    expect(villages.size).toBeGreaterThan(0);
    const lb = jlc.households.filter((h) => h.categories.some((c) => c.startsWith('left-behind')));
    expect(lb.length).toBeGreaterThan(50);
    expect(lb.filter((h) => villages.has(h.community)).length / lb.length).toBeGreaterThan(0.7);
    for (const h of jlc.households) {
      if (villages.has(h.community)) expect(h.address).toMatch(/^.+村.+\d+号$/);
    }
    expect(jlc.households.filter((h) => villages.has(h.community)).filter((h) => h.hukouType === 'rural').length).toBeGreaterThan(0);
  });

  test('addresses, phones and bank accounts are well formed', () => {
    const stems = street.communities.map((c) => c.name.replace(/社区$/, ''));
    expect(new Set(street.households.map((h) => h.address)).size).toBe(street.households.length);
    for (const h of street.households) {
      expect(h.address.startsWith(stems[h.community]!)).toBe(true);
      expect(h.address).toMatch(/\d+号楼\d门\d{3,4}$/);
      if (h.categories.includes('dibao')) {
        expect(h.bankName).toMatch(/银行$/);
        expect(h.bankAccount).toMatch(/^\d{16,19}$/);
        expect(luhnDigit(h.bankAccount!.slice(0, -1))).toBe(h.bankAccount!.slice(-1));
        expect(h.accountHolder).toBe(head(h).name);
      }
      // Everything passes the API's own input schema.
      const { community: _c, grid: _g, kind: _k, members, ...household } = h;
      const parsed = CreateHouseholdSchema.safeParse({
        household: { ...household, communityId: '0190a8e2-6b1c-7cc0-8a5e-0123456789ab', gridId: null },
        members,
      });
      if (!parsed.success) throw new Error(`${h.address}: ${JSON.stringify(parsed.error.issues)}`);
    }
    expect(street.households.filter((h) => h.phone).length / street.households.length).toBeGreaterThan(0.8);
  });

  test('rejects a street code outside Dongli', () => {
    expect(() => generateStreet({ streetCode: '110101001000' })).toThrow(/unknown Dongli street/);
  });
});
