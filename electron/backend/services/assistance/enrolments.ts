/**
 * Enrolment into a programme and its steps: application, household investigation with the income
 * assessment, the street's review, publication, district approval (start month), and the later
 * changes (复审, suspension, resumption, exit). Each step is an enrolment_steps row with who and when.
 */
import { AppError } from '../../../../shared/errors';
import { ENROLMENT_STEPS, HOUSEHOLD_PROGRAMMES, PROGRAMMES, type EnrolmentStatus, type EnrolmentStep, type Programme } from '../../../../shared/assistance/codes';
import { labelOf, type Role } from '../../../../shared/codes';
import { addMonths, monthOf } from '../../../../shared/policy';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Actor, Store } from '../../store/store';
import { loadHouseholdRow } from '../registry/read';
import type { ExitAnswers } from '../../../../shared/policy/exit-rule';
import { householdMembers } from './members';
import { checkInvestigable, enrolmentWorking } from './working';
import { loadEnrolment } from './read';
import { checkApproval, checkStreetReview, type ApprovalInput } from './approval';
import { heldBySuspension, type EnrolmentDbRow } from './amounts';
import { recordStep } from './enrolment-steps';
import { allMembersDied, checkExit } from './exits';

export { recordStep };

function audit(step: EnrolmentStep, programme: string) {
  return { action: `assistance.${step}`, summary: `${labelOf(PROGRAMMES, programme)}：${labelOf(ENROLMENT_STEPS, step)}` };
}

export function applyEnrolment(
  store: Store,
  actor: Actor,
  input: { programme: Programme; householdId: string; personId?: string | null; note?: string | null },
): string {
  return store.tx(() => {
    loadHouseholdRow(store, actor.streetCode, input.householdId);
    const perHousehold = HOUSEHOLD_PROGRAMMES.includes(input.programme);
    if (!perHousehold && !input.personId) throw new AppError('invalid-input', '该救助项目须选择具体人员', { field: 'personId' });
    if (input.personId) {
      const p = store.prepare('SELECT household_id FROM persons WHERE id = ? AND deleted_at IS NULL').get(input.personId) as
        | { household_id: string }
        | undefined;
      if (!p || p.household_id !== input.householdId) throw new AppError('invalid-input', '该人员不是本家庭成员', { field: 'personId' });
    }
    const open = store
      .prepare(
        `SELECT 1 FROM enrolments WHERE programme = ? AND household_id = ? AND COALESCE(person_id, '') = ? AND deleted_at IS NULL
           AND status NOT IN ('exited', 'rejected') LIMIT 1`,
      )
      .get(input.programme, input.householdId, perHousehold ? '' : (input.personId ?? ''));
    if (open) throw new AppError('duplicate', `已有未结束的${labelOf(PROGRAMMES, input.programme)}记录`, { field: 'programme' });
    const covered = perHousehold ? householdMembers(store, input.householdId).length : 1;
    const id = store.insert(
      'enrolments',
      {
        streetCode: actor.streetCode,
        programme: input.programme,
        householdId: input.householdId,
        personId: perHousehold ? null : input.personId,
        status: 'applied',
        coveredPersons: Math.max(1, covered),
      },
      actor,
      audit('apply', input.programme),
    );
    recordStep(store, actor, id, 'apply', input.note ?? null);
    return id;
  });
}

/** Household investigation: the income assessment from the registry's incomes, on today's parameters. */
export function investigateEnrolment(
  store: Store,
  actor: Actor,
  input: { id: string; coveredPersons?: number; workingAwayPersonIds: string[]; note?: string | null },
): void {
  store.tx(() => {
    const e = loadEnrolment(store, actor.streetCode, input.id);
    checkInvestigable(e);
    const today = shanghaiDate(store.nowDate());
    // The income test applies to the household programmes (低保, 低保边缘) only; the whole working is
    // kept with the step, so the record shows (and the 核算单 prints) what was decided on.
    const working = enrolmentWorking(store, e, input, today);
    store.update(
      'enrolments',
      e.id,
      {
        status: 'investigated',
        perCapitaIncomeFen: working?.perCapitaFen ?? null,
        coveredPersons: input.coveredPersons ?? e.covered_persons,
      },
      actor,
      audit('investigate', e.programme),
    );
    const detail = working
      ? { totalFen: working.totalFen, perCapitaFen: working.perCapitaFen, members: working.householdSize, onDate: today, working }
      : null;
    recordStep(store, actor, e.id, 'investigate', input.note ?? null, detail);
  });
}

type AdvanceStep = 'street-review' | 'publish' | 'approve' | 'reject' | 'periodic-review' | 'suspend' | 'resume' | 'exit';

const FROM: Record<AdvanceStep, EnrolmentStatus[]> = {
  'street-review': ['investigated'],
  publish: ['reviewed'],
  approve: ['published'],
  reject: ['applied', 'investigated', 'reviewed', 'published'],
  'periodic-review': ['active', 'suspended'],
  suspend: ['active'],
  resume: ['suspended'],
  exit: ['active', 'suspended', 'gradual-exit'],
};
const TO: Partial<Record<AdvanceStep, EnrolmentStatus>> = {
  'street-review': 'reviewed',
  publish: 'published',
  approve: 'active',
  reject: 'rejected',
  suspend: 'suspended',
  resume: 'active',
  exit: 'exited',
};

/**
 * The first month an exit stops payment: the one asked for, but never later than an end already
 * decided (a gradual exit's), which would pay again months that had ended; a gradual exit held past
 * its end by a suspension ends where asked, so the months it was held stay paid.
 */
function exitEnd(store: Store, e: EnrolmentDbRow, asked: string): string {
  if (e.end_month === null || e.end_month >= asked || heldBySuspension(store, e)) return asked;
  return e.end_month;
}

export function advanceEnrolment(
  store: Store,
  actor: Actor,
  input: { id: string; step: AdvanceStep; note?: string | null; publicFrom?: string; publicTo?: string; month?: string } & ApprovalInput & ExitAnswers,
  role: Role,
): void {
  store.tx(() => {
    const e = loadEnrolment(store, actor.streetCode, input.id);
    if (!FROM[input.step].includes(e.status as EnrolmentStatus)) {
      throw new AppError('invalid-transition', `当前状态不能办理“${labelOf(ENROLMENT_STEPS, input.step)}”`, { field: 'step' });
    }
    const today = shanghaiDate(store.nowDate());
    const thisMonth = monthOf(today);
    const patch: Record<string, unknown> = { status: TO[input.step] ?? e.status };
    let detail: Record<string, unknown> = input.month ? { month: input.month } : {};
    if (input.step === 'street-review') checkStreetReview(store, e, actor);
    if (input.step === 'publish') {
      if (!input.publicFrom || !input.publicTo) throw new AppError('invalid-input', '公示须填写开始和结束日期', { field: 'publicFrom' });
      if (input.publicTo < input.publicFrom) throw new AppError('invalid-input', '公示结束日期不能早于开始日期', { field: 'publicTo' });
      Object.assign(patch, { publicFrom: input.publicFrom, publicTo: input.publicTo });
    }
    if (input.step === 'approve') {
      detail = { ...detail, ...checkApproval(store, e, role, input, today) };
      // Payment starts the month after approval unless a month is given.
      patch.startMonth = input.month ?? addMonths(thisMonth, 1);
    }
    if (input.step === 'exit') {
      // The one exit rule, read on the day of the decision (shared/policy/exit-rule.ts).
      // A household whose members have all died leaves by death, which the rule never holds back.
      const path = e.person_id === null && allMembersDied(store, e.household_id) ? 'death' : 'manual';
      checkExit(store, e, path, today, input);
      if (e.programme === 'dibao' && (input.incomeClearlyRisen !== undefined || input.basicLivingSecure !== undefined)) {
        detail = { ...detail, incomeClearlyRisen: input.incomeClearlyRisen ?? false, basicLivingSecure: input.basicLivingSecure ?? false };
      }
      patch.endMonth = exitEnd(store, e, input.month ?? addMonths(thisMonth, 1));
    }
    const spec = audit(input.step, e.programme);
    store.update('enrolments', e.id, patch, actor, Object.keys(detail).length > 0 ? { ...spec, detail } : spec);
    recordStep(store, actor, e.id, input.step, input.note ?? null, Object.keys(detail).length > 0 ? detail : undefined);
  });
}
