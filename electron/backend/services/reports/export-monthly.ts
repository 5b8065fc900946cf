/**
 * The monthly 调度 report as .xlsx (issue 15): one sheet per table, named by the table's title; the
 * street, month and instant in a title row; Chinese headers; figures as numbers with a number format
 * (money in 元 with two decimals, shares as percentages); the table's 口径 under it. The file is dated
 * the report's instant, so the same report gives the same bytes.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FileOut } from '../../../../shared/registry/types';
import type { MonthlyReport, ReportColumn, ReportRow, ReportTable } from '../../../../shared/reports/monthly-report';
import { columnHeader, monthText, NOT_APPLICABLE, reportTitle } from '../../../../shared/reports/format';
import { fixZipDates } from '../files/fixed-zip-dates';
import type { Actor, Store } from '../../store/store';
import { inertText, safeFileName, styleHeaderRow, toFileOut } from '../registry/excel-cells';
import { buildMonthlyReport } from './monthly';

export const ROW_LABEL_HEADER = '项目';

const NUM_FORMATS: Record<ReportColumn['unit'], string> = { count: '#,##0', fen: '#,##0.00', bp: '0.0%' };

/** A cell's value as a spreadsheet number: 元 for fen, a fraction for basis points; null stays empty. */
export function sheetNumber(column: ReportColumn, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (column.unit === 'fen') return value / 100;
  if (column.unit === 'bp') return value / 10000;
  return value;
}

/** Excel refuses \ / ? * [ ] : in sheet names and more than 31 characters; names must differ. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[\\/?*[\]:]/g, '·').slice(0, 31) || '报表';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 28)}(${i})`;
  taken.add(name);
  return name;
}

function addTableSheet(wb: ExcelJS.Workbook, report: MonthlyReport, table: ReportTable, name: string): void {
  const width = table.columns.length + 1;
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 24 }, ...table.columns.map((c) => ({ width: Math.max(12, columnHeader(c).length * 2 + 2) }))];

  ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.value = `${reportTitle(report)} ${table.title}`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 26;

  const head = ws.getRow(2);
  head.values = [ROW_LABEL_HEADER, ...table.columns.map(columnHeader)];
  styleHeaderRow(head);

  const writeRow = (r: ReportRow, bold: boolean) => {
    const row = ws.addRow([inertText(r.label), ...table.columns.map((c) => sheetNumber(c, r.cells[c.key]) ?? NOT_APPLICABLE)]);
    table.columns.forEach((c, i) => {
      const cell = row.getCell(i + 2);
      if (typeof cell.value === 'number') cell.numFmt = NUM_FORMATS[c.unit];
      else cell.alignment = { horizontal: 'right' };
    });
    if (bold) row.font = { bold: true };
  };
  for (const r of table.rows) writeRow(r, false);
  if (table.total) writeRow(table.total, true);
  if (table.rows.length === 0) ws.addRow(['本月无数据']);

  ws.addRow([]);
  const defRow = ws.addRow([`口径：${table.definition}`]);
  ws.mergeCells(defRow.number, 1, defRow.number, width);
  defRow.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  // Wrapped text does not grow the row by itself: about 2 characters per unit of column width.
  const chars = (ws.columns ?? []).reduce((s, c) => s + (c.width ?? 10), 0) / 2;
  defRow.height = 16 * Math.max(1, Math.ceil((table.definition.length + 3) / chars));
}

export async function monthlyWorkbookBytes(report: MonthlyReport): Promise<Buffer> {
  const stamp = new Date(report.asOf);
  const wb = new ExcelJS.Workbook();
  wb.creator = '兜底保障工作台';
  wb.lastModifiedBy = '兜底保障工作台';
  wb.created = stamp;
  wb.modified = stamp;
  const taken = new Set<string>();
  for (const table of report.tables) addTableSheet(wb, report, table, sheetName(table.title, taken));
  if (report.tables.length === 0) {
    // A workbook needs a sheet to open: the title and why it is empty.
    const ws = wb.addWorksheet('调度报表');
    ws.addRow([reportTitle(report)]).font = { bold: true, size: 14 };
    ws.addRow(['本月报表尚无统计表。']);
  }
  return fixZipDates(Buffer.from(await wb.xlsx.writeBuffer()), stamp);
}

/** Builds the street's report for the month and exports it; audited with the file's digest. */
export async function exportMonthly(store: Store, actor: Actor, input: { streetCode: string; month: string }): Promise<FileOut> {
  const report = buildMonthlyReport(store, input);
  const bytes = await monthlyWorkbookBytes(report);
  const name = `${report.street.name}${monthText(report.month)}调度报表`;
  store.audit(actor, {
    action: 'reports.exportMonthly',
    summary: `导出${name}`,
    entity: 'streets',
    entityId: null,
    detail: { streetCode: report.street.code, month: report.month, asOf: report.asOf, sha256: createHash('sha256').update(bytes).digest('hex') },
  });
  return toFileOut(safeFileName(`${name}.xlsx`), bytes);
}
