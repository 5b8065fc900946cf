/**
 * Every path by which a household or a person stops being paid goes through here, so that the one
 * exit rule (shared/policy/exit-rule.ts) is asked on each: the 低保 exit step, deleting a household or
 * marking it 已退出, a member deleted (迁出) or moved to another household, and a death. The rule is read
 * on the day of the event. A path the rule refuses writes nothing (the caller's transaction rolls back).
 */
import { HEAD_RELATION } from '../../../../shared/codes';
import { AppError } from '../../../../shared/errors';
import { addMonths, monthOf } from '../../../../shared/policy/months';
import { EXIT_PATHS, exitRefusalOn, type ExitAnswers, type ExitPath } from '../../../../shared/policy/exit-rule';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Actor, Store } from '../../store/store';
import type { EnrolmentDbRow } from './amounts';
import { recordStep } from './enrolment-steps';
import { flag } from './figures';

/** States in which an enrolment is still running (paid now or later, or held). */
export const OPEN_STATUSES = ['active', 'suspended', 'gradual-exit'];

/** The household's enrolments not yet ended on `month`: household programmes and its members' own. */
function openEnrolments(store: Store, householdId: string, month: string): EnrolmentDbRow[] {
  return store
    .prepare(
      `SELECT * FROM enrolments WHERE household_id = ? AND deleted_at IS NULL
         AND status IN (${OPEN_STATUSES.map(() => '?').join(', ')}) AND (end_month IS NULL OR end_month > ?)`,
    )
    .all(householdId, ...OPEN_STATUSES, month) as EnrolmentDbRow[];
}

/**
 * The one decision: may this 低保 enrolment stop (or lose a covered member) by this path today?
 * Throws the rule's refusal; returns what to record with the step (the answers, when suspended).
 */
export function checkExit(store: Store, e: EnrolmentDbRow, path: ExitPath, today: string, answers: ExitAnswers): Record<string, unknown> {
  if (e.programme !== 'dibao') return {};
  const suspended = flag(store, e.street_code, 'epidemic.exitsSuspended', today);
  const refusal = exitRefusalOn(path, suspended, answers);
  if (refusal) throw new AppError('invalid-transition', refusal.message, { field: refusal.field });
  if (!suspended || path === 'death') return {};
  return { incomeClearlyRisen: answers.incomeClearlyRisen ?? false, basicLivingSecure: answers.basicLivingSecure ?? false };
}

/** Whether every remaining member of the household has died (its programmes end by death). */
export function allMembersDied(store: Store, householdId: string): boolean {
  const r = store
    .prepare('SELECT count(*) AS n, count(died_on) AS dead FROM persons WHERE household_id = ? AND deleted_at IS NULL')
    .get(householdId) as { n: number; dead: number };
  return r.n > 0 && r.n === r.dead;
}

/** Ends an enrolment from next month because the registry says so, recorded as an exit step. */
export function endEnrolment(store: Store, actor: Actor, e: EnrolmentDbRow, endMonth: string, path: ExitPath, reason: string, detail: Record<string, unknown>): void {
  const end = e.end_month !== null && e.end_month < endMonth ? e.end_month : endMonth;
  const d = { ...detail, path, month: end };
  store.update('enrolments', e.id, { status: 'exited', endMonth: end }, actor, {
    action: 'assistance.exit',
    summary: `${EXIT_PATHS[path]}：保障记录于 ${end} 起停发（${reason}）`,
    detail: d,
  });
  recordStep(store, actor, e.id, 'exit', `${EXIT_PATHS[path]}：${reason}`, d);
}

/**
 * A household leaves the registry (deleted, or marked 已退出): its running enrolments end from next
 * month; a 低保 among them only if the rule allows it today (death of all members always does).
 */
export function householdLeaves(store: Store, actor: Actor, householdId: string, path: 'household-deleted' | 'household-exited', reason: string): void {
  const today = shanghaiDate(store.nowDate());
  const next = addMonths(monthOf(today), 1);
  const open = openEnrolments(store, householdId, monthOf(today));
  const effective: ExitPath = allMembersDied(store, householdId) ? 'death' : path;
  const details = open.map((e) => checkExit(store, e, effective, today, {}));
  open.forEach((e, i) => endEnrolment(store, actor, e, next, path, reason, details[i]!));
}

interface LeavingPerson {
  id: string;
  household_id: string;
  relation: string;
  died_on: string | null;
}

/**
 * A member leaves the household: deleted (e.g. 迁出本街道), their own enrolments end from next month;
 * moved to another household of the street (`toHouseholdId`), their own enrolments go with them (特困
 * and allowances are the person's). Either way the household's 低保 loses them as a covered person
 * (memberGone), which the rule refuses while exits are suspended unless the person has died.
 */
export function personLeaves(store: Store, actor: Actor, p: LeavingPerson, path: 'person-removed' | 'person-moved', reason: string, toHouseholdId?: string): void {
  const today = shanghaiDate(store.nowDate());
  const next = addMonths(monthOf(today), 1);
  const effective: ExitPath = p.died_on ? 'death' : path;
  const open = openEnrolments(store, p.household_id, monthOf(today));
  const household = open.filter((e) => e.person_id === null);
  for (const e of household) checkExit(store, e, effective, today, {});
  for (const e of open.filter((x) => x.person_id === p.id)) {
    if (toHouseholdId) {
      store.update('enrolments', e.id, { householdId: toHouseholdId }, actor, {
        action: 'assistance.member-change',
        summary: `保障对象随人员迁至其他家庭（${reason}）`,
        detail: { from: p.household_id, to: toHouseholdId },
      });
    } else endEnrolment(store, actor, e, next, path, reason, {});
  }
  // A dead member was already taken off when the death was recorded.
  if (!p.died_on) for (const e of household) memberGone(store, actor, e, p, path);
}

/**
 * A death recorded: the person's own enrolments stop being paid after the month of death (payableIn)
 * and stay on the 应退尽退 list until exited; the household's 低保 loses one covered person.
 */
export function personDied(store: Store, actor: Actor, p: LeavingPerson): void {
  const today = shanghaiDate(store.nowDate());
  for (const e of openEnrolments(store, p.household_id, monthOf(today))) {
    if (e.person_id === null) memberGone(store, actor, e, p, 'death');
  }
}

/**
 * Covered persons of a 低保 household after a member is gone (already left or died in the registry).
 * Reduced by one when every living member was covered; left for 复核 (the 应退尽退 list) when the
 * member was the head, the last one, or when it is not known whether they were covered.
 */
function memberGone(store: Store, actor: Actor, e: EnrolmentDbRow, p: LeavingPerson, path: ExitPath): void {
  if (e.programme !== 'dibao' || p.relation === HEAD_RELATION) return;
  const livingBefore = (
    store
      .prepare('SELECT count(*) AS n FROM persons WHERE household_id = ? AND deleted_at IS NULL AND (died_on IS NULL OR id = ?)')
      .get(e.household_id, p.id) as { n: number }
  ).n;
  if (livingBefore <= 1 || e.covered_persons < livingBefore) return;
  const to = e.covered_persons - 1;
  // From the month after the death (recorded late or not), else from next month: earlier months keep their number.
  const fromMonth = addMonths(p.died_on ? monthOf(p.died_on) : monthOf(shanghaiDate(store.nowDate())), 1);
  const detail = { personId: p.id, path, from: e.covered_persons, to, fromMonth };
  store.update('enrolments', e.id, { coveredPersons: to }, actor, {
    action: 'assistance.member-change',
    summary: `低保保障人数 ${e.covered_persons} → ${to}（${EXIT_PATHS[path]}）`,
    detail,
  });
  recordStep(store, actor, e.id, 'member-change', EXIT_PATHS[path], detail);
}
