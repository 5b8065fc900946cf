/**
 * Exports of a payment batch, audited: the bank file (bank-file.ts) and the Excel roster (发放花名册,
 * rows with their kind, month concerned and reason; community totals). A confirmed batch's exports
 * come from its frozen rows only and carry its confirmation instant as their date, so exporting
 * twice gives the same bytes; a pending batch's roster is of today's computation.
 */
import ExcelJS from 'exceljs';
import { BATCH_BASES, BATCH_ROW_KINDS } from '../../../../shared/assistance/batches';
import { labelOf } from '../../../../shared/codes';
import type { FileOut } from '../../../../shared/registry/types';
import type { Actor, Store } from '../../store/store';
import { fixZipDates } from '../files/fixed-zip-dates';
import { inertRow, safeFileName, streetName, styleHeaderRow, TEXT_FORMAT, toFileOut } from '../registry/excel-cells';
import { bankFileBytes, bankLines } from './bank-file';
import { batchTitle, batchWithRows, communityTotals, requireFrozen } from './batches';
import { createHash } from 'node:crypto';

const YUAN = '#,##0.00';

export function exportBankFile(store: Store, actor: Actor, id: string): FileOut {
  const { batch, rows } = requireFrozen(store, actor.streetCode, id, '银行代发文件');
  const bytes = bankFileBytes(rows);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const lines = bankLines(rows);
  const name = `${streetName(store, actor.streetCode)}${batchTitle(batch)}银行代发文件`;
  store.audit(actor, {
    action: 'batches.exportBankFile',
    summary: `导出${name}，${lines.length}户（人）`,
    entity: 'payment_batches',
    entityId: batch.id,
    detail: { lines: lines.length, totalFen: lines.reduce((s, l) => s + l.amountFen, 0), sha256 },
  });
  return toFileOut(safeFileName(`${name}.csv`), bytes);
}

export async function exportRoster(store: Store, actor: Actor, id: string): Promise<FileOut> {
  const { batch, rows } = batchWithRows(store, actor.streetCode, id);
  const title = `${streetName(store, actor.streetCode)}${batchTitle(batch)}花名册`;
  const wb = new ExcelJS.Workbook();
  const stamp = new Date(batch.confirmed_at ?? store.nowIso());
  wb.created = stamp;
  wb.modified = stamp;
  wb.creator = 'Doudi Desk';
  wb.lastModifiedBy = 'Doudi Desk';
  const ws = wb.addWorksheet('发放明细');
  ws.columns = [
    { header: '序号', width: 6 },
    { header: '类别', width: 6 },
    { header: '所属月份', width: 9 },
    { header: '社区', width: 16 },
    { header: '姓名', width: 10 },
    { header: '身份证号', width: 21, style: { numFmt: TEXT_FORMAT } },
    { header: '家庭住址', width: 28 },
    { header: '保障人数', width: 9 },
    { header: '金额（元）', width: 13, style: { numFmt: YUAN } },
    { header: '核定依据', width: 10 },
    { header: '原因', width: 12 },
    { header: '开户银行', width: 14 },
    { header: '银行账号', width: 22, style: { numFmt: TEXT_FORMAT } },
  ];
  styleHeaderRow(ws.getRow(1));
  for (const r of rows) {
    ws.addRow(
      inertRow([
        r.seq, labelOf(BATCH_ROW_KINDS, r.kind), r.forMonth, r.community, r.name ?? '', r.idNumber ?? '', r.address, r.coveredPersons,
        r.amountFen / 100, labelOf(BATCH_BASES, r.basis), r.reason ?? '', r.bankName ?? '', r.bankAccount ?? '',
      ]),
    );
  }
  const total = rows.reduce((s, r) => s + r.amountFen, 0);
  ws.addRow(['合计', '', '', '', '', '', '', '', total / 100]).font = { bold: true };
  const sum = wb.addWorksheet('社区汇总');
  sum.columns = [
    { header: '社区', width: 18 },
    { header: '条数', width: 8 },
    { header: '金额（元）', width: 14, style: { numFmt: YUAN } },
  ];
  styleHeaderRow(sum.getRow(1));
  for (const c of communityTotals(rows)) sum.addRow(inertRow([c.community, c.count, c.totalFen / 100]));
  sum.addRow(['合计', rows.length, total / 100]).font = { bold: true };
  const bytes = fixZipDates(Buffer.from(await wb.xlsx.writeBuffer()), stamp);
  store.audit(actor, {
    action: 'batches.exportRoster',
    summary: `导出${title}，${rows.length}条`,
    entity: 'payment_batches',
    entityId: batch.id,
    detail: { rows: rows.length, totalFen: total, sha256: createHash('sha256').update(bytes).digest('hex') },
  });
  return toFileOut(safeFileName(`${title}.xlsx`), bytes);
}
