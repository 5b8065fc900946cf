/**
 * 留守: persons with a 留守 record, by community (work plan 二(四)). Counted from the per-person
 * records only: a household's 留守 tag never counts anyone (it does not say who is left behind).
 */
import type { ReportRow, ReportTable } from '../../../../../shared/reports/monthly-report';
import { isStale } from '../../../../../shared/left-behind/rules';
import type { LeftBehindKind } from '../../../../../shared/left-behind/types';
import type { Store } from '../../../store/store';
import { leftBehindParams } from '../../left-behind/params';
import type { ReportMonth } from '../monthly';
import { add, count, tally, totalOf } from './common';

const COLUMNS = [
  count('persons', '在档留守人员（人）'),
  count('child', '留守儿童'),
  count('woman', '留守妇女'),
  count('elderly', '留守老年人'),
  count('opened', '本月新建档'),
  count('updated', '本月核实更新'),
  count('closed', '本月关闭'),
  count('stale', '逾期未更新'),
];

const DEFINITION =
  '按人统计，以留守人员档案为准（不按家庭类别计：家庭登记的留守类别不说明谁是留守人员，未建档的不计入）。在档留守人员：月末（当月为统计时点）已建档、未关闭的留守儿童、留守妇女、留守老年人，按其家庭所在社区统计，一人有两类档案的在各类各计一次、合计按人不重复。' +
  '本月新建档、本月关闭：建档日期、关闭日期在本月内；本月核实更新：最近一次核实日期在本月内（含新建档）；逾期未更新：统计时点在档且最近核实日期距今超过信息更新周期（政策参数“留守人员信息更新周期”）。' +
  '（《东丽区困难群众兜底保障工作方案》二(四) 农村留守儿童和留守妇女信息录入、更新完善，留守老年人信息分类动态管理）';

interface Row {
  person_id: string;
  kind: LeftBehindKind;
  community_name: string;
  opened_on: string;
  last_updated_on: string;
  closed_on: string | null;
}

export function leftBehindTable(store: Store, m: ReportMonth): ReportTable {
  const cadence = leftBehindParams(store, m.streetCode, m.until).updateCadenceMonths;
  const records = store
    .prepare(
      `SELECT r.person_id, r.kind, c.name AS community_name, r.opened_on, r.last_updated_on, r.closed_on
       FROM left_behind_records r JOIN households h ON h.id = r.household_id JOIN communities c ON c.id = h.community_id
       WHERE r.street_code = ? AND r.deleted_at IS NULL AND r.opened_on <= ? AND (r.closed_on IS NULL OR r.closed_on >= ?)`,
    )
    .all(m.streetCode, m.until, m.from) as Row[];
  const rows = new Map<string, ReportRow>();
  const counted = new Set<string>();
  for (const x of records) {
    const r = rows.get(x.community_name) ?? tally(COLUMNS, `community:${x.community_name}`, x.community_name);
    rows.set(x.community_name, r);
    const inMonth = (d: string | null) => d !== null && d >= m.from && d <= m.until;
    const open = x.closed_on === null || x.closed_on > m.until;
    if (open) {
      add(r, x.kind);
      if (!counted.has(x.person_id)) (counted.add(x.person_id), add(r, 'persons'));
      if (isStale(x.last_updated_on, cadence, m.until)) add(r, 'stale');
    }
    if (inMonth(x.opened_on)) add(r, 'opened');
    if (inMonth(x.last_updated_on)) add(r, 'updated');
    if (inMonth(x.closed_on)) add(r, 'closed');
  }
  const byName = new Intl.Collator('zh');
  const list = [...rows.values()].sort((a, b) => byName.compare(a.label, b.label));
  return { key: 'left-behind', title: '留守人员信息动态更新情况', definition: DEFINITION, columns: COLUMNS, rows: list, total: totalOf(COLUMNS, list, '合计') };
}
