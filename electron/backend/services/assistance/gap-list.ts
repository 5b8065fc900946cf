/**
 * 应补尽补 as a work list: the entitlement gaps of the day (gaps.ts), narrowed to a community, a grid
 * and a problem, with the count of each problem in the community and grid chosen; the export writes
 * the same rows with full ID numbers (for checking against the 残联 and civil-affairs systems), audited.
 */
import { GAP_PROBLEMS, type GapFilter, type GapList, type GapListRow, type GapProblem } from '../../../../shared/assistance/lists';
import { GAP_REASONS, PROGRAMMES } from '../../../../shared/assistance/codes';
import { labelOf } from '../../../../shared/codes';
import type { FileOut } from '../../../../shared/registry/types';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Actor, Store } from '../../store/store';
import { safeFileName, streetName, toFileOut } from '../registry/excel-cells';
import type { EntitlementGap } from '../../../../shared/assistance/types';
import { entitlementGaps } from './gaps';
import { addDataRow, listWorkbook, shanghaiDayStart, titledSheet, workbookBytes, YUAN_FORMAT, type ListColumn } from './list-workbook';

const PROBLEM_ORDER = GAP_PROBLEMS.map((p) => p.code) as GapProblem[];

type Place = { id: string; community_id: string; grid_id: string | null; grid_name: string | null };

/** The day's gaps in the community and grid chosen, each with its household's place (read for those households only). */
function gapsIn(store: Store, street: string, filter: GapFilter, onDate: string): { gap: EntitlementGap; place: Place | undefined }[] {
  const gaps = entitlementGaps(store, street, onDate);
  const households = [...new Set(gaps.map((g) => g.householdId))];
  const places = new Map(
    (
      store
        .prepare(
          `SELECT h.id, h.community_id, h.grid_id, g.name AS grid_name FROM households h LEFT JOIN grids g ON g.id = h.grid_id
            WHERE h.id IN (SELECT value FROM json_each(?)) AND h.street_code = ? AND h.deleted_at IS NULL`,
        )
        .all(JSON.stringify(households), street) as Place[]
    ).map((r) => [r.id, r]),
  );
  return gaps
    .map((gap) => ({ gap, place: places.get(gap.householdId) }))
    .filter(({ place }) => (!filter.communityId || place?.community_id === filter.communityId) && (!filter.gridId || place?.grid_id === filter.gridId));
}

function countOf(gaps: { gap: EntitlementGap }[]): Record<GapProblem, number> {
  const counts = Object.fromEntries(PROBLEM_ORDER.map((p) => [p, 0])) as Record<GapProblem, number>;
  for (const { gap } of gaps) counts[gap.problem]++;
  return counts;
}

/** The list's counts per problem (the 工作台's figures) without building its rows: the same gaps, the same place filter. */
export function gapCounts(store: Store, street: string, filter: Omit<GapFilter, 'problem'>): Record<GapProblem, number> {
  return countOf(gapsIn(store, street, filter, filter.onDate ?? shanghaiDate(store.nowDate())));
}

export function gapList(store: Store, street: string, filter: GapFilter): GapList {
  const onDate = filter.onDate ?? shanghaiDate(store.nowDate());
  const gaps = gapsIn(store, street, filter, onDate);
  const rows: GapListRow[] = gaps.filter(({ gap }) => !filter.problem || gap.problem === filter.problem).map(({ gap, place }) => ({ ...gap, gridName: place?.grid_name ?? null }));
  // By problem, then in the order the rules list them (community, name).
  const order = (r: GapListRow) => PROBLEM_ORDER.indexOf(r.problem);
  rows.sort((a, b) => order(a) - order(b));
  return { onDate, rows, counts: countOf(gaps) };
}

const COLUMNS: ListColumn[] = [
  { header: '序号', width: 6 },
  { header: '问题类型', width: 12 },
  { header: '社区', width: 16 },
  { header: '网格', width: 12 },
  { header: '姓名', width: 10 },
  { header: '身份证号', width: 21, text: true },
  { header: '救助项目', width: 22 },
  { header: '情况说明', width: 30 },
  { header: '标准（元/月）', width: 13, numFmt: YUAN_FORMAT },
  { header: '实际领取（元/月）', width: 15, numFmt: YUAN_FORMAT },
];

/** What the row asks for, in words: the reason and the month payment stops. */
export function gapDetail(r: GapListRow): string {
  if (r.problem === 'missing') return '符合条件，未享受';
  if (r.problem === 'off-standard') return '领取金额与标准不一致';
  const reason = labelOf(GAP_REASONS, r.reason);
  return r.problem === 'should-exit' ? `${reason}，${r.stopMonth ?? ''}起停发` : reason;
}

export async function exportGaps(store: Store, actor: Actor, filter: GapFilter): Promise<FileOut> {
  const list = gapList(store, actor.streetCode, filter);
  const ids = new Map(
    (store.prepare('SELECT id, id_number FROM persons WHERE street_code = ?').all(actor.streetCode) as { id: string; id_number: string }[]).map((p) => [
      p.id,
      p.id_number,
    ]),
  );
  const what = filter.problem ? labelOf(GAP_PROBLEMS, filter.problem) : '应补尽补、应退尽退';
  const title = `${streetName(store, actor.streetCode)}${what}核查清单（${list.onDate}）`;
  // Dated the day checked: the same day's list exports to the same bytes.
  const stamp = shanghaiDayStart(list.onDate);
  const wb = listWorkbook(stamp);
  const ws = titledSheet(wb, '核查清单', title, COLUMNS);
  list.rows.forEach((r, i) => {
    addDataRow(ws, [
      i + 1,
      labelOf(GAP_PROBLEMS, r.problem),
      r.communityName,
      r.gridName ?? '',
      r.name,
      ids.get(r.personId) ?? r.idMasked,
      labelOf(PROGRAMMES, r.subsidy),
      gapDetail(r),
      r.standardFen === null ? null : r.standardFen / 100,
      r.receivedFen === null ? null : r.receivedFen / 100,
    ]);
  });
  const sum = titledSheet(wb, '分类汇总', title, [
    { header: '问题类型', width: 16 },
    { header: '人数', width: 8 },
  ]);
  for (const p of GAP_PROBLEMS) addDataRow(sum, [p.label, list.counts[p.code]]);
  const bytes = await workbookBytes(wb, stamp);
  store.audit(actor, {
    action: 'assistance.exportGaps',
    summary: `导出${title}（含完整身份证号码），${list.rows.length}条`,
    entity: 'enrolments',
    entityId: null,
    detail: { filter, rows: list.rows.length },
  });
  return toFileOut(safeFileName(`${title}.xlsx`), bytes);
}
