/** 分散供养照料: persons in care, agreements in force, cards valid, visits, 四有 complete — by community. */
import type { ReportRow, ReportTable } from '../../../../../shared/reports/monthly-report';
import type { Store } from '../../../store/store';
import { countsAsVisit } from '../../../../../shared/care/rules';
import { fourHavesOn } from '../../care/board';
import type { ReportMonth } from '../monthly';
import { add, count, share, tally, totalOf, withShares } from './common';

const COLUMNS = [
  count('persons', '分散供养人数'),
  count('agreements', '照料协议有效'),
  count('cards', '服务卡有效'),
  count('visited', '本月已探访人数'),
  count('visits', '本月探访次数'),
  count('fourHaves', '“四有”齐全'),
  share('fourHavesShare', '“四有”齐全率', 'fourHaves', 'persons'),
];

const DEFINITION =
  '分散供养人数：月末（当月为统计时点）在册的分散供养特困人员，按所在社区统计。照料协议有效：当日有已签订、在有效期内的照料协议；服务卡有效：当日持有在有效期内的照料服务卡。' +
  '本月已探访人数、探访次数：本月内（以探访日期为准）由街道、社区工作人员或购买服务人员开展的定期探访。“四有”齐全：当日照料协议、服务标准（服务卡）、' +
  '定期探访（未超过约定探访间隔）、应急预案均已落实（《东丽区困难群众兜底保障工作方案》二(三) 分散供养人员“四有”），判断规则与“四有”看板相同；齐全率＝“四有”齐全÷分散供养人数。';

export function careTable(store: Store, m: ReportMonth): ReportTable {
  const board = fourHavesOn(store, m.streetCode, m.until);
  const visits = new Map(
    (
      store
        .prepare(
          `SELECT v.person_id AS id, v.visitor_kind AS kind, v.services FROM care_visits v
           WHERE v.street_code = ? AND v.deleted_at IS NULL AND v.visit_date >= ? AND v.visit_date <= ?`,
        )
        .all(m.streetCode, m.from, m.until) as { id: string; kind: string; services: string }[]
    ).reduce((acc, v) => {
      if (countsAsVisit({ visitorKind: v.kind, services: JSON.parse(v.services) as string[] })) acc.set(v.id, (acc.get(v.id) ?? 0) + 1);
      return acc;
    }, new Map<string, number>()),
  );
  const rows = new Map<string, ReportRow>();
  for (const b of board) {
    const r = rows.get(b.communityName) ?? tally(COLUMNS, `community:${b.communityName}`, b.communityName);
    rows.set(b.communityName, r);
    add(r, 'persons');
    if (b.ok.agreement) add(r, 'agreements');
    if (!b.gaps.some((g) => g.code === 'card-missing' || g.code === 'card-expired')) add(r, 'cards');
    const n = visits.get(b.personId) ?? 0;
    if (n > 0) (add(r, 'visited'), add(r, 'visits', n));
    if (b.gaps.length === 0) add(r, 'fourHaves');
  }
  const byName = new Intl.Collator('zh');
  const list = [...rows.values()].sort((a, b) => byName.compare(a.label, b.label)).map((r) => withShares(COLUMNS, r));
  return { key: 'care', title: '分散供养特困人员照料服务情况', definition: DEFINITION, columns: COLUMNS, rows: list, total: totalOf(COLUMNS, list) };
}
