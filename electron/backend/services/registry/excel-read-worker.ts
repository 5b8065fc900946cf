/**
 * The thread that reads an uploaded import workbook (excel-read-thread.ts starts it, one per
 * preview): ExcelJS parses the whole file in one synchronous stretch of a second or more at 20,000
 * rows, which here holds no thread that serves calls. Tells the rows read as it goes, then the sheet
 * or the refusal (an AppError's body, rebuilt on the other side with its code, field and details).
 * Entry of the thread: run by tsx in development and tests (excel-read-worker-dev.mjs), bundled as
 * dist-electron/excel-read-worker.cjs for Electron.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../../shared/errors';
import { readImportSheet } from './excel-import-read';
import type { ReadRequest, ReadMessage } from './excel-read-thread';

const port = parentPort;
if (!port) throw new Error('excel-read-worker.ts runs only as a worker thread');
const { fileName, base64, department } = workerData as ReadRequest;
const post = (m: ReadMessage): void => port.postMessage(m);
const onRows = (done: number, total: number) => post({ type: 'rows', done, total });

// The department reader is loaded only for a department file: a registry import's thread starts as before.
const read: Promise<ReadMessage> = department
  ? import('../warnings/intake-read')
      .then((m) => m.readDepartmentFile(department, fileName, base64, onRows))
      .then((sheet) => ({ type: 'department-sheet', sheet }))
  : readImportSheet(fileName, base64, onRows).then((sheet) => ({ type: 'sheet', sheet }));
read.then(
  post,
  (err: unknown) => {
    if (err instanceof AppError) post({ type: 'refused', error: err.toBody() });
    else post({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  },
);
