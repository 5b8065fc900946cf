/** 排查覆盖: households due a visit in the month, visited, overdue; by community and by group. */
import type { ReportRow, ReportTable } from '../../../../../shared/reports/monthly-report';
import { SCREENING_GROUPS } from '../../../../../shared/screening/cadence';
import type { Store } from '../../../store/store';
import { periodDue, visitedInPeriod } from '../../screening/due';
import { sinceLastChange } from '../../../store/since-last-change';
import { shanghaiDate } from '../../../../../shared/time/shanghai';
import type { ReportMonth } from '../monthly';
import { add, count, share, tally, totalOf, withShares } from './common';

const COLUMNS = [count('planned', '应排查户数'), count('done', '已排查户数'), count('overdue', '逾期未排查户数'), share('coverage', '覆盖率', 'done', 'planned')];

const DEFINITION =
  '应排查户数：本月应至少走访一次的在册、关注家庭（按《东丽区困难群众兜底保障工作方案》二(一) 月排查全覆盖、一老一小周排查、特殊群体日排查，' +
  '各户取其成员中最密的排查频次，频次按现行排查政策参数认定；本月内纳入排查的家庭计入）。已排查户数：本月内（以走访日期，北京时间）走访至少一次的户数。' +
  '逾期未排查户数：月份结束仍未走访的户数；当月截至今日统计，未走访的户计为待排查，不计逾期。' +
  '按社区统计以家庭所属社区为准；按群体统计时，一户的成员属于多个群体的，在每个群体各计一户，各群体之和不等于合计。';

/**
 * The month's due households with their community and groups: what a visit cannot change, kept
 * until the registry, policy or day changes, so a visit recounts only who was visited.
 */
function dueInMonth(store: Store, m: ReportMonth) {
  return sinceLastChange(store, `report-screening-due|${m.streetCode}|${m.from}|${m.until}`, () => {
    const { start, end, rows } = periodDue(store, m.streetCode, 'month', m.from, {});
    return { start, end, rows: rows.map((r) => ({ householdId: r.householdId, communityName: r.communityName, groups: r.groups() })) };
  });
}

export function screeningTable(store: Store, m: ReportMonth): ReportTable {
  const due = dueInMonth(store, m);
  const visited = visitedInPeriod(store, due.start, due.end);
  const over = due.end < shanghaiDate(store.nowDate()); // the month has ended: not visited is overdue
  const communities = new Map<string, ReportRow>();
  const groups = new Map<string, ReportRow>(SCREENING_GROUPS.map((g) => [g.code, tally(COLUMNS, `group:${g.code}`, g.label)]));
  for (const s of due.rows) {
    const c = communities.get(s.communityName) ?? tally(COLUMNS, `community:${s.communityName}`, s.communityName);
    communities.set(s.communityName, c);
    const done = visited.has(s.householdId);
    for (const r of [c, ...s.groups.map((g) => groups.get(g)!)]) {
      add(r, 'planned');
      if (done) add(r, 'done');
      else if (over) add(r, 'overdue');
    }
  }
  const byName = new Intl.Collator('zh');
  const communityRows = [...communities.values()].sort((a, b) => byName.compare(a.label, b.label)).map((r) => withShares(COLUMNS, r));
  const groupRows = [...groups.values()].map((r) => withShares(COLUMNS, r));
  return {
    key: 'screening',
    title: '排查覆盖情况',
    definition: DEFINITION,
    columns: COLUMNS,
    rows: [...communityRows, ...groupRows],
    total: totalOf(COLUMNS, communityRows),
  };
}
