/**
 * Export of the issue ledger as .xlsx: one row per item with the columns a district asks for
 * (一账四清: numbers, categories, measures, results), in list order. Every export is audited.
 */
import ExcelJS from 'exceljs';
import { labelOf } from '../../../../shared/codes';
import { DEPARTMENTS, LEDGER_CATEGORIES, LEDGER_SOURCES, LEDGER_STATUSES, REVIEW_RESULTS } from '../../../../shared/ledger/codes';
import { URGENCY_GRADES } from '../../../../shared/ledger/deadlines';
import type { LedgerFilter } from '../../../../shared/ledger/schemas';
import type { FileOut } from '../../../../shared/registry/types';
import type { Actor, Store } from '../../store/store';
import { fileDate, inertRow, safeFileName, shanghaiDateTime, streetName, styleHeaderRow, toFileOut } from '../registry/excel-cells';
import { allItems, referralsOf } from './read';

export const LEDGER_SHEET = '问题台账';

export const LEDGER_COLUMNS: { header: string; width: number }[] = [
  { header: '序号', width: 6 },
  { header: '台账编号', width: 22 },
  { header: '登记时间', width: 17 },
  { header: '问题来源', width: 14 },
  { header: '社区', width: 14 },
  { header: '网格', width: 10 },
  { header: '户主姓名', width: 10 },
  { header: '当事人', width: 10 },
  { header: '家庭住址', width: 28 },
  { header: '问题类别', width: 8 },
  { header: '紧急程度', width: 12 },
  { header: '问题描述', width: 36 },
  { header: '状态', width: 14 },
  { header: '处置时限', width: 17 },
  { header: '是否超期', width: 8 },
  { header: '经办人', width: 10 },
  { header: '核查情况', width: 28 },
  { header: '转介部门', width: 12 },
  { header: '部门回复', width: 28 },
  { header: '救助措施', width: 28 },
  { header: '办理结果', width: 28 },
  { header: '销号时间', width: 17 },
  { header: '回头看结论', width: 12 },
  { header: '回头看情况', width: 28 },
];

/** `scope`: the street to export, null for every street (district device); default the actor's. */
export async function exportLedger(store: Store, actor: Actor, filter: LedgerFilter, scope?: string | null): Promise<FileOut> {
  const items = allItems(store, scope === undefined ? actor.streetCode : scope, filter);
  const wb = new ExcelJS.Workbook();
  wb.creator = '兜底保障工作台';
  const ws = wb.addWorksheet(LEDGER_SHEET, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  styleHeaderRow(ws.getRow(1));
  items.forEach((it, i) => {
    const refs = referralsOf(store, it.id);
    ws.addRow(inertRow([
      i + 1,
      it.itemNo,
      shanghaiDateTime(it.registeredAt),
      labelOf(LEDGER_SOURCES, it.source),
      it.communityName,
      it.gridName ?? '',
      it.headName,
      it.personName ?? '',
      it.address,
      labelOf(LEDGER_CATEGORIES, it.category),
      labelOf(URGENCY_GRADES, it.urgency) + (it.immediate ? '·立即核查' : ''),
      it.description,
      labelOf(LEDGER_STATUSES, it.status),
      shanghaiDateTime(it.dueAt),
      it.overdue ? '是' : '否',
      it.handlerName ?? '',
      it.verification ?? '',
      refs.map((r) => `${labelOf(DEPARTMENTS, r.department)}（${r.sentOn}）`).join('；'),
      refs.map((r) => (r.reply ? `${labelOf(DEPARTMENTS, r.department)}：${r.reply}` : '')).filter(Boolean).join('；'),
      it.measures ?? '',
      it.result ?? '',
      it.closedAt ? shanghaiDateTime(it.closedAt) : '',
      labelOf(REVIEW_RESULTS, it.reviewResult),
      it.reviewNote ?? '',
    ]));
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_COLUMNS.length } };
  const bytes = await wb.xlsx.writeBuffer();
  store.audit(actor, {
    action: 'ledger.export',
    summary: `导出问题台账（${items.length} 项）`,
    detail: { filter, count: items.length },
    entity: 'ledger_items',
    entityId: null,
  });
  return toFileOut(safeFileName(`${streetName(store, actor.streetCode)}问题台账${fileDate(store)}.xlsx`), bytes);
}
