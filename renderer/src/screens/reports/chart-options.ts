/**
 * The report's charts as ECharts options, built by pure functions from the report's shape (issue 15):
 * (a) screening coverage by community (应走访 / 已走访 bars, 逾期 beside them) from the screening
 * table's `community:` rows; (b) the plan's measures by month (shares as lines in %, overdue items as
 * bars on their own axis). Labels in Chinese; no animation on paper.
 */
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TitleComponentOption, TooltipComponentOption } from 'echarts/components';
import type { MonthlyReport } from '../../../../shared/reports/monthly-report';
import type { TrendPoint } from '../../../../shared/reports/trend';

export type ReportChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TitleComponentOption | TooltipComponentOption
>;

export interface ChartLook {
  /** False when printing: the chart must be drawn at once. */
  animation: boolean;
}

const FONT = 13;
/** Axis labels kept inside the box (ECharts 6's form of the legacy `containLabel`, which needs an extra module). */
const GRID_BOUNDS = { outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' } as const;
export const COLORS = { planned: '#9db7d5', done: '#2f6eb5', overdue: '#d4380d', coverage: '#2f6eb5', urgent: '#d48806', fourHas: '#389e0d' };

/** Communities of the screening table, in the table's order, with their planned / done / overdue. */
export function communityCoverage(report: MonthlyReport): { name: string; planned: number; done: number; overdue: number }[] {
  const table = report.tables.find((t) => t.key === 'screening');
  if (!table) return [];
  return table.rows
    .filter((r) => r.key.startsWith('community:'))
    .map((r) => ({ name: r.label, planned: r.cells.planned ?? 0, done: r.cells.done ?? 0, overdue: r.cells.overdue ?? 0 }));
}

/** (a) Screening coverage by community; null when the report has no community to show. */
export function coverageOption(report: MonthlyReport, look: ChartLook = { animation: true }): ReportChartOption | null {
  const rows = communityCoverage(report);
  if (rows.length === 0) return null;
  const names = rows.map((r) => r.name);
  return {
    animation: look.animation,
    textStyle: { fontSize: FONT },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: ['应走访', '已走访', '逾期未走访'], textStyle: { fontSize: FONT } },
    grid: { left: 8, right: 16, top: 36, bottom: 8, ...GRID_BOUNDS },
    xAxis: {
      type: 'category',
      data: names,
      // Every community named; slanted when there are many, so that none is dropped.
      axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0, fontSize: FONT },
    },
    yAxis: { type: 'value', name: '户（人）次', minInterval: 1, nameTextStyle: { fontSize: FONT } },
    series: [
      { name: '应走访', type: 'bar', data: rows.map((r) => r.planned), itemStyle: { color: COLORS.planned } },
      { name: '已走访', type: 'bar', data: rows.map((r) => r.done), itemStyle: { color: COLORS.done } },
      { name: '逾期未走访', type: 'bar', data: rows.map((r) => r.overdue), itemStyle: { color: COLORS.overdue } },
    ],
  };
}

/** Basis points as a percentage with one decimal; null (nothing to measure) leaves a gap in the line. */
export function percentOf(bp: number | null): number | null {
  return bp === null ? null : Math.round(bp / 10) / 10;
}

/**
 * 2026-07 → 7月; the year on a second line at the first point and at January, and 至今 under the
 * current month, so that twelve labels fit side by side at half of a 1366-px screen.
 */
export function trendLabels(points: TrendPoint[]): string[] {
  return points.map((p, i) => {
    const [y, m] = p.month.split('-');
    const under = [i === 0 || m === '01' ? `${y}年` : '', p.complete ? '' : '至今'].filter(Boolean).join('·');
    return under ? `${Number(m)}月\n${under}` : `${Number(m)}月`;
  });
}

/** (b) The plan's measures by month; null when there is no month to show. */
export function trendOption(points: TrendPoint[], look: ChartLook = { animation: true }): ReportChartOption | null {
  if (points.length === 0) return null;
  const share = (name: string, color: string, pick: (p: TrendPoint) => number | null): LineSeriesOption => ({
    name,
    type: 'line',
    yAxisIndex: 0,
    connectNulls: false,
    symbolSize: 7,
    data: points.map((p) => percentOf(pick(p))),
    itemStyle: { color },
    lineStyle: { color, width: 2 },
  });
  return {
    animation: look.animation,
    textStyle: { fontSize: FONT },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['排查覆盖率', '急难型24小时审批率', '四有齐全率', '超期未办结台账'], textStyle: { fontSize: FONT } },
    grid: { left: 8, right: 8, top: 54, bottom: 8, ...GRID_BOUNDS },
    xAxis: { type: 'category', data: trendLabels(points), axisLabel: { interval: 0, fontSize: FONT } },
    yAxis: [
      { type: 'value', name: '%', min: 0, max: 100, nameTextStyle: { fontSize: FONT }, axisLabel: { formatter: '{value}%' } },
      { type: 'value', name: '项', minInterval: 1, nameTextStyle: { fontSize: FONT }, splitLine: { show: false } },
    ],
    series: [
      share('排查覆盖率', COLORS.coverage, (p) => p.measures.coverageBp),
      share('急难型24小时审批率', COLORS.urgent, (p) => p.measures.urgentWithin24hBp),
      share('四有齐全率', COLORS.fourHas, (p) => p.measures.careFourHasBp),
      { name: '超期未办结台账', type: 'bar', yAxisIndex: 1, barMaxWidth: 24, data: points.map((p) => p.measures.overdueItems), itemStyle: { color: COLORS.overdue, opacity: 0.55 } },
    ],
  };
}
