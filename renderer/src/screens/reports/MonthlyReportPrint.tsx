/**
 * #/print/monthly-report?month=YYYY-MM[&street=…]: the monthly 调度 report on A4 portrait (issue 15):
 * the title with street, month and instant, the plan's measures, each table with its 口径 under it
 * (the screening table with its chart by community, drawn without animation), page numbers in the
 * page margin (PrintFrame), and 制表人 / 审核人 / 日期 lines at the end. It prints the report alone,
 * so a frozen (报送) copy prints the same way.
 */
import { Fragment, useEffect } from 'react';
import type { MonthlyReport, ReportTable } from '../../../../shared/reports/monthly-report';
import { cellText, columnHeader, monthText, reportTitle, tableRows } from '../../../../shared/reports/format';
import { shanghaiMinute } from '../../../../shared/time/shanghai';
import { PrintFrame } from '../print/PrintFrame';
import { MONTHLY_REPORT_BACK } from './monthly-report-source';
import { CoverageChart } from './ReportCharts';
import { groupedSeveralWays, rowDimension } from './report-format';
import { useMonthlyReport } from './use-monthly-report';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

const CSS = `
.monthly-print h2 { font-size: 12.5pt; margin: 12px 0 4px; break-after: avoid; }
.monthly-print section { break-inside: avoid-page; }
.monthly-print .print-table td.num { text-align: right; font-variant-numeric: tabular-nums; }
.monthly-print .print-table tr.total td { font-weight: bold; }
.monthly-print .print-table tr.group td { font-weight: bold; background: #f3f3f3; }
.monthly-print .definition { font-size: 9pt; line-height: 1.5; margin: 3px 0 8px; color: #222; }
.monthly-print .measures { font-size: 10.5pt; margin: 4px 0 8px; }
.monthly-print .chart { margin: 4px 0 6px; }
.monthly-print .print-sign { margin-top: 28px; padding-right: 10%; break-inside: avoid; }
`;

function ReportTableView({ table, n }: { table: ReportTable; n: number }) {
  const rows = tableRows(table);
  // Rows grouped more than one way (by 社区 and by 群体, say) print under a heading row per group.
  const several = groupedSeveralWays(table);
  const groupAt = (i: number) => {
    const dim = several && rows[i] !== table.total ? rowDimension(rows[i]!.key) : undefined;
    return dim && (i === 0 || rowDimension(rows[i - 1]!.key) !== dim) ? dim : undefined;
  };
  return (
    <>
      <h2>{`${NUMERALS[n] ?? n + 1}、${table.title}`}</h2>
      <table className="print-table" data-testid={`print-table-${table.key}`}>
        <colgroup>
          <col style={{ width: `${Math.max(22, 100 - table.columns.length * 15)}%` }} />
          {table.columns.map((c) => <col key={c.key} />)}
        </colgroup>
        <thead>
          <tr>
            <th>项目</th>
            {table.columns.map((c) => <th key={c.key}>{columnHeader(c)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length + 1}>本月无数据</td>
            </tr>
          ) : (
            rows.map((r, i) => (
              <Fragment key={r.key}>
                {groupAt(i) && (
                  <tr className="group">
                    <td colSpan={table.columns.length + 1}>{`按${groupAt(i)}`}</td>
                  </tr>
                )}
                <tr className={r === table.total ? 'total' : undefined}>
                  <td>{r.label}</td>
                  {table.columns.map((c) => <td key={c.key} className="num">{cellText(c, r.cells[c.key])}</td>)}
                </tr>
              </Fragment>
            ))
          )}
        </tbody>
      </table>
      <p className="definition">{`口径：${table.definition}`}</p>
    </>
  );
}

/** The printed document of a report (the route below loads it). */
export function MonthlyReportPrintDoc({ report }: { report: MonthlyReport }) {
  const m = report.measures;
  const pct = (bp: number | null) => cellText({ unit: 'bp' }, bp);
  return (
    <div className="monthly-print">
      <style>{CSS}</style>
      <h1>{`${report.street.name}${monthText(report.month)}调度报表`}</h1>
      <div className="print-meta">
        <span>{`街道：${report.street.name}`}</span>
        <span>{`月份：${monthText(report.month)}${report.complete ? '' : '（本月至今，数字仍会变动）'}`}</span>
        <span>{`统计截至：${shanghaiMinute(report.asOf)}`}</span>
      </div>
      <p className="measures" data-testid="print-measures">
        {`主要指标：排查覆盖率 ${pct(m.coverageBp)}；超期未办结台账 ${m.overdueItems} 项；急难型临时救助24小时内审批率 ${pct(m.urgentWithin24hBp)}；分散供养四有齐全率 ${pct(m.careFourHasBp)}。`}
      </p>
      {report.tables.length === 0 && <p>本月报表尚无统计表。</p>}
      {report.tables.map((t, i) => (
        <section key={t.key}>
          <ReportTableView table={t} n={i} />
          {t.key === 'screening' && (
            <div className="chart">
              <CoverageChart report={report} print />
            </div>
          )}
        </section>
      ))}
      <div className="print-sign">
        <span>制表人：</span>
        <span>审核人：</span>
        <span>日期：　　　　年　　月　　日</span>
      </div>
    </div>
  );
}

export function MonthlyReportPrint({ month, street }: { month: string; street?: string }) {
  const q = useMonthlyReport(month, street);
  const report = q.data;
  useEffect(() => {
    // For the shell's print helper and tests: the document is ready (or failed).
    const state = q.error ? 'error' : report ? 'true' : null;
    if (state) document.documentElement.setAttribute('data-print-ready', state);
    return () => document.documentElement.removeAttribute('data-print-ready');
  }, [report, q.error]);
  useEffect(() => {
    const prev = document.title;
    document.title = report ? `${report.street.name}${monthText(report.month)}调度报表` : '调度报表';
    return () => {
      document.title = prev;
    };
  }, [report]);
  return (
    <PrintFrame
      orientation="portrait"
      loading={q.loading && !report}
      error={q.error}
      onRetry={q.reload}
      back={MONTHLY_REPORT_BACK}
      testId="monthly-report-print"
      footer={report ? reportTitle(report) : undefined}
    >
      {report && <MonthlyReportPrintDoc report={report} />}
    </PrintFrame>
  );
}
