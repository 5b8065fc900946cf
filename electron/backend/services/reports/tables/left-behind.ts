/** 留守: households with a 留守 member, their records updated and visits made in the month. */
import { ASSISTANCE_CATEGORIES } from '../../../../../shared/codes';
import type { ReportRow, ReportTable } from '../../../../../shared/reports/monthly-report';
import type { Store } from '../../../store/store';
import type { ReportMonth } from '../monthly';
import { add, count, monthInstants, tally } from './common';
import { utc } from '../../ledger/read';

const KINDS = ['left-behind-child', 'left-behind-woman', 'left-behind-elderly'] as const;

const COLUMNS = [count('households', '留守家庭户数'), count('updated', '本月信息更新户数'), count('visited', '本月走访户数')];

const DEFINITION =
  '留守家庭户数：月末（当月为统计时点）登记有留守儿童、留守妇女或留守老年人类别的在册、关注家庭（类别以当前登记为准），一户有多种留守类别的在每类各计一户，合计按户不重复。' +
  '本月信息更新户数：本月内（北京时间）家庭或其成员的登记信息有修改或新增的户数；本月走访户数：本月内有走访排查记录的户数（《东丽区困难群众兜底保障工作方案》二(四) 留守儿童、留守妇女信息录入更新，留守老年人信息分类动态管理）。';

export function leftBehindTable(store: Store, m: ReportMonth): ReportTable {
  const { fromIso, cutoffIso } = monthInstants(store, m);
  const hs = store
    .prepare(
      `SELECT h.id, h.categories,
         (${utc('h.updated_at')} >= ? AND ${utc('h.updated_at')} <= ?)
           OR EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND ${utc('p.updated_at')} >= ? AND ${utc('p.updated_at')} <= ?) AS updated,
         EXISTS (SELECT 1 FROM visits v WHERE v.household_id = h.id AND v.deleted_at IS NULL AND v.visited_on >= ? AND v.visited_on <= ?) AS visited
       FROM households h
       WHERE h.street_code = ? AND h.deleted_at IS NULL AND h.status IN ('active', 'watch')
         AND EXISTS (SELECT 1 FROM json_each(h.categories) c WHERE c.value IN (${KINDS.map(() => '?').join(',')}))`,
    )
    .all(fromIso, cutoffIso, fromIso, cutoffIso, m.from, m.until, m.streetCode, ...KINDS) as { id: string; categories: string; updated: number; visited: number }[];
  const rows = new Map<string, ReportRow>(KINDS.map((k) => [k, tally(COLUMNS, `category:${k}`, ASSISTANCE_CATEGORIES.find((c) => c.code === k)!.label)]));
  const total = tally(COLUMNS, 'total', '合计（户）');
  for (const h of hs) {
    const cats = new Set(JSON.parse(h.categories) as string[]);
    for (const r of [total, ...KINDS.filter((k) => cats.has(k)).map((k) => rows.get(k)!)]) {
      add(r, 'households');
      if (h.updated) add(r, 'updated');
      if (h.visited) add(r, 'visited');
    }
  }
  return { key: 'left-behind', title: '留守人员信息动态更新情况', definition: DEFINITION, columns: COLUMNS, rows: [...rows.values()], total };
}
