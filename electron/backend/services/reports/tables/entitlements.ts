/** 应补尽补 / 应退尽退: gaps standing at the month's start, found in it, closed in it, open at its end. */
import type { EntitlementGap } from '../../../../../shared/assistance/types';
import type { ReportRow, ReportTable } from '../../../../../shared/reports/monthly-report';
import { addDays } from '../../../../../shared/time/calendar-days';
import type { Store } from '../../../store/store';
import { gapCheck } from '../../assistance/gaps';
import type { ReportMonth } from '../monthly';
import { add, count, tally, totalOf } from './common';

const PROBLEMS = [
  { code: 'missing', label: '应补未补' },
  { code: 'off-standard', label: '未按标施补' },
  { code: 'should-exit', label: '应退未退' },
  { code: 'review', label: '需复核' },
] as const;

const COLUMNS = [count('atStart', '月初存量'), count('found', '本月新发现'), count('closed', '本月已解决'), count('open', '月末未解决')];

const DEFINITION =
  '按应补尽补、按标施补、应退尽退的核对规则（与“应补尽补”核对清单同一规则，《东丽区困难群众兜底保障工作方案》二(四) 应补尽补、按标施补），分别以上月末日和本月末日（当月为今日）的政策参数、' +
  '登记信息和在保记录核对。月初存量：上月末日核对出的问题；本月新发现：本月末核对出、上月末没有的问题；本月已解决：上月末有、本月末已不存在的问题；月末未解决：本月末核对出的问题。' +
  '一人一项补贴（或一条在保记录）的一种问题计一件。核对以当前的登记信息为准，已更正的历史登记不再重现。';

const keyOf = (g: EntitlementGap) => `${g.personId}|${g.subsidy}|${g.problem}|${g.enrolmentId ?? ''}`;

export function entitlementsTable(store: Store, m: ReportMonth): ReportTable {
  const check = gapCheck(store, m.streetCode); // the record read once, asked about both days
  const before = new Map(check(addDays(m.from, -1)).map((g) => [keyOf(g), g]));
  const after = new Map(check(m.until).map((g) => [keyOf(g), g]));
  const rows = new Map<string, ReportRow>(PROBLEMS.map((p) => [p.code, tally(COLUMNS, `problem:${p.code}`, p.label)]));
  for (const [k, g] of before) {
    add(rows.get(g.problem)!, 'atStart');
    if (!after.has(k)) add(rows.get(g.problem)!, 'closed');
  }
  for (const [k, g] of after) {
    add(rows.get(g.problem)!, 'open');
    if (!before.has(k)) add(rows.get(g.problem)!, 'found');
  }
  const list = [...rows.values()];
  return { key: 'entitlements', title: '应补尽补、应退尽退核对情况', definition: DEFINITION, columns: COLUMNS, rows: list, total: totalOf(COLUMNS, list) };
}
