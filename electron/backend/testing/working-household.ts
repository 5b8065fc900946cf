/**
 * 赵建国's household, the worked example of the 核算 tests (the API's and the e2e 核算单): 户主 employed
 * with a wage of 1,500.00 (保洁) and a 赡养费 of 200.00, his wife without income. Less the 300.00 就业奖励
 * that is 700.00 a head, and 690.00 a month at the 1,045.00 standard.
 */
import type { InputOf } from '../../../shared/api/contract';
import { makeIdNumber } from '../../../shared/id-number';

export function workingHousehold(communityId: string): InputOf<'registry.createHousehold'> {
  return {
    household: { communityId, address: '詹滨西里7号楼3门201', hukouType: 'urban' },
    members: [
      {
        name: '赵建国',
        relation: '02',
        idNumber: makeIdNumber('120110', '19700101', 11),
        employment: 'employed',
        incomes: [
          { kind: 'wage', monthlyFen: 150000, note: '保洁' },
          { kind: 'transfer', monthlyFen: 20000, note: '赡养费' },
        ],
      },
      { name: '钱秀兰', relation: '10', idNumber: makeIdNumber('120110', '19720202', 22), incomes: [] },
    ],
  };
}
