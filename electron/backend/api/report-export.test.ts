/**
 * reports.exportMonthly and reports.trend through the API on a real street database (issue 15): the
 * file is the export of the month's report as reports.monthly builds it (same bytes), named by street
 * and month and audited; a month after the current one is refused; the trend has one point per month,
 * the current month (so far) last.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AppError } from '../../../shared/errors';
import { buildMonthlyReport } from '../services/reports/monthly';
import { monthlyWorkbookBytes } from '../services/reports/export-monthly';
import { readWorkbook } from '../testing/read-workbook';
import { makeHarness, TEST_STREET, type Harness } from '../testing/harness';

let h: Harness;
const now = new Date('2026-12-05T06:00:00Z'); // 14:00 in Shanghai, 5 December

beforeAll(async () => {
  h = await makeHarness({ now: () => now });
});
afterAll(() => h?.close());

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('reports.exportMonthly', () => {
  test('exports the month’s report as built for reports.monthly, named by street and month, audited', async () => {
    const file = await h.call('reports.exportMonthly', { month: '2026-11' });
    expect(file.fileName).toBe('张贵庄街道2026年11月调度报表.xlsx');
    const expected = await monthlyWorkbookBytes(buildMonthlyReport(h.backend.store, { streetCode: TEST_STREET.code, month: '2026-11' }));
    expect(Buffer.from(file.base64, 'base64').equals(expected)).toBe(true);
    const wb = await readWorkbook(file.base64);
    expect(String(wb.worksheets[0]!.getCell('A1').value)).toContain('张贵庄街道 2026年11月 调度报表（截至 2026-12-05 14:00）');
    const audit = h.backend.store.sqlite
      .prepare("SELECT summary, detail FROM audit_events WHERE action = 'reports.exportMonthly'")
      .all() as { summary: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toBe('导出张贵庄街道2026年11月调度报表');
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ streetCode: TEST_STREET.code, month: '2026-11' });
  });

  test('the current month so far is exported; a later month, or no month, is refused naming the field', async () => {
    const file = await h.call('reports.exportMonthly', { month: '2026-12' });
    const wb = await readWorkbook(file.base64);
    expect(String(wb.worksheets[0]!.getCell('A1').value)).toContain('本月至今');
    const later = await refusal(h.call('reports.exportMonthly', { month: '2027-01' }));
    expect(later.code).toBe('invalid-input');
    expect(later.field).toBe('month');
    expect(later.message).toContain('报表月份不能晚于本月');
    const missing = await refusal(h.call('reports.exportMonthly', {} as never));
    expect(missing.code).toBe('invalid-input');
    expect(missing.message).toContain('报表月份');
  });
});

describe('reports.trend', () => {
  test('one point per month, oldest first, the current month last and not complete', async () => {
    const points = await h.call('reports.trend', { months: 6 });
    expect(points.map((p) => p.month)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(points.map((p) => p.complete)).toEqual([true, true, true, true, true, false]);
    for (const [i, p] of points.entries()) {
      expect(p.measures, p.month).toEqual(buildMonthlyReport(h.backend.store, { streetCode: TEST_STREET.code, month: points[i]!.month }).measures);
    }
    expect(await h.call('reports.trend', { months: 12 })).toHaveLength(12);
  });

  test('fewer than 6 or more than 12 months are refused', async () => {
    for (const months of [5, 13]) {
      const e = await refusal(h.call('reports.trend', { months }));
      expect(e.code).toBe('invalid-input');
      expect(e.message).toMatch(/月数/);
    }
  });
});
