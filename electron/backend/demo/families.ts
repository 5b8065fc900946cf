/**
 * Household compositions of the demo street: who lives together (relation to the head, sex, age,
 * surname, marital status), before the persons' circumstances are filled in. Ages keep families
 * plausible: heads 35–85, spouses within a few years, children 21–38 years younger than their
 * mother, grandchildren a generation further, parents of the head elderly.
 */
import type { Sex } from '../../../shared/id-number';
import type { RelationCode } from '../../../shared/codes';
import { pickSurname } from './names';
import { weighted, type Rng } from './random';

export type FamilyKind =
  | 'single-elderly'
  | 'single-adult'
  | 'elderly-couple'
  | 'nuclear'
  | 'single-parent'
  | 'three-generation'
  | 'grandparents'
  | 'with-parents'
  | 'couple';

export type Marital = 'married' | 'single' | 'divorced' | 'widowed';

export interface Skeleton {
  relation: RelationCode;
  sex: Sex;
  age: number;
  surname: string;
  marital: Marital;
  /** The reason a single adult household is in need: a disability or a serious illness. */
  frail?: boolean;
}

const URBAN_KINDS: [FamilyKind, number][] = [
  ['single-elderly', 19],
  ['single-adult', 10],
  ['elderly-couple', 14],
  ['nuclear', 25],
  ['single-parent', 9],
  ['three-generation', 9],
  ['grandparents', 5],
  ['with-parents', 7],
  ['couple', 2],
];

/** Villages keep more elderly and grandparent households (the young work in town). */
const VILLAGE_KINDS: [FamilyKind, number][] = [
  ['single-elderly', 17],
  ['single-adult', 7],
  ['elderly-couple', 18],
  ['nuclear', 22],
  ['single-parent', 6],
  ['three-generation', 13],
  ['grandparents', 10],
  ['with-parents', 5],
  ['couple', 2],
];

const pickUrbanKind = weighted(URBAN_KINDS);
const pickVillageKind = weighted(VILLAGE_KINDS);

export function pickFamilyKind(rng: Rng, village: boolean): FamilyKind {
  return village ? pickVillageKind(rng) : pickUrbanKind(rng);
}

function clamp(v: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, v));
}

function other(sex: Sex): Sex {
  return sex === 'male' ? 'female' : 'male';
}

function head(rng: Rng, sex: Sex, minAge: number, maxAge: number, marital: Marital): Skeleton {
  return { relation: '02', sex, age: rng.int(minAge, maxAge), surname: pickSurname(rng), marital };
}

/** Wife (12) or husband (11) of the head, a few years apart, husbands usually older. */
function spouse(rng: Rng, h: Skeleton, minAge = 22, maxAge = 90): Skeleton {
  const gap = rng.int(-2, 6);
  const age = clamp(h.sex === 'male' ? h.age - gap : h.age + gap, minAge, maxAge);
  return { relation: h.sex === 'male' ? '12' : '11', sex: other(h.sex), age, surname: pickSurname(rng), marital: 'married' };
}

function mothersAge(...parents: Skeleton[]): number {
  const mother = parents.find((p) => p.sex === 'female') ?? parents[0]!;
  return mother.age;
}

/** Sons (20) and daughters (30), 21–38 years younger than their mother, within [minAge, maxAge]. */
function children(rng: Rng, count: number, motherAge: number, surname: string, minAge: number, maxAge: number): Skeleton[] {
  const out: Skeleton[] = [];
  for (let i = 0; i < count; i++) {
    const sex: Sex = rng.chance(0.5) ? 'male' : 'female';
    const age = clamp(motherAge - rng.int(21, 38), minAge, Math.min(maxAge, motherAge - 21));
    if (age < 0) continue;
    out.push({ relation: sex === 'male' ? '20' : '30', sex, age, surname, marital: age >= 24 && rng.chance(0.3) ? 'divorced' : 'single' });
  }
  return out;
}

/** Grandchildren (40) of the head. */
function grandchildren(rng: Rng, count: number, parentAge: number, surname: string, minAge: number, maxAge: number): Skeleton[] {
  const out: Skeleton[] = [];
  for (let i = 0; i < count; i++) {
    const age = clamp(parentAge - rng.int(22, 34), minAge, maxAge);
    if (age < 0) continue;
    out.push({ relation: '40', sex: rng.chance(0.5) ? 'male' : 'female', age, surname, marital: 'single' });
  }
  return out;
}

const childCount = weighted([
  [1, 60],
  [2, 35],
  [3, 5],
]);

export function makeFamily(rng: Rng, kind: FamilyKind): Skeleton[] {
  switch (kind) {
    case 'single-elderly': {
      const sex: Sex = rng.chance(0.6) ? 'female' : 'male';
      const marital = weighted<Marital>([['widowed', 75], ['divorced', 10], ['single', 15]])(rng);
      return [head(rng, sex, 60, 85, marital)];
    }
    case 'single-adult': {
      const sex: Sex = rng.chance(0.62) ? 'male' : 'female';
      const marital = weighted<Marital>([['single', 50], ['divorced', 35], ['widowed', 15]])(rng);
      return [{ ...head(rng, sex, 35, 59, marital), frail: true }];
    }
    case 'elderly-couple': {
      const h = head(rng, 'male', 62, 85, 'married');
      return [h, spouse(rng, h, 58, 88)];
    }
    case 'couple': {
      const h = head(rng, 'male', 40, 60, 'married');
      const s = spouse(rng, h, 35);
      if (rng.chance(0.5)) h.frail = true;
      else s.frail = true;
      return [h, s];
    }
    case 'nuclear': {
      const h = head(rng, rng.chance(0.85) ? 'male' : 'female', 35, 55, 'married');
      const s = spouse(rng, h, 30);
      const father = h.sex === 'male' ? h : s;
      return [h, s, ...children(rng, childCount(rng), mothersAge(h, s), father.surname, 0, 30)];
    }
    case 'single-parent': {
      const h = head(rng, rng.chance(0.75) ? 'female' : 'male', 35, 52, rng.chance(0.65) ? 'divorced' : 'widowed');
      return [h, ...children(rng, rng.chance(0.7) ? 1 : 2, h.sex === 'female' ? h.age : h.age - 2, h.surname, 2, 24)];
    }
    case 'three-generation': {
      const h = head(rng, 'male', 56, 78, 'married');
      const s = spouse(rng, h, 50);
      const members = [h, s];
      const viaDaughter = rng.chance(0.15);
      const adultAge = clamp(mothersAge(h, s) - rng.int(22, 32), 24, 48);
      const child: Skeleton = viaDaughter
        ? { relation: '30', sex: 'female', age: adultAge, surname: h.surname, marital: 'married' }
        : { relation: '20', sex: 'male', age: adultAge, surname: h.surname, marital: 'married' };
      // 儿媳 or 女婿: 其他亲属 (80) in the two-digit list used here.
      const inLaw: Skeleton = {
        relation: '80',
        sex: other(child.sex),
        age: clamp(child.age + rng.int(-3, 3), 22, 50),
        surname: pickSurname(rng),
        marital: 'married',
      };
      const childFather = child.sex === 'male' ? child : inLaw;
      const childMother = child.sex === 'female' ? child : inLaw;
      members.push(child, inLaw, ...grandchildren(rng, rng.chance(0.7) ? 1 : 2, childMother.age, childFather.surname, 0, 20));
      return members;
    }
    case 'grandparents': {
      const h = head(rng, rng.chance(0.7) ? 'male' : 'female', 60, 80, 'married');
      const members = [h];
      if (rng.chance(0.65)) members.push(spouse(rng, h, 56));
      else h.marital = 'widowed';
      // Grandchildren 3–16 whose parents are absent (work away, dead, in prison…).
      members.push(...grandchildren(rng, rng.chance(0.75) ? 1 : 2, h.age - rng.int(22, 30), h.surname, 3, 16));
      return members;
    }
    case 'with-parents': {
      const h = head(rng, rng.chance(0.55) ? 'male' : 'female', 40, 60, 'single');
      const members = [h];
      if (rng.chance(0.4)) {
        h.marital = 'married';
        const s = spouse(rng, h, 35);
        members.push(s);
        if (rng.chance(0.5)) members.push(...children(rng, 1, mothersAge(h, s), h.sex === 'male' ? h.surname : s.surname, 5, 30));
      } else {
        h.marital = weighted<Marital>([['single', 55], ['divorced', 35], ['widowed', 10]])(rng);
      }
      const both = rng.chance(0.35);
      const fatherAge = clamp(h.age + rng.int(24, 34), 62, 95);
      const motherAge = clamp(h.age + rng.int(22, 32), 60, 95);
      const fatherSurname = h.sex === 'male' || rng.chance(0.9) ? h.surname : pickSurname(rng);
      if (both || rng.chance(0.35)) {
        members.push({ relation: '51', sex: 'male', age: fatherAge, surname: fatherSurname, marital: both ? 'married' : 'widowed' });
      }
      if (both || members.every((m) => m.relation !== '51')) {
        members.push({ relation: '52', sex: 'female', age: motherAge, surname: pickSurname(rng), marital: both ? 'married' : 'widowed' });
      }
      return members;
    }
  }
}
