/**
 * What an uploaded workbook may hold, checked before and while it is read (README, “Excel 导入”).
 * ExcelJS holds a whole workbook in memory at roughly ten times its inflated XML, so these keep one
 * import well under ~500 MB even for a file built to exhaust it (a zip bomb, a lying archive).
 */

/** Data rows one import may hold (the template says so too). */
export const MAX_IMPORT_ROWS = 20_000;
/** Rows the parser holds at all, formatted empty rows included. */
export const MAX_PHYSICAL_ROWS = 100_000;
/** Cells in all worksheets together (20,000 rows of 40 columns; the template has 25). */
export const MAX_IMPORT_CELLS = 800_000;
/** Inflated size of all entries of the archive together, declared and actual. */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;
/** Worksheets in the workbook. */
export const MAX_SHEETS = 20;
/** Entries (parts) of the archive; a workbook from Excel or WPS has a few dozen. */
export const MAX_ZIP_ENTRIES = 1_000;
