import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../../../shared/id-number';
import { makeHarness, TEST_STREET, type Harness } from '../../testing/harness';
import { readWorkbook } from '../../testing/read-workbook';
import { exportHouseholds, HOUSEHOLD_COLUMNS, HOUSEHOLD_SHEET, MEMBER_COLUMNS, MEMBER_SHEET } from './excel-export';
import { systemActor } from '../setup/street';

const TEST_STREET_CODE = TEST_STREET.code;

let h: Harness;
let communities: { id: string; name: string }[];
beforeEach(async () => {
  h = await makeHarness({ now: () => new Date('2024-03-05T02:00:00Z') });
  communities = await h.call('org.listCommunities', {});
});
afterEach(() => h.close());

const HEAD_ID = makeIdNumber('120110', '19650312', 123);
const WIFE_ID = makeIdNumber('120110', '19680101', 224);
const OTHER_ID = makeIdNumber('120110', '19400101', 335);
// 19 digits: Excel would show 6.22848E+18 and keep only 15 significant digits if stored as a number.
const ACCOUNT = '6228480402564890018';

async function seed() {
  const zhang = await h.call('registry.createHousehold', {
    household: {
      communityId: communities[0]!.id,
      address: '詹滨西里3号楼2门301',
      hukouType: 'urban',
      phone: '13820001234',
      bankName: '天津农商银行',
      bankAccount: ACCOUNT,
      categories: ['dibao', 'severe-disabled'],
    },
    members: [
      { name: '张三', idNumber: HEAD_ID, relation: '02', incomes: [{ kind: 'wage', monthlyFen: 150050 }] },
      { name: '李梅', idNumber: WIFE_ID, relation: '12', disabilityCategory: '4', disabilityGrade: '2', ethnicity: '03' },
    ],
  });
  const wang = await h.call('registry.createHousehold', {
    household: { communityId: communities[1]!.id, address: '詹滨东里1号', hukouType: 'rural', categories: ['tekun-home'] },
    members: [{ name: '王五', idNumber: OTHER_ID, relation: '02' }],
  });
  return { zhang, wang };
}

function rowValues(ws: ExcelJS.Worksheet, n: number): unknown[] {
  return (ws.getRow(n).values as unknown[]).slice(1);
}

describe('registry.exportHouseholds', () => {
  test('writes households and members with full ID numbers and accounts as text, and audits the export', async () => {
    await seed();
    const file = await h.call('registry.exportHouseholds', {});
    expect(file.fileName).toBe('家庭名单_张贵庄街道_20240305.xlsx');
    const wb = await readWorkbook(file.base64);

    const hs = wb.getWorksheet(HOUSEHOLD_SHEET)!;
    expect(rowValues(hs, 1)).toEqual(HOUSEHOLD_COLUMNS.map((c) => c.header));
    expect(hs.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(hs.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(hs.autoFilter).toBe('A1:M3');
    expect(hs.rowCount).toBe(3);
    const zhangRow = rowValues(hs, 2);
    expect(zhangRow.slice(0, 12)).toEqual([
      '张三',
      HEAD_ID,
      communities[0]!.name,
      undefined,
      '詹滨西里3号楼2门301',
      '城镇',
      '13820001234',
      2,
      '低保、重度残疾人',
      '在册',
      '天津农商银行',
      ACCOUNT,
    ]);
    expect(hs.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(hs.getCell('L2').type).toBe(ExcelJS.ValueType.String);
    expect(hs.getCell('B2').numFmt).toBe('@');
    expect(String(zhangRow[12])).toMatch(/^2024-03-05 \d\d:\d\d$/);
    expect(rowValues(hs, 3).slice(0, 2)).toEqual(['王五', OTHER_ID]);

    const ms = wb.getWorksheet(MEMBER_SHEET)!;
    expect(rowValues(ms, 1)).toEqual(MEMBER_COLUMNS.map((c) => c.header));
    expect(ms.rowCount).toBe(4);
    const rows = [2, 3, 4].map((n) => rowValues(ms, n));
    const wife = rows.find((r) => r[2] === '李梅')!;
    expect(wife).toEqual([
      '詹滨西里3号楼2门301',
      '张三',
      '李梅',
      WIFE_ID,
      '女',
      '1968-01-01',
      56,
      '妻',
      '回族',
      '健康',
      '肢体残疾',
      '二级',
      `${WIFE_ID}42`,
      '具备生活自理能力',
      undefined,
      undefined,
      0,
    ]);
    const head = rows.find((r) => r[2] === '张三')!;
    expect(head[3]).toBe(HEAD_ID);
    expect(head[16]).toBe(1500.5);
    const incomeCell = ms.getRow(rows.indexOf(head) + 2).getCell(17);
    expect(incomeCell.numFmt).toBe('#,##0.00');

    const audit = await h.call('audit.list', { action: 'registry.export' });
    expect(audit.total).toBe(1);
    expect(audit.rows[0]).toMatchObject({ username: 'admin' });
    expect(audit.rows[0]!.summary).toContain('2户、3人');
  });

  test('respects the list filters, search included', async () => {
    await seed();
    const byCommunity = await readWorkbook((await h.call('registry.exportHouseholds', { communityId: communities[1]!.id })).base64);
    expect(byCommunity.getWorksheet(HOUSEHOLD_SHEET)!.rowCount).toBe(2);
    expect(rowValues(byCommunity.getWorksheet(HOUSEHOLD_SHEET)!, 2)[0]).toBe('王五');
    expect(byCommunity.getWorksheet(MEMBER_SHEET)!.rowCount).toBe(2);

    const bySearch = await readWorkbook((await h.call('registry.exportHouseholds', { q: 'limei' })).base64);
    expect(rowValues(bySearch.getWorksheet(HOUSEHOLD_SHEET)!, 2)[0]).toBe('张三');
    // The whole household is exported, not only the member who matched.
    expect(bySearch.getWorksheet(MEMBER_SHEET)!.rowCount).toBe(3);

    const none = await readWorkbook((await h.call('registry.exportHouseholds', { category: 'orphan' })).base64);
    expect(none.getWorksheet(HOUSEHOLD_SHEET)!.rowCount).toBe(1);
    expect(none.getWorksheet(MEMBER_SHEET)!.rowCount).toBe(1);
  });

  test('text a spreadsheet could take for a formula gets a leading apostrophe; numbers stay numbers', async () => {
    const { zhang } = await seed();
    await h.call('registry.updateHousehold', { id: zhang.id, patch: { address: '=HYPERLINK("http://evil.example","詹滨西里")', bankName: '+银行' } });
    const wb = await readWorkbook((await h.call('registry.exportHouseholds', {})).base64);
    const row = rowValues(wb.getWorksheet(HOUSEHOLD_SHEET)!, 2);
    expect(row[4]).toBe(`'=HYPERLINK("http://evil.example","詹滨西里")`);
    expect(row[10]).toBe("'+银行");
    expect(row[7]).toBe(2);
    const member = rowValues(wb.getWorksheet(MEMBER_SHEET)!, 2);
    expect(member[0]).toBe(`'=HYPERLINK("http://evil.example","詹滨西里")`);
    expect(typeof member[16]).toBe('number');
  });

  test('leaves out deleted households and members', async () => {
    const { zhang } = await seed();
    const wife = zhang.members.find((m) => m.name === '李梅')!;
    await h.call('registry.deletePerson', { id: wife.id, reason: '迁出' });
    const wb = await readWorkbook((await h.call('registry.exportHouseholds', {})).base64);
    expect(rowValues(wb.getWorksheet(HOUSEHOLD_SHEET)!, 2)[7]).toBe(1);
    expect(wb.getWorksheet(MEMBER_SHEET)!.rowCount).toBe(3);
  });

  test('the same data at the same instant gives the same bytes, however many households are read at a time; the file reads back', async () => {
    await seed();
    for (let i = 0; i < 3; i++) {
      await h.call('registry.createHousehold', {
        household: { communityId: communities[i % 2]!.id, address: `詹滨东里${i + 2}号`, hukouType: 'urban' },
        members: [{ name: `赵${i}`, idNumber: makeIdNumber('120110', '19700101', 400 + i), relation: '02' }],
      });
    }
    const whole = await h.call('registry.exportHouseholds', {});
    const oneByOne = await exportHouseholds(h.backend.store, systemActor(TEST_STREET_CODE), {}, undefined, 1);
    const byTwo = await exportHouseholds(h.backend.store, systemActor(TEST_STREET_CODE), {}, undefined, 2);
    expect(oneByOne.base64).toBe(whole.base64);
    expect(byTwo.base64).toBe(whole.base64);
    const wb = await readWorkbook(whole.base64);
    expect(wb.getWorksheet(HOUSEHOLD_SHEET)!.rowCount).toBe(6);
    expect(wb.getWorksheet(MEMBER_SHEET)!.rowCount).toBe(7);
    const names = [2, 3, 4, 5, 6, 7].map((n) => rowValues(wb.getWorksheet(MEMBER_SHEET)!, n)[2]);
    expect(names.sort()).toEqual(['张三', '李梅', '王五', '赵0', '赵1', '赵2'].sort());
  });
});
