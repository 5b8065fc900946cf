import { describe, expect, it } from 'vitest';
import { CreateHouseholdSchema, PersonInputSchema, PersonPatchSchema } from '../../../shared/registry/schemas';
import type { PersonDetail } from '../../../shared/registry/types';
import { emptyHead, emptyPerson, fromPersonDetail, monthlyIncomeFen, toPersonInput } from './person-values';
import { emptyHousehold, toHouseholdInput } from './household-values';

const filled = {
  ...emptyHead(),
  name: ' 张三 ',
  idNumber: '11010519491231002x',
  maritalStatus: 'widowed',
  disabilityCategory: '4',
  disabilityGrade: '2',
  incomes: [
    { kind: 'transfer', monthlyYuan: '1,010.5' },
    { kind: 'excluded', monthlyYuan: '300', note: ' 高龄津贴 ' },
  ],
  phone: '',
  notes: '  ',
};

describe('person form values', () => {
  it('converts to an input the contract accepts, money in fen', () => {
    const input = toPersonInput(filled);
    expect(input).toMatchObject({
      name: '张三',
      idNumber: '11010519491231002X',
      relation: '02',
      ethnicity: '01',
      incomes: [
        { kind: 'transfer', monthlyFen: 101050, note: null },
        { kind: 'excluded', monthlyFen: 30000, note: '高龄津贴' },
      ],
      phone: null,
      notes: null,
    });
    expect(PersonInputSchema.safeParse(input).success).toBe(true);
    expect(PersonPatchSchema.safeParse(input).success).toBe(true);
  });

  it('builds a valid create-household input from empty defaults', () => {
    const household = toHouseholdInput({
      ...emptyHousehold(),
      communityId: '0190f0a4-1234-7abc-8def-0123456789ab',
      address: '詹滨西里1号楼',
      bankAccount: '6222 0000 1111 2222',
    });
    expect(household.bankAccount).toBe('6222000011112222');
    const members = [toPersonInput(filled), toPersonInput({ ...emptyPerson('20'), name: '李四', idNumber: '440524198001010013' })];
    const r = CreateHouseholdSchema.safeParse({ household, members });
    expect(r.error?.issues).toBeUndefined();
  });

  it('round-trips a person detail', () => {
    const detail: PersonDetail = {
      id: 'p',
      householdId: 'h',
      name: '王五',
      idNumber: '440524188001010014',
      sex: 'male',
      birthDate: '1880-01-01',
      age: 144,
      relation: '02',
      ethnicity: null,
      maritalStatus: null,
      health: 'chronic',
      disabilityCategory: null,
      disabilityGrade: null,
      disabilityCardNumber: null,
      selfCare: 'partial',
      labourCapacity: 'none',
      employment: 'retired',
      incomes: [{ kind: 'wage', monthlyFen: 29, note: null }],
      monthlyIncomeFen: 29,
      phone: '13800000000',
      notes: null,
      diedOn: null,
      updatedAt: '',
    };
    const values = fromPersonDetail(detail);
    expect(values.incomes).toEqual([{ kind: 'wage', monthlyYuan: '0.29', note: undefined }]);
    expect(toPersonInput(values).incomes).toEqual([{ kind: 'wage', monthlyFen: 29, note: null }]);
  });

  it('sums the counted monthly income', () => {
    expect(monthlyIncomeFen(filled.incomes)).toBe(101050);
    expect(monthlyIncomeFen([{ kind: 'wage', monthlyYuan: 'x' }])).toBe(0);
  });
});
