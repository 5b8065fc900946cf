/**
 * The monthly report's Excel export (issue 15), over the hand-built sample report: one sheet per
 * table named by its title, the street and month in the title row, Chinese headers, figures as
 * numbers with formats (元 with two decimals, percentages), the 口径 under each table, same bytes for
 * the same report.
 */
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { sampleMonthlyReport } from '../../../../shared/reports/testing/sample-report';
import { monthlyWorkbookBytes, ROW_LABEL_HEADER } from './export-monthly';

async function read(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The sheet's rows as plain values (row 1 first), empty cells as null. */
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = Array.from({ length: ws.columnCount }, (_, i) => row.getCell(i + 1).value ?? null);
  });
  return out;
}

describe('monthly report export', () => {
  const report = sampleMonthlyReport();

  test('one sheet per table, in the report’s order, named by the table’s title', async () => {
    const wb = await read(await monthlyWorkbookBytes(report));
    expect(wb.worksheets.map((s) => s.name)).toEqual(report.tables.map((t) => t.title));
    expect(wb.worksheets.map((s) => s.name)).toContain('排查覆盖');
  });

  test('the title row names the street, the month and the instant; Chinese headers; the 口径 under the table', async () => {
    const wb = await read(await monthlyWorkbookBytes(report));
    const ws = wb.getWorksheet('排查覆盖')!;
    const rows = rowsOf(ws);
    // asOf 2026-12-01T01:30Z is 09:30 in Shanghai.
    expect(rows[0]![0]).toBe('张贵庄街道 2026年11月 调度报表（截至 2026-12-01 09:30） 排查覆盖');
    expect(rows[1]).toEqual([ROW_LABEL_HEADER, '应走访', '已走访', '逾期未走访', '覆盖率']);
    expect(rows[2]).toEqual(['詹滨西里社区', 412, 398, 14, 0.966]);
    const total = rows.find((r) => r[0] === '合计')!;
    expect(total.slice(1, 4)).toEqual([1492, 1413, 79]);
    expect(total[4]).toBeCloseTo(0.9471, 4);
    expect(String(rows.at(-1)![0])).toBe(`口径：${report.tables[0]!.definition}`);
    expect(ws.getCell('E3').numFmt).toBe('0.0%');
    expect(ws.getCell('B3').numFmt).toBe('#,##0');
  });

  test('money in 元 with two decimals as numbers; a share that does not apply reads —', async () => {
    const wb = await read(await monthlyWorkbookBytes(report));
    const ws = wb.getWorksheet('临时救助')!;
    const rows = rowsOf(ws);
    expect(rows[1]).toEqual([ROW_LABEL_HEADER, '受理申请', '急难型', '24小时内审批', '24小时审批率', '发放金额（元）', '先行救助待补材料']);
    const transitional = rows.find((r) => r[0] === '过渡型')!;
    expect(transitional[5]).toBe(12600.5);
    expect(transitional[4]).toBe('—');
    const total = rows.find((r) => r[0] === '合计')!;
    expect(total[5]).toBe(36100.5);
    expect(ws.getCell(`F${rows.indexOf(total) + 1}`).numFmt).toBe('#,##0.00');
    expect(ws.getCell(`F${rows.indexOf(total) + 1}`).font?.bold).toBe(true);
    const programmes = rowsOf(wb.getWorksheet('低保、低保边缘、特困')!);
    expect(programmes.find((r) => r[0] === '低保')![6]).toBe(1080570);
  });

  test('the same report gives the same bytes; the current month says so in its title', async () => {
    const a = await monthlyWorkbookBytes(report);
    await new Promise((r) => setTimeout(r, 2100)); // past the zip's 2-second time step
    const b = await monthlyWorkbookBytes(sampleMonthlyReport());
    expect(b.equals(a)).toBe(true);
    const current = await read(await monthlyWorkbookBytes(sampleMonthlyReport({ month: '2026-12', complete: false, asOf: '2026-12-05T06:00:00.000Z' })));
    expect(current.worksheets[0]!.getCell('A1').value).toBe('张贵庄街道 2026年12月 调度报表（本月至今，截至 2026-12-05 14:00） 排查覆盖');
  });

  test('a report without tables still opens, with its title', async () => {
    const wb = await read(await monthlyWorkbookBytes(sampleMonthlyReport({ tables: [] })));
    expect(wb.worksheets).toHaveLength(1);
    expect(wb.worksheets[0]!.getCell('A1').value).toContain('张贵庄街道 2026年11月 调度报表');
  });
});
