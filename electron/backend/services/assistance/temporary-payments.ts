/**
 * 临时救助 paid in a period of months (by the Shanghai day of payment), by type and community, with
 * totals; the export writes the same rows with full ID numbers, audited. Amounts are the ones recorded
 * on the application (a recorded amount never changes).
 */
import { TEMP_TYPES } from '../../../../shared/assistance/codes';
import type { TemporaryPaymentFilter, TemporaryPaymentRow, TemporaryPayments, TemporaryPaymentTotal } from '../../../../shared/assistance/lists';
import { labelOf } from '../../../../shared/codes';
import { maskIdNumber } from '../../../../shared/id-number';
import { addMonths } from '../../../../shared/policy';
import type { FileOut } from '../../../../shared/registry/types';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Actor, Store } from '../../store/store';
import { safeFileName, streetName, toFileOut } from '../registry/excel-cells';
import { addDataRow, addTotalRow, listWorkbook, shanghaiDayStart, titledSheet, workbookBytes, YUAN_FORMAT } from './list-workbook';

interface Db {
  id: string;
  household_id: string;
  type: 'urgent' | 'expenditure';
  reason: string;
  amount_fen: number;
  approver: 'street' | 'district';
  paid_at: string;
  community_name: string;
  person_name: string | null;
  id_number: string | null;
}

type FullRow = Omit<TemporaryPaymentRow, 'idMasked'> & { idNumber: string | null; paidAt: string };
type FullPayments = Omit<TemporaryPayments, 'rows'> & { rows: FullRow[] };

const zero = (): TemporaryPaymentTotal => ({ count: 0, totalFen: 0 });
const add = (t: TemporaryPaymentTotal, fen: number) => {
  t.count++;
  t.totalFen += fen;
};

function paymentsFull(store: Store, street: string, f: TemporaryPaymentFilter): FullPayments {
  // Paid from the first day of fromMonth to before the first day after toMonth, Shanghai time.
  const from = shanghaiDayStart(`${f.fromMonth}-01`).toISOString();
  const to = shanghaiDayStart(`${addMonths(f.toMonth, 1)}-01`).toISOString();
  const found = store
    .prepare(
      `SELECT t.id, t.household_id, t.type, t.reason, t.amount_fen, t.approver, t.paid_at, c.name AS community_name,
              p.name AS person_name, p.id_number
         FROM temporary_assistance t JOIN households h ON h.id = t.household_id JOIN communities c ON c.id = h.community_id
         LEFT JOIN persons p ON p.id = COALESCE(t.person_id,
           (SELECT hp.id FROM persons hp WHERE hp.household_id = t.household_id AND hp.relation = '02' AND hp.deleted_at IS NULL LIMIT 1))
        WHERE t.street_code = ? AND t.deleted_at IS NULL AND t.paid_at IS NOT NULL AND t.paid_at >= ? AND t.paid_at < ?
          AND (? IS NULL OR t.type = ?) AND (? IS NULL OR h.community_id = ?)
        ORDER BY t.paid_at, c.sort_order, c.name, t.id`,
    )
    .all(street, from, to, f.type ?? null, f.type ?? null, f.communityId ?? null, f.communityId ?? null) as Db[];
  const total = zero();
  const byType = { urgent: zero(), expenditure: zero() };
  const byCommunity = new Map<string, TemporaryPaymentTotal & { communityName: string }>();
  const rows = found.map((r): FullRow => {
    add(total, r.amount_fen);
    add(byType[r.type], r.amount_fen);
    const c = byCommunity.get(r.community_name) ?? { communityName: r.community_name, ...zero() };
    add(c, r.amount_fen);
    byCommunity.set(r.community_name, c);
    return {
      id: r.id,
      householdId: r.household_id,
      name: r.person_name,
      idNumber: r.id_number,
      communityName: r.community_name,
      type: r.type,
      reason: r.reason,
      amountFen: r.amount_fen,
      approver: r.approver,
      paidOn: shanghaiDate(new Date(r.paid_at)),
      paidAt: r.paid_at,
    };
  });
  return { rows, total, byType, byCommunity: [...byCommunity.values()] };
}

/** The list as shown on screen: ID numbers masked. */
export function temporaryPayments(store: Store, street: string, f: TemporaryPaymentFilter): TemporaryPayments {
  const { rows, ...rest } = paymentsFull(store, street, f);
  return { ...rest, rows: rows.map(({ idNumber, paidAt: _p, ...r }) => ({ ...r, idMasked: idNumber === null ? null : maskIdNumber(idNumber) })) };
}

const period = (f: TemporaryPaymentFilter) => (f.fromMonth === f.toMonth ? f.fromMonth : `${f.fromMonth}至${f.toMonth}`);

export async function exportTemporaryPayments(store: Store, actor: Actor, f: TemporaryPaymentFilter): Promise<FileOut> {
  const list = paymentsFull(store, actor.streetCode, f);
  const kind = f.type ? labelOf(TEMP_TYPES, f.type) : '';
  const title = `${streetName(store, actor.streetCode)}${kind}临时救助发放明细（${period(f)}）`;
  // Dated the last payment listed (or the period's start): the same payments export to the same bytes.
  const last = list.rows.at(-1);
  const stamp = last ? new Date(last.paidAt) : shanghaiDayStart(`${f.fromMonth}-01`);
  const wb = listWorkbook(stamp);
  const ws = titledSheet(wb, '发放明细', title, [
    { header: '序号', width: 6 },
    { header: '发放日期', width: 11 },
    { header: '社区', width: 16 },
    { header: '姓名', width: 10 },
    { header: '身份证号', width: 21, text: true },
    { header: '救助类型', width: 9 },
    { header: '困难情形', width: 30 },
    { header: '审批层级', width: 9 },
    { header: '金额（元）', width: 13, numFmt: YUAN_FORMAT },
  ]);
  list.rows.forEach((r, i) => {
    addDataRow(ws, [i + 1, r.paidOn, r.communityName, r.name ?? '', r.idNumber ?? '', labelOf(TEMP_TYPES, r.type), r.reason, r.approver === 'district' ? '区级' : '街道', r.amountFen / 100]);
  });
  addTotalRow(ws, ['合计', `${list.total.count}人次`, '', '', '', '', '', '', list.total.totalFen / 100]);
  const sum = titledSheet(wb, '汇总', title, [
    { header: '分类', width: 18 },
    { header: '人次', width: 8 },
    { header: '金额（元）', width: 14, numFmt: YUAN_FORMAT },
  ]);
  for (const t of TEMP_TYPES) addDataRow(sum, [t.label, list.byType[t.code].count, list.byType[t.code].totalFen / 100]);
  for (const c of list.byCommunity) addDataRow(sum, [c.communityName, c.count, c.totalFen / 100]);
  addTotalRow(sum, ['合计', list.total.count, list.total.totalFen / 100]);
  const bytes = await workbookBytes(wb, stamp);
  store.audit(actor, {
    action: 'assistance.exportTemporaryPayments',
    summary: `导出${title}（含完整身份证号码），${list.rows.length}条`,
    entity: 'temporary_assistance',
    entityId: null,
    detail: { filter: f, rows: list.rows.length, totalFen: list.total.totalFen },
  });
  return toFileOut(safeFileName(`${title}.xlsx`), bytes);
}
