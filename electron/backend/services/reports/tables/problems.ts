/** 发现问题: problems registered in the ledger in the month, by category, grade and source. */
import type { CodeItem } from '../../../../../shared/codes';
import { LEDGER_CATEGORIES, LEDGER_SOURCES } from '../../../../../shared/ledger/codes';
import { URGENCY_GRADES } from '../../../../../shared/ledger/deadlines';
import type { ReportRow, ReportTable } from '../../../../../shared/reports/monthly-report';
import type { Store } from '../../../store/store';
import type { ReportMonth } from '../monthly';
import { count, monthInstants } from './common';
import { REGISTERED_IN } from './ledger-month';
import { utc } from '../../ledger/read';

const COLUMNS = [count('found', '发现问题'), count('open', '截至统计时点未销号')];

const DEFINITION =
  '本月内（以登记时间为准，北京时间）登记入问题台账的事项，不含重复登记销号的事项（《东丽区困难群众兜底保障工作方案》二(一) 排查发现问题线索、纳入问题台账，三(一) 建立台账、形成问题清单）。' +
  '分别按问题类别、紧急程度（分级）和线索来源统计，三种分组各自合计相等。未销号：月末（当月为统计时点）尚未办结销号的事项。';

export function problemsTable(store: Store, m: ReportMonth): ReportTable {
  const { fromIso, cutoffIso } = monthInstants(store, m);
  const items = store
    .prepare(`SELECT i.category, i.urgency, i.source, i.closed_at IS NULL OR ${utc('i.closed_at')} > ? AS open
              FROM ledger_items i WHERE ${REGISTERED_IN} AND i.status <> 'duplicate'`)
    .all(cutoffIso, m.streetCode, fromIso, cutoffIso) as { category: string; urgency: string; source: string; open: number }[];
  const rowsOf = (dim: string, codes: readonly CodeItem[], pick: (i: (typeof items)[number]) => string): ReportRow[] =>
    codes.map((c) => {
      const mine = items.filter((i) => pick(i) === c.code);
      return { key: `${dim}:${c.code}`, label: c.label, cells: { found: mine.length, open: mine.filter((i) => i.open === 1).length } };
    });
  return {
    key: 'problems',
    title: '发现问题情况',
    definition: DEFINITION,
    columns: COLUMNS,
    rows: [
      ...rowsOf('category', LEDGER_CATEGORIES, (i) => i.category),
      ...rowsOf('grade', URGENCY_GRADES, (i) => i.urgency),
      ...rowsOf('source', LEDGER_SOURCES, (i) => i.source),
    ],
    total: { key: 'total', label: '合计', cells: { found: items.length, open: items.filter((i) => i.open === 1).length } },
  };
}
