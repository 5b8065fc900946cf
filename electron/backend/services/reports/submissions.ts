/**
 * 报送 (issue 15): a street freezes a complete month's report as a submission, never changed
 * afterwards (triggers, the server's authority); a correction is the next version with its reason.
 * Two PCs of a street that submit the same version offline both keep theirs (ids are random, rows
 * never conflict); the latest is the highest version, then the later submission.
 */
import { AppError } from '../../../../shared/errors';
import { MonthlyReportSchema, type MonthlyReport } from '../../../../shared/reports/monthly-report';
import type { Submission, SubmissionSummary } from '../../../../shared/reports/snapshots';
import type { reportSubmissions } from '../../db/schema';
import type { Actor, Store } from '../../store/store';
import { buildMonthlyReport, reportMonth } from './monthly';

type Row = Omit<typeof reportSubmissions.$inferSelect, 'payload'> & { payload: string };

const COLUMNS = `id, created_at AS createdAt, updated_at AS updatedAt, deleted_at AS deletedAt, street_code AS streetCode,
  month, kind, version, payload, reason, submitted_at AS submittedAt, submitted_by AS submittedBy,
  submitted_by_name AS submittedByName`;
/** Newest first: month, street, version, then the later submission. */
const ORDER = 'ORDER BY month DESC, street_code, version DESC, submitted_at DESC, id DESC';

function streetNames(store: Store): Map<string, string> {
  const rows = store.prepare('SELECT code, name FROM streets WHERE deleted_at IS NULL').all() as { code: string; name: string }[];
  return new Map(rows.map((r) => [r.code, r.name]));
}

function summaries(store: Store, rows: Row[]): SubmissionSummary[] {
  const names = streetNames(store);
  const seen = new Set<string>();
  return rows.map((r) => {
    const group = `${r.streetCode}/${r.month}`;
    const latest = !seen.has(group);
    seen.add(group);
    return {
      id: r.id,
      streetCode: r.streetCode,
      streetName: names.get(r.streetCode) ?? r.streetCode,
      month: r.month,
      version: r.version,
      reason: r.reason,
      submittedAt: r.submittedAt,
      submittedByName: r.submittedByName,
      latest,
    };
  });
}

/** Submitted versions, newest first; streetCode null: every street this PC holds. */
export function listSubmissions(store: Store, filter: { streetCode: string | null; month?: string }): SubmissionSummary[] {
  const rows = store
    .prepare(
      `SELECT ${COLUMNS} FROM report_submissions WHERE deleted_at IS NULL AND (? IS NULL OR street_code = ?) AND (? IS NULL OR month = ?) ${ORDER}`,
    )
    .all(filter.streetCode, filter.streetCode, filter.month ?? null, filter.month ?? null) as Row[];
  return summaries(store, rows);
}

function withReport(store: Store, row: Row, latest: boolean): Submission {
  const [s] = summaries(store, [row]);
  return { ...s!, latest, report: MonthlyReportSchema.parse(JSON.parse(row.payload)) as MonthlyReport };
}

/** One version with its frozen report; streetCode null: any street (a district user). */
export function getSubmission(store: Store, id: string, streetCode: string | null): Submission {
  const row = store.prepare(`SELECT ${COLUMNS} FROM report_submissions WHERE id = ? AND deleted_at IS NULL`).get(id) as Row | undefined;
  if (!row || (streetCode !== null && row.streetCode !== streetCode)) throw new AppError('not-found', '报送记录不存在', { field: 'id' });
  const latest = latestSubmissionRow(store, row.streetCode, row.month)?.id === row.id;
  return withReport(store, row, latest);
}

function latestSubmissionRow(store: Store, streetCode: string, month: string): Row | undefined {
  return store
    .prepare(`SELECT ${COLUMNS} FROM report_submissions WHERE deleted_at IS NULL AND street_code = ? AND month = ? ${ORDER} LIMIT 1`)
    .get(streetCode, month) as Row | undefined;
}

/** The latest submitted version of a street's month, with its report (null: 未报送). */
export function latestSubmission(store: Store, streetCode: string, month: string): Submission | null {
  const row = latestSubmissionRow(store, streetCode, month);
  return row ? withReport(store, row, true) : null;
}

export function submitReport(store: Store, actor: Actor, displayName: string, month: string, reason: string | null): Submission {
  const m = reportMonth(actor.streetCode, month, store.nowDate());
  if (!m.complete) {
    throw new AppError('report-month-incomplete', `${month}月尚未结束（统计至${m.until}），月份结束后才能报送`, { field: 'month' });
  }
  return store.tx(() => {
    const prev = latestSubmissionRow(store, actor.streetCode, month);
    const version = (prev?.version ?? 0) + 1;
    if (prev && !reason) {
      throw new AppError('invalid-input', `${month}月已报送第${prev.version}版，再次报送须填写更正原因`, { field: 'reason' });
    }
    const report = MonthlyReportSchema.parse(buildMonthlyReport(store, { streetCode: actor.streetCode, month }));
    const id = store.insert(
      'report_submissions',
      {
        streetCode: actor.streetCode,
        month,
        kind: report.kind,
        version,
        payload: report,
        reason,
        submittedAt: store.nowIso(),
        submittedBy: actor.userId ?? '',
        submittedByName: displayName,
      },
      actor,
      { action: 'reports.submit', summary: `报送${month}月度调度报表（第${version}版）${reason ? `，更正原因：${reason}` : ''}` },
    );
    return getSubmission(store, id, actor.streetCode);
  });
}
