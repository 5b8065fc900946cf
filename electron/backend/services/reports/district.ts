/**
 * The district view of the streets' submitted reports (issue 15): every Dongli street's latest
 * version compared table by table, and ranked on the plan's measures against the lagging lines in
 * force on the month's last day (policy `reports.laggingLines`). Submitted copies only: the figures
 * do not move while the district reads them.
 */
import { compareReports, type ComparedStreet, type ReportComparison } from '../../../../shared/reports/compare';
import { LAGGING_LINES_KEY, LaggingLinesSchema } from '../../../../shared/reports/lagging';
import type { MonthlyReport } from '../../../../shared/reports/monthly-report';
import { rankStreets } from '../../../../shared/reports/ranking';
import type { RankingResult } from '../../../../shared/reports/snapshots';
import { DONGLI_STREETS } from '../../../../shared/streets';
import { DISTRICT_PARTITION } from '../../../../shared/sync/wire';
import { monthEnd } from '../../../../shared/time/calendar-days';
import type { Store } from '../../store/store';
import { requireParamRecord } from '../policy/params';
import { latestSubmission } from './submissions';

/** Every Dongli street (by the district's list), its name as synced when the street is known here. */
function districtStreets(store: Store): { code: string; name: string }[] {
  const rows = store.prepare('SELECT code, name FROM streets WHERE deleted_at IS NULL').all() as { code: string; name: string }[];
  const names = new Map(rows.map((r) => [r.code, r.name]));
  return DONGLI_STREETS.map((s) => ({ code: s.code, name: names.get(s.code) ?? s.name }));
}

function latestOfEvery(store: Store, month: string): { compared: ComparedStreet; report: MonthlyReport | null }[] {
  return districtStreets(store).map((street) => {
    const s = latestSubmission(store, street.code, month);
    return {
      compared: {
        street,
        submission: s ? { id: s.id, version: s.version, submittedAt: s.submittedAt, submittedByName: s.submittedByName, reason: s.reason } : null,
        measures: s ? s.report.measures : null,
      },
      report: s ? s.report : null,
    };
  });
}

export function compareStreets(store: Store, month: string): ReportComparison {
  return compareReports(month, latestOfEvery(store, month));
}

export function rankingOf(store: Store, month: string): RankingResult {
  const rec = requireParamRecord(store, DISTRICT_PARTITION, LAGGING_LINES_KEY, monthEnd(`${month}-01`));
  const lines = LaggingLinesSchema.parse(rec.value);
  const ranking = rankStreets(month, latestOfEvery(store, month).map((s) => s.compared), lines);
  return { ...ranking, lines: { ...lines, effectiveFrom: rec.effectiveFrom, note: rec.note } };
}

