/**
 * The 预警 inbox: warnings grouped by household (one household, many warnings: one line), groups
 * ordered by the nearest due date of their open warnings, paged by group. The list and its count
 * (the 工作台's figures) share one condition builder, so a figure and the inbox cannot differ.
 */
import type { WarningHouseholdGroup, WarningInbox, WarningInboxFilter, WarningView } from '../../../../shared/warnings/procedures';
import { WARNING_RULE_LABELS, type WarningDisposition, type WarningRule, type WarningTrigger } from '../../../../shared/warnings/types';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Store } from '../../store/store';
import { buildMatch } from '../registry/search';

/** The inbox's FROM clause: warnings `w` with their household `h`. */
const FROM = 'warnings w JOIN households h ON h.id = w.household_id';

/** An open warning past its due date (the due date is the last day to dispose of it). */
export const OVERDUE = "(w.status = 'open' AND w.due_date < ?)";

/** `streetCode` null: every street (a district device); else the street's own warnings. */
function where(store: Store, streetCode: string | null, f: WarningInboxFilter): { sql: string; args: unknown[] } {
  const parts = ['w.deleted_at IS NULL'];
  const args: unknown[] = [];
  if (streetCode !== null) (parts.push('w.street_code = ?'), args.push(streetCode));
  if (f.status !== 'all') (parts.push('w.status = ?'), args.push(f.status));
  if (f.rule) (parts.push('w.rule = ?'), args.push(f.rule));
  if (f.overdueOnly) (parts.push(OVERDUE), args.push(shanghaiDate(store.nowDate())));
  if (f.communityId) (parts.push('h.community_id = ?'), args.push(f.communityId));
  const m = f.search ? buildMatch(f.search) : null;
  if (m) {
    // any member of the household by name, pinyin or ID number (the registry's own matching)
    parts.push(`w.household_id IN (SELECT mp.household_id FROM ${m.personFrom} WHERE ${m.personWhere})`);
    args.push(...m.params.person);
  }
  return { sql: parts.join(' AND '), args };
}

/** The number of households (lines) the inbox lists for a filter: its total, without reading them. */
export function countInbox(store: Store, streetCode: string | null, f: WarningInboxFilter): number {
  const w = where(store, streetCode, f);
  return (store.prepare(`SELECT count(DISTINCT w.household_id) AS n FROM ${FROM} WHERE ${w.sql}`).get(...w.args) as { n: number }).n;
}

interface WarningDbRow {
  id: string;
  household_id: string;
  rule: WarningRule;
  rule_version: string;
  person_id: string;
  person_name: string | null;
  trigger: string;
  raised_at: string;
  due_date: string;
  status: 'open' | 'disposed';
  disposition: WarningDisposition | null;
  disposition_reason: string | null;
  ledger_item_id: string | null;
  disposed_at: string | null;
  disposed_by_name: string | null;
}

function toView(r: WarningDbRow, today: string): WarningView {
  return {
    id: r.id,
    rule: r.rule,
    ruleLabel: WARNING_RULE_LABELS[r.rule] ?? r.rule,
    ruleVersion: r.rule_version,
    personId: r.person_id,
    personName: r.person_name ?? '',
    trigger: JSON.parse(r.trigger) as WarningTrigger,
    raisedAt: r.raised_at,
    dueDate: r.due_date,
    overdue: r.status === 'open' && r.due_date < today,
    status: r.status,
    disposition: r.disposition,
    dispositionReason: r.disposition_reason,
    ledgerItemId: r.ledger_item_id,
    disposedAt: r.disposed_at,
    disposedByName: r.disposed_by_name,
  };
}

export function listInbox(store: Store, streetCode: string | null, input: WarningInboxFilter & { page: number; pageSize: number }): WarningInbox {
  const w = where(store, streetCode, input);
  const total = countInbox(store, streetCode, input);
  const today = shanghaiDate(store.nowDate());
  // the page's households: nearest open due date first, all-disposed households last
  const lines = store
    .prepare(
      `SELECT w.household_id AS id, min(CASE WHEN w.status = 'open' THEN w.due_date END) AS due,
         h.address, c.name AS community_name, (SELECT s.name FROM streets s WHERE s.code = w.street_code AND s.deleted_at IS NULL) AS street_name,
         (SELECT p.name FROM persons p WHERE p.household_id = w.household_id AND p.relation = '02' AND p.deleted_at IS NULL LIMIT 1) AS head_name
       FROM ${FROM} JOIN communities c ON c.id = h.community_id
       WHERE ${w.sql} GROUP BY w.household_id ORDER BY due IS NULL, due, max(w.raised_at) DESC, w.household_id LIMIT ? OFFSET ?`,
    )
    .all(...w.args, input.pageSize, (input.page - 1) * input.pageSize) as { id: string; due: string | null; address: string; community_name: string; street_name: string | null; head_name: string | null }[];
  if (lines.length === 0) return { total, page: input.page, pageSize: input.pageSize, groups: [] };
  const rows = store
    .prepare(
      `SELECT w.*, (SELECT p.name FROM persons p WHERE p.id = w.person_id) AS person_name FROM ${FROM}
       WHERE ${w.sql} AND w.household_id IN (${lines.map(() => '?').join(',')})
       ORDER BY w.status = 'disposed', w.due_date, w.raised_at, w.id`,
    )
    .all(...w.args, ...lines.map((l) => l.id)) as WarningDbRow[];
  const byHousehold = new Map<string, WarningView[]>(lines.map((l) => [l.id, []]));
  for (const r of rows) byHousehold.get(r.household_id)!.push(toView(r, today));
  const groups: WarningHouseholdGroup[] = lines.map((l) => {
    const warnings = byHousehold.get(l.id)!;
    return {
      householdId: l.id,
      headName: l.head_name ?? '',
      address: l.address,
      communityName: l.community_name,
      streetName: l.street_name ?? undefined,
      dueDate: l.due,
      openCount: warnings.filter((x) => x.status === 'open').length,
      warnings,
    };
  });
  return { total, page: input.page, pageSize: input.pageSize, groups };
}
