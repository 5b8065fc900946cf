/**
 * Reads an uploaded import workbook in a short-lived thread of its own (excel-read-worker.ts), so
 * that the backend's thread keeps answering calls while ExcelJS parses: measured at 20,000 rows,
 * the parse held the backend for 1–4 s in one stretch; in a thread it holds it for none (only the
 * sheet's arrival, a structured clone of its rows). The result and the refusals are those of
 * readImportSheet, unchanged.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { AppError, type ApiErrorBody } from '../../../../shared/errors';
import type { ImportSheet, RowsRead } from './excel-import-read';
import type { DepartmentSource } from '../../../../shared/warnings/types';
import type { DepartmentSheet } from '../warnings/intake-read';

export interface ReadRequest {
  fileName: string;
  base64: string;
  /** A department file of this source (services/warnings/intake-read.ts) rather than a registry import. */
  department?: DepartmentSource;
}

export type ReadMessage =
  | { type: 'rows'; done: number; total: number }
  | { type: 'sheet'; sheet: ImportSheet }
  | { type: 'department-sheet'; sheet: DepartmentSheet }
  | { type: 'refused'; error: ApiErrorBody }
  | { type: 'failed'; message: string };

/**
 * The reader's entry beside this module: in the Electron bundle (backend-worker.cjs, where
 * import.meta.url is the bundle's own file) the bundled reader; under tsx and Vitest the loader.
 */
export function readerEntry(here = import.meta.url): string {
  return fileURLToPath(new URL(here.endsWith('.cjs') ? './excel-read-worker.cjs' : './excel-read-worker-dev.mjs', here));
}

export function readImportSheetApart(fileName: string, base64: string, onRows?: RowsRead): Promise<ImportSheet> {
  return readApart({ fileName, base64 }, onRows) as Promise<ImportSheet>;
}

/** A department file read in the same kind of thread (issue 17's intake). */
export function readDepartmentFileApart(source: DepartmentSource, fileName: string, base64: string, onRows?: RowsRead): Promise<DepartmentSheet> {
  return readApart({ fileName, base64, department: source }, onRows) as Promise<DepartmentSheet>;
}

function readApart(request: ReadRequest, onRows?: RowsRead): Promise<ImportSheet | DepartmentSheet> {
  return new Promise((resolve, reject) => {
    // The backend's loader flags are not the reader's business (the dev entry registers tsx itself).
    const worker = new Worker(readerEntry(), { workerData: request, execArgv: [] });
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: ReadMessage) => {
      switch (m.type) {
        case 'rows':
          if (!settled) onRows?.(m.done, m.total);
          return;
        case 'sheet':
        case 'department-sheet':
          return settle(() => resolve(m.sheet));
        case 'refused':
          return settle(() => reject(AppError.fromBody(m.error)));
        case 'failed':
          return settle(() => reject(new Error(`the import reader failed: ${m.message}`)));
      }
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the import reader stopped (exit code ${code}) before it answered`))));
  });
}
