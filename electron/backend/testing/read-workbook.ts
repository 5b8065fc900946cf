/** Reads back an .xlsx file the API returned in base64 (an export, a template), for tests to look into. */
import ExcelJS from 'exceljs';

export async function readWorkbook(base64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}
