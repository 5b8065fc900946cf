/**
 * The workbook of a list export: one sheet per table with a title row (street, list and date) above
 * a styled header row; written with a fixed instant so the same list gives the same bytes.
 */
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { fixZipDates } from '../files/fixed-zip-dates';
import { inertRow, styleHeaderRow, TEXT_FORMAT } from '../registry/excel-cells';

export const YUAN_FORMAT = '#,##0.00';

export interface ListColumn {
  header: string;
  width: number;
  /** Kept as text in Excel (ID numbers). */
  text?: boolean;
  numFmt?: string;
}

export function listWorkbook(stamp: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.created = stamp;
  wb.modified = stamp;
  wb.creator = 'Doudi Desk';
  wb.lastModifiedBy = 'Doudi Desk';
  return wb;
}

/** A sheet whose first row is `title` across every column and whose second row holds the headers. */
export function titledSheet(wb: ExcelJS.Workbook, name: string, title: string, columns: ListColumn[]): Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = columns.map((c) => ({ width: c.width, style: c.text ? { numFmt: TEXT_FORMAT } : c.numFmt ? { numFmt: c.numFmt } : {} }));
  const titleRow = ws.addRow([title]);
  ws.mergeCells(1, 1, 1, columns.length);
  titleRow.font = { bold: true, size: 14 };
  titleRow.alignment = { horizontal: 'center', vertical: 'middle' };
  titleRow.height = 26;
  styleHeaderRow(ws.addRow(columns.map((c) => c.header)));
  return ws;
}

export function addDataRow(ws: Worksheet, values: unknown[]): void {
  ws.addRow(inertRow(values));
}

export function addTotalRow(ws: Worksheet, values: unknown[]): void {
  ws.addRow(values).font = { bold: true };
}

export async function workbookBytes(wb: ExcelJS.Workbook, stamp: Date): Promise<Buffer> {
  return fixZipDates(Buffer.from(await wb.xlsx.writeBuffer()), stamp);
}

/** The start of a Shanghai calendar day, as an instant. */
export function shanghaiDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}
