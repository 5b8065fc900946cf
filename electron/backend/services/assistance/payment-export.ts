/** Excel export of a payment list (发放花名册): one sheet of rows, one of community totals; audited. */
import ExcelJS from 'exceljs';
import { PROGRAMMES, type Programme } from '../../../../shared/assistance/codes';
import { labelOf } from '../../../../shared/codes';
import type { FileOut } from '../../../../shared/registry/types';
import type { Actor, Store } from '../../store/store';
import { inertRow, safeFileName, streetName, styleHeaderRow, TEXT_FORMAT, toFileOut } from '../registry/excel-cells';
import { paymentListFull } from './payments';

const BASIS: Record<string, string> = { standard: '按标准', 'schedule-100': '渐退100%', 'schedule-50': '渐退50%', fixed: '原金额', held: '暂停退出' };
const YUAN = '#,##0.00';

export async function exportPaymentList(store: Store, actor: Actor, programme: Programme, month: string): Promise<FileOut> {
  const list = paymentListFull(store, actor.streetCode, programme, month);
  const title = `${streetName(store, actor.streetCode)}${labelOf(PROGRAMMES, programme)}发放花名册（${month}）`;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('发放花名册');
  ws.columns = [
    { header: '序号', width: 6 },
    { header: '社区', width: 16 },
    { header: '姓名', width: 10 },
    { header: '身份证号', width: 21, style: { numFmt: TEXT_FORMAT } },
    { header: '家庭住址', width: 30 },
    { header: '保障人数', width: 9 },
    { header: '发放金额（元）', width: 14, style: { numFmt: YUAN } },
    { header: '核定依据', width: 10 },
    { header: '开户银行', width: 14 },
    { header: '银行账号', width: 22, style: { numFmt: TEXT_FORMAT } },
  ];
  styleHeaderRow(ws.getRow(1));
  list.rows.forEach((r, i) => {
    ws.addRow(inertRow([i + 1, r.communityName, r.name ?? '', r.idNumber ?? '', r.address, r.coveredPersons, r.amountFen / 100, BASIS[r.basis], r.bankName ?? '', r.bankAccount ?? '']));
  });
  ws.addRow(['合计', '', '', '', '', list.rows.reduce((s, r) => s + r.coveredPersons, 0), list.totalFen / 100]).font = { bold: true };
  const sum = wb.addWorksheet('社区汇总');
  sum.columns = [
    { header: '社区', width: 18 },
    { header: '户（人）数', width: 10 },
    { header: '金额（元）', width: 14, style: { numFmt: YUAN } },
  ];
  styleHeaderRow(sum.getRow(1));
  for (const c of list.communities) sum.addRow(inertRow([c.communityName, c.count, c.totalFen / 100]));
  sum.addRow(['合计', list.rows.length, list.totalFen / 100]).font = { bold: true };
  const bytes = await wb.xlsx.writeBuffer();
  store.audit(actor, {
    action: 'assistance.exportPaymentList',
    summary: `导出${title}，${list.rows.length}条`,
    entity: 'enrolments',
    entityId: null,
    detail: { programme, month, rows: list.rows.length, totalFen: list.totalFen },
  });
  return toFileOut(safeFileName(`${title}.xlsx`), bytes as ArrayBuffer);
}
