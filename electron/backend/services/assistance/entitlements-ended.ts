/**
 * 应退尽退 list (issue 17): every person of the street whose recorded death stopped something, with
 * what it stopped (death-stop.ts, exits.ts) and every month a confirmed batch paid after the death
 * that is still to be recovered: paid (frozen rows, 扣回 already taken included) minus what is due
 * for it today by the same rule the next batch's 扣回 rows use (batch-rows.ts dueFor). Nothing here writes.
 */
import type { DeathRecovery, EndedEntitlements, StoppedEnrolment } from '../../../../shared/assistance/entitlements-ended';
import { PROGRAMMES } from '../../../../shared/assistance/codes';
import { maskIdNumber } from '../../../../shared/id-number';
import type { Store } from '../../store/store';
import type { EnrolmentDbRow } from './amounts';
import { dueFor, FROZEN_SQL } from './batch-rows';
import { DEATH_CODE, DEATH_REVIEW_ORIGIN } from './death-stop';

interface DeadRow {
  id: string;
  household_id: string;
  name: string;
  id_number: string;
  died_on: string;
  address: string;
  community_name: string;
}

type StepRow = { enrolment_id: string; step: string; detail: string; programme: EnrolmentDbRow['programme'] };

const VISITS_CLOSED = '不再计入走访排查和特困探访的应访名单（已死亡）';

export function entitlementsEnded(store: Store, street: string): EndedEntitlements[] {
  const dead = store
    .prepare(
      `SELECT p.id, p.household_id, p.name, p.id_number, p.died_on, h.address, c.name AS community_name
         FROM persons p JOIN households h ON h.id = p.household_id JOIN communities c ON c.id = h.community_id
        WHERE p.street_code = ? AND p.deleted_at IS NULL AND p.died_on IS NOT NULL
        ORDER BY p.died_on DESC, p.name`,
    )
    .all(street) as DeadRow[];
  const out: EndedEntitlements[] = [];
  for (const p of dead) {
    const enrolments = stoppedEnrolments(store, p);
    const agreements = store
      .prepare(
        `SELECT id, terminated_date AS endedOn FROM care_agreements WHERE person_id = ? AND deleted_at IS NULL AND status = 'terminated' AND termination_code = ?`,
      )
      .all(p.id, DEATH_CODE) as { id: string; endedOn: string }[];
    const cards = store
      .prepare(
        `SELECT id, card_number AS cardNumber, ended_date AS endedOn FROM care_cards WHERE person_id = ? AND deleted_at IS NULL AND status = 'cancelled' AND end_code = ?`,
      )
      .all(p.id, DEATH_CODE) as { id: string; cardNumber: string; endedOn: string }[];
    if (enrolments.length + agreements.length + cards.length === 0) continue;
    const recoveries = enrolments.flatMap((e) => recoveriesOf(store, e));
    const recorded = deathRecord(store, p.id);
    const review = store
      .prepare(`SELECT id, item_no FROM ledger_items WHERE person_id = ? AND deleted_at IS NULL AND origin = ? ORDER BY registered_at DESC LIMIT 1`)
      .get(p.id, DEATH_REVIEW_ORIGIN) as { id: string; item_no: string } | undefined;
    out.push({
      personId: p.id,
      householdId: p.household_id,
      name: p.name,
      idMasked: maskIdNumber(p.id_number),
      communityName: p.community_name,
      address: p.address,
      diedOn: p.died_on,
      ...recorded,
      enrolments,
      recoveries,
      recoverTotalFen: recoveries.reduce((s, r) => s + r.recoverFen, 0),
      agreements,
      cards,
      visitsClosed: VISITS_CLOSED,
      reviewItemNo: review?.item_no ?? null,
      reviewItemId: review?.id ?? null,
    });
  }
  return out;
}

/** The exit and member-change steps a death recorded for the person (their own and their household's enrolments). */
function stoppedEnrolments(store: Store, p: DeadRow): StoppedEnrolment[] {
  const steps = store
    .prepare(
      `SELECT s.enrolment_id, s.step, s.detail, e.programme FROM enrolment_steps s JOIN enrolments e ON e.id = s.enrolment_id
        WHERE (e.person_id = ? OR e.household_id = ?) AND s.deleted_at IS NULL AND s.step IN ('exit', 'member-change')
          AND json_extract(s.detail, '$.path') = 'death' AND json_extract(s.detail, '$.personId') = ?
`,
    )
    .all(p.id, p.household_id, p.id) as StepRow[];
  // In the programmes' order (all steps of one death share its instant).
  const order = (code: string) => PROGRAMMES.findIndex((x) => x.code === code);
  steps.sort((a, b) => order(a.programme) - order(b.programme) || a.step.localeCompare(b.step));
  return steps.map((s) => {
    const d = JSON.parse(s.detail) as { month?: string; fromMonth?: string };
    const exited = s.step === 'exit';
    return { enrolmentId: s.enrolment_id, programme: s.programme, change: exited ? 'exited' : 'covered-reduced', stopMonth: (exited ? d.month : d.fromMonth)! };
  });
}

/** Months from the stop on that confirmed batches paid more for than is due today. */
function recoveriesOf(store: Store, s: StoppedEnrolment): DeathRecovery[] {
  const e = store
    .prepare('SELECT e.*, h.deleted_at AS household_deleted FROM enrolments e JOIN households h ON h.id = e.household_id WHERE e.id = ?')
    .get(s.enrolmentId) as EnrolmentDbRow & { deleted_at: string | null; household_deleted: string | null };
  const paid = store
    .prepare(
      `SELECT r.for_month AS month, SUM(r.amount_fen) AS paid FROM payment_batch_rows r JOIN payment_batches b ON b.id = r.batch_id
        WHERE r.enrolment_id = ? AND r.for_month >= ? AND b.status IN ${FROZEN_SQL} AND b.deleted_at IS NULL
        GROUP BY r.for_month ORDER BY r.for_month`,
    )
    .all(s.enrolmentId, s.stopMonth) as { month: string; paid: number }[];
  const out: DeathRecovery[] = [];
  for (const m of paid) {
    const dueFen = dueFor(store, e, m.month).amountFen;
    if (m.paid > dueFen) out.push({ enrolmentId: e.id, programme: e.programme, month: m.month, paidFen: m.paid, dueFen, recoverFen: m.paid - dueFen });
  }
  return out;
}

type AuditRow = { at: string; username: string | null; detail: string | null };
const lastAudit = (store: Store, personId: string, action: string) =>
  store
    .prepare(`SELECT at, username, detail FROM audit_events WHERE entity = 'persons' AND entity_id = ? AND action = ? ORDER BY at DESC, id DESC LIMIT 1`)
    .get(personId, action) as AuditRow | undefined;

/** Who recorded the death, when, and its 来源/说明 (from the audit of registry.recordDeath); its latest correction. */
function deathRecord(store: Store, personId: string): Pick<EndedEntitlements, 'source' | 'recordedAt' | 'recordedBy' | 'correction'> {
  const a = lastAudit(store, personId, 'registry.recordDeath');
  const c = lastAudit(store, personId, 'registry.correctDeath');
  const cd = c?.detail ? (JSON.parse(c.detail) as { from: string; reason: string }) : null;
  const correction = c && cd ? { from: cd.from, reason: cd.reason, at: c.at, by: c.username } : null;
  if (!a) return { source: null, recordedAt: null, recordedBy: null, correction };
  const note = a.detail ? ((JSON.parse(a.detail) as { note?: string | null }).note ?? null) : null;
  return { source: note, recordedAt: a.at, recordedBy: a.username, correction };
}
