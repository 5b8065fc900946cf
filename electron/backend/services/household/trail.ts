/**
 * The household's audit trail: every audit event about the household, its members (present or
 * moved away) and the records kept for them, and the documents printed for them.
 */
import type { AuditEventInfo } from '../../../../shared/audit/types';
import type { PrintedDocument } from '../../../../shared/household/types';
import type { Store } from '../../store/store';
import { toAuditInfo, type AuditDbRow } from '../audit/audit';

/** Tables whose rows belong to a household, to a member, or to one of those rows. */
const BY_HOUSEHOLD = ['persons', 'enrolments', 'temporary_assistance', 'ledger_items', 'watch_entries', 'visits'] as const;
const BY_PERSON = ['care_profiles', 'care_agreements', 'care_cards', 'care_visits', 'care_plans'] as const;
const BY_PARENT = [
  ['enrolment_steps', 'enrolment_id', 'enrolments'],
  ['income_rise_decisions', 'enrolment_id', 'enrolments'],
  ['referrals', 'item_id', 'ledger_items'],
] as const;

/** Audit actions that print or export a document (a print of several cards lists them in detail.ids). */
const PRINT_ACTIONS = ['care.print', 'care.exportPdf', 'care.previewPrint', 'household.print', 'household.exportPdf'];
const AUDIT_SHOWN = 500;

const ids = (store: Store, sql: string, ...args: unknown[]) => (store.prepare(sql).all(...args) as { id: string }[]).map((r) => r.id);

/** The ids of the household's records, by table (the audit's entity). */
export function householdRecordIds(store: Store, householdId: string): Map<string, string[]> {
  const out = new Map<string, string[]>([['households', [householdId]]]);
  for (const t of BY_HOUSEHOLD) out.set(t, ids(store, `SELECT id FROM ${t} WHERE household_id = ?`, householdId));
  const persons = JSON.stringify(out.get('persons'));
  for (const t of BY_PERSON) out.set(t, ids(store, `SELECT id FROM ${t} WHERE person_id IN (SELECT value FROM json_each(?))`, persons));
  for (const [t, col, parent] of BY_PARENT) {
    out.set(t, ids(store, `SELECT id FROM ${t} WHERE ${col} IN (SELECT value FROM json_each(?))`, JSON.stringify(out.get(parent))));
  }
  return out;
}

/** Events about the records, newest first (entity by entity, so that the audit's index is used). */
function eventsAbout(store: Store, street: string, records: Map<string, string[]>, limit: number): AuditDbRow[] {
  const parts: string[] = [];
  const args: unknown[] = [];
  for (const [entity, list] of records) {
    if (list.length === 0) continue;
    parts.push('SELECT rowid AS seq, * FROM audit_events WHERE street_code = ? AND entity = ? AND entity_id IN (SELECT value FROM json_each(?))');
    args.push(street, entity, JSON.stringify(list));
  }
  const cards = JSON.stringify(records.get('care_cards') ?? []);
  // A print of several cards names no single entity: its detail lists them.
  parts.push(
    `SELECT rowid AS seq, * FROM audit_events a WHERE a.street_code = ? AND a.entity_id IS NULL AND a.action IN (${PRINT_ACTIONS.map(() => '?').join(', ')})
       AND EXISTS (SELECT 1 FROM json_each(a.detail, '$.ids') j WHERE j.value IN (SELECT value FROM json_each(?)))`,
  );
  args.push(street, ...PRINT_ACTIONS, cards);
  return store.prepare(`${parts.join(' UNION ')} ORDER BY at DESC, seq DESC LIMIT ?`).all(...args, limit) as AuditDbRow[];
}

export function householdTrail(
  store: Store,
  street: string,
  householdId: string,
  withAudit: boolean,
): { audit: AuditEventInfo[] | null; documents: PrintedDocument[] } {
  const rows = eventsAbout(store, street, householdRecordIds(store, householdId), AUDIT_SHOWN);
  const documents = rows
    .filter((r) => PRINT_ACTIONS.includes(r.action))
    .map((r) => ({ at: r.at, username: r.username, action: r.action, summary: r.summary }));
  return { audit: withAudit ? rows.map(toAuditInfo) : null, documents };
}
