import { describe, expect, test } from 'vitest';
import { makeIdNumber } from '../id-number';
import { relationAgeWarnings } from './relation-age';

// The 17th digit is odd for a man: sequences 123 (odd) and 224 (even).
const man = (birth: string) => makeIdNumber('120110', birth, 123);
const woman = (birth: string) => makeIdNumber('120110', birth, 224);
const head = { name: '张建国', idNumber: man('19550312'), relation: '02' };

describe('relation and age plausibility', () => {
  test('a son born before the 户主 is questioned (issue 18: 子 born 1950 under a 户主 born 1955)', () => {
    const w = relationAgeWarnings([head, { name: '张小军', idNumber: man('19500101'), relation: '20' }]);
    expect(w).toEqual(['“张小军”（子，出生于 1950-01-01）比户主（出生于 1955-03-12）年长']);
  });

  test('a plausible family gives no warning', () => {
    expect(
      relationAgeWarnings([
        head,
        { name: '李秀英', idNumber: woman('19580701'), relation: '12' },
        { name: '张伟', idNumber: man('19800101'), relation: '20' },
        { name: '张丽', idNumber: woman('19830101'), relation: '30' },
        { name: '张小明', idNumber: man('20080101'), relation: '40' },
        { name: '张老汉', idNumber: man('19300101'), relation: '51' },
        { name: '王老太', idNumber: woman('19320101'), relation: '52' },
        { name: '张太爷', idNumber: man('19100101'), relation: '60' },
      ]),
    ).toEqual([]);
  });

  test('too small a generation gap, a younger parent, a grandchild close in age', () => {
    const w = relationAgeWarnings([
      head,
      { name: '甲', idNumber: woman('19650101'), relation: '30' },
      { name: '乙', idNumber: man('19600101'), relation: '50' },
      { name: '丙', idNumber: man('19700101'), relation: '40' },
      { name: '丁', idNumber: man('19450101'), relation: '60' },
    ]);
    expect(w).toEqual([
      '“甲”（女，出生于 1965-01-01）只比户主（出生于 1955-03-12）小 9 岁',
      '“乙”（父母，出生于 1960-01-01）比户主（出生于 1955-03-12）年轻',
      '“丙”（孙子女，出生于 1970-01-01）只比户主（出生于 1955-03-12）小 14 岁',
      '“丁”（祖父母，出生于 1945-01-01）只比户主（出生于 1955-03-12）大 10 岁',
    ]);
  });

  test('a sex that contradicts 夫/妻/子/女/父亲/母亲', () => {
    const w = relationAgeWarnings([head, { name: '李梅', idNumber: man('19580101'), relation: '12' }, { name: '张芳', idNumber: man('19800101'), relation: '30' }]);
    expect(w).toEqual(['“李梅”（妻，出生于 1958-01-01）的身份证号码为男性，与“妻”不符', '“张芳”（女，出生于 1980-01-01）的身份证号码为男性，与“女”不符']);
  });

  test('no 户主, an unreadable ID number or a relation without expectation: nothing to say', () => {
    expect(relationAgeWarnings([{ name: '子', idNumber: man('19500101'), relation: '20' }])).toEqual([]);
    expect(relationAgeWarnings([head, { name: '错', idNumber: '120110195001011234', relation: '20' }])).toEqual([]);
    expect(relationAgeWarnings([head, { name: '友', idNumber: man('19500101'), relation: '99' }, { name: '兄', idNumber: man('19400101'), relation: '70' }])).toEqual([]);
  });
});
