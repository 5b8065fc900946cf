/** The report's chart options, from the sample report and a trend (issue 15). */
import { describe, expect, test, vi } from 'vitest';
import { sampleMonthlyReport, SAMPLE_COMMUNITIES } from '../../../../shared/reports/testing/sample-report';
import type { TrendPoint } from '../../../../shared/reports/trend';
import { coverageOption, percentOf, trendLabels, trendOption, type ReportChartOption } from './chart-options';

type Series = { name: string; type: string; data: (number | null)[]; yAxisIndex?: number };

describe('coverage by community', () => {
  test('one category per community of the screening table (groups left out); planned, done and overdue bars', () => {
    const o = coverageOption(sampleMonthlyReport())!;
    expect((o.xAxis as { data: string[] }).data).toEqual(SAMPLE_COMMUNITIES.map((c) => c[0]));
    const series = o.series as Series[];
    expect(series.map((s) => [s.name, s.type])).toEqual([['应走访', 'bar'], ['已走访', 'bar'], ['逾期未走访', 'bar']]);
    expect(series[0]!.data).toEqual(SAMPLE_COMMUNITIES.map((c) => c[1]));
    expect(series[1]!.data).toEqual(SAMPLE_COMMUNITIES.map((c) => c[2]));
    expect(series[2]!.data).toEqual(SAMPLE_COMMUNITIES.map((c) => c[3]));
    expect(o.animation).toBe(true);
    expect(coverageOption(sampleMonthlyReport(), { animation: false })!.animation).toBe(false);
  });

  test('many communities slant their names and none is skipped; no screening table or community gives no chart', () => {
    const r = sampleMonthlyReport();
    const screening = r.tables[0]!;
    const many = { ...r, tables: [{ ...screening, rows: Array.from({ length: 9 }, (_, i) => ({ ...screening.rows[0]!, key: `community:c${i}`, label: `第${i + 1}社区` })) }] };
    const axis = coverageOption(many)!.xAxis as { axisLabel: { interval: number; rotate: number } };
    expect(axis.axisLabel).toMatchObject({ interval: 0, rotate: 30 });
    expect(coverageOption({ ...r, tables: r.tables.slice(1) })).toBeNull();
    expect(coverageOption({ ...r, tables: [{ ...screening, rows: screening.rows.filter((x) => x.key.startsWith('group:')) }] })).toBeNull();
  });
});

describe('trend by month', () => {
  const m = (month: string, coverageBp: number | null, overdueItems: number, complete = true): TrendPoint => ({
    month,
    complete,
    measures: { coverageBp, overdueItems, urgentWithin24hBp: 10000, careFourHasBp: 9375 },
  });
  const points = [m('2026-11', 9471, 5), m('2026-12', 9012, 7), m('2027-01', null, 2, false)];

  test('shares as percentages with one decimal (gaps where nothing was measured), overdue items as bars on their own axis', () => {
    const o = trendOption(points)!;
    const series = o.series as Series[];
    expect(series.map((s) => s.name)).toEqual(['排查覆盖率', '急难型24小时审批率', '四有齐全率', '超期未办结台账']);
    expect(series[0]!.data).toEqual([94.7, 90.1, null]);
    expect(series[2]!.data).toEqual([93.8, 93.8, 93.8]);
    expect(series[3]).toMatchObject({ type: 'bar', yAxisIndex: 1, data: [5, 7, 2] });
    expect(percentOf(9999)).toBe(100);
    expect(trendOption(points, { animation: false })!.animation).toBe(false);
  });

  test('months read in Chinese, the year under the first point and January, 至今 under the current month', () => {
    expect(trendLabels(points)).toEqual(['11月\n2026年', '12月', '1月\n2027年·至今']);
    expect(trendLabels([m('2026-06', 1, 0), m('2026-07', 1, 0, false)])).toEqual(['6月\n2026年', '7月\n至今']);
    expect(trendOption([])).toBeNull();
  });
});

describe('ECharts draws the options', () => {
  test('both charts render (server-side SVG) with their Chinese labels and no error or warning', async () => {
    // ECharts reports misuse (e.g. an option whose module is not registered) on the console.
    const said = [vi.spyOn(console, 'log'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')];
    const echarts = await import('echarts/core');
    const { BarChart, LineChart } = await import('echarts/charts');
    const { GridComponent, LegendComponent, TooltipComponent } = await import('echarts/components');
    const { SVGRenderer } = await import('echarts/renderers');
    echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);
    const draw = (option: ReportChartOption) => {
      const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 1000, height: 320 });
      chart.setOption(option);
      const svg = chart.renderToSVGString();
      chart.dispose();
      return svg;
    };
    const coverage = draw(coverageOption(sampleMonthlyReport(), { animation: false })!);
    for (const s of ['詹滨西里社区', '天欣花园社区', '应走访', '逾期未走访']) expect(coverage).toContain(s);
    const points: TrendPoint[] = ['2026-10', '2026-11', '2026-12'].map((month, i) => ({
      month,
      complete: i < 2,
      measures: { coverageBp: 9000 + i * 100, overdueItems: 3 + i, urgentWithin24hBp: null, careFourHasBp: 9375 },
    }));
    const trend = draw(trendOption(points, { animation: false })!);
    for (const s of ['10月', '2026年', '至今', '排查覆盖率', '超期未办结台账', '100%']) expect(trend).toContain(s);
    for (const spy of said) expect(spy.mock.calls).toEqual([]);
  });
});
