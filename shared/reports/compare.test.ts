/**
 * The district totals of the side-by-side comparison and the ranking (issue 15), on reports made
 * here (tables of their own, not the builders'): counts and fen summed; shares recomputed from the
 * summed columns they name, never summed or averaged; a street without a submission is 未报送.
 */
import { describe, expect, test } from 'vitest';
import { compareReports, sumCells, type ComparedStreet } from './compare';
import { laggingReasons, type LaggingLines } from './lagging';
import type { MonthlyReport, ReportTable, StreetMeasures } from './monthly-report';
import { rankStreets } from './ranking';

const COLUMNS: ReportTable['columns'] = [
  { key: 'due', label: '应走访', unit: 'count' },
  { key: 'done', label: '已走访', unit: 'count' },
  { key: 'rate', label: '覆盖率', unit: 'bp', ratioOf: { num: 'done', den: 'due' } },
  { key: 'paid', label: '金额', unit: 'fen' },
  { key: 'loose', label: '无出处的比例', unit: 'bp' },
];

function table(rows: [number, number, number][], withTotal: boolean): ReportTable {
  const cells = rows.map(([due, done, paid]) => ({ due, done, rate: due ? Math.round((done * 10000) / due) : null, paid, loose: 5000 }));
  return {
    key: 'screening',
    title: '排查覆盖',
    definition: '口径：测试',
    columns: COLUMNS,
    rows: cells.map((c, i) => ({ key: `community:社区${i}`, label: `社区${i}`, cells: c })),
    ...(withTotal ? { total: { key: 'total', label: '合计', cells: sumCells(COLUMNS, cells) } } : {}),
  };
}

const measures = (m: Partial<StreetMeasures> = {}): StreetMeasures => ({ coverageBp: 10000, overdueItems: 0, urgentWithin24hBp: 10000, careFourHasBp: 10000, ...m });

function report(code: string, t: ReportTable[], m = measures()): MonthlyReport {
  return { kind: 'monthly-dispatch', version: 1, street: { code, name: code }, month: '2026-02', asOf: '2026-03-01T00:00:00.000Z', complete: true, tables: t, measures: m };
}

function street(code: string, r: MonthlyReport | null, version = 1): { compared: ComparedStreet; report: MonthlyReport | null } {
  return {
    compared: {
      street: { code, name: `街道${code.slice(6, 9)}` },
      submission: r ? { id: `id-${code}`, version, submittedAt: '2026-03-02T01:00:00.000Z', submittedByName: '王', reason: null } : null,
      measures: r ? r.measures : null,
    },
    report: r,
  };
}

const A = '120110001000';
const B = '120110002000';
const C = '120110003000';

describe('district comparison', () => {
  test('counts and fen are summed; a share is recomputed from its summed columns, not averaged', () => {
    // A: 1 of 2 done (50 %); B: 99 of 100 done (99 %); the mean of shares would be 74.5 %, the district's is 100/102
    const cmp = compareReports('2026-02', [street(A, report(A, [table([[2, 1, 100]], true)])), street(B, report(B, [table([[60, 59, 250], [40, 40, 50]], false)])), street(C, null)]);
    const t = cmp.tables[0]!;
    expect(t.byStreet[A]).toEqual({ due: 2, done: 1, rate: 5000, paid: 100, loose: null });
    expect(t.byStreet[B]).toEqual({ due: 100, done: 99, rate: 9900, paid: 300, loose: null }); // rows summed when no total
    expect(t.byStreet[C]).toBeNull();
    expect(t.district).toEqual({ due: 102, done: 100, rate: 9804, paid: 400, loose: null });
    expect(cmp.streets.map((s) => s.submission?.version ?? '未报送')).toEqual([1, 1, '未报送']);
  });

  test('a share over nothing is null, and a column only a later layout has is kept with null for the others', () => {
    const later = table([[0, 0, 0]], true);
    later.columns = [...later.columns, { key: 'extra', label: '新增', unit: 'count' }];
    later.total!.cells.extra = 7;
    const cmp = compareReports('2026-02', [street(A, report(A, [table([[0, 0, 0]], true)])), street(B, report(B, [later]))]);
    const t = cmp.tables[0]!;
    expect(t.columns.map((c) => c.key)).toEqual(['due', 'done', 'rate', 'paid', 'loose', 'extra']);
    expect(t.byStreet[A]!.extra).toBeUndefined();
    expect(t.district).toMatchObject({ due: 0, rate: null, extra: 7 });
  });
});

const LINES: LaggingLines = { coverageMinBp: 10000, overdueItemsMax: 0, urgentWithin24hMinBp: 10000, careFourHasMinBp: 10000 };

describe('ranking', () => {
  test('lagging measures are marked with their figures; fewer lagging ranks first; equal figures share a rank; 未报送 last', () => {
    const r = rankStreets(
      '2026-02',
      [
        street(A, report(A, [], measures({ coverageBp: 9250, overdueItems: 3 }))).compared,
        street(B, report(B, [], measures())).compared,
        street(C, null).compared,
        street('120110004000', report('120110004000', [], measures({ urgentWithin24hBp: null }))).compared,
      ],
      LINES,
    );
    expect(r.rows.map((x) => [x.street.code.slice(6, 9), x.rank])).toEqual([['002', 1], ['004', 1], ['001', 3], ['003', null]]);
    expect(r.rows[2]!.lagging).toEqual(['排查覆盖率92.5%，低于100%', '超期未办结问题3件']);
    expect(r.rows[3]!.lagging).toEqual(['未报送本月调度报表']);
  });

  test('the line decides: the same figures lag under one line and not under another', () => {
    const m = measures({ coverageBp: 9500, overdueItems: 2, careFourHasBp: 8000 });
    expect(laggingReasons(m, LINES)).toHaveLength(3);
    expect(laggingReasons(m, { ...LINES, coverageMinBp: 9000, overdueItemsMax: 2, careFourHasMinBp: 8000 })).toEqual([]);
    expect(laggingReasons(m, { ...LINES, overdueItemsMax: 1 })).toContain('超期未办结问题2件，超过1件');
  });
});
