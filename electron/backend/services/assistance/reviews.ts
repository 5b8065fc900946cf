/**
 * 复审 on schedule (issue 17; cycles in shared/policy/review.ts). The due list works the next review
 * day of every active 低保 / 低保边缘 / 特困 enrolment out from its last review (a 'periodic-review'
 * step), else its approval, else its first payment month, by the cycle in force on that day. A review
 * of a 低保 household is an income report (income-rise.ts: the same assessment and decision); a
 * 低保边缘 household is assessed against its line (eligibility.ts); 特困 has no income test, so the
 * caseworker's conclusion is recorded. An exit goes through the enrolment's own exit step.
 */
import { AppError } from '../../../../shared/errors';
import { HEAD_RELATION, type Role } from '../../../../shared/codes';
import { assessMonthlyIncome, monthOf } from '../../../../shared/policy';
import { edgeIncomeLine } from '../../../../shared/policy/eligibility';
import { yuan } from '../../../../shared/care/format';
import { CYCLE_PARAM, nextReviewOn, REVIEWED_PROGRAMMES, reviewCycle, reviewState, type ReviewMember } from '../../../../shared/policy/review';
import { REVIEW_BASE_LABELS, type ReviewDueRow, type ReviewOutcome, type ReviewPreview, type ReviewsDue, type ReviewsDueFilter } from '../../../../shared/assistance/reviews';
import type { IncomeRiseDecision } from '../../../../shared/policy/income-rise';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Actor, Store } from '../../store/store';
import { paramOn, paramTimeline, requireParam, type ParamRecord } from '../policy/params';
import type { EnrolmentDbRow } from './amounts';
import { advanceEnrolment } from './enrolments';
import { dibaoStandard, incomeParams } from './figures';
import { applyIncomeRise, computeIncomeRise, saveNewWages, withNewWages, type IncomeRiseInput } from './income-rise';
import { householdMembers, toIncomeMember } from './members';
import { loadEnrolment } from './read';
import { formFor, oneRowQuery } from '../one-row-query';

export interface ReviewInput extends Omit<IncomeRiseInput, 'reportMonth' | 'reportedOn'> {
  reviewedOn?: string;
  outcome?: 'continue' | 'exit';
}

const PROGRAMMES_IN = REVIEWED_PROGRAMMES.map((p) => `'${p}'`).join(', ');

/**
 * Active enrolments reviewed on a cycle, with the days their cycle can start from (the last review
 * and approval steps, read in one grouped pass over the steps rather than two lookups per enrolment).
 * The members the cycle depends on and the head's name are read by MEMBERS, once for all. Its one-row
 * form (one enrolment, at each review recorded) searches the steps and enrolments by their indexes.
 */
const SELECT = oneRowQuery(({ onlyOne }) => `WITH st AS (SELECT s.enrolment_id,
      MAX(CASE WHEN s.step = 'periodic-review' THEN COALESCE(json_extract(s.detail, '$.reviewedOn'), date(s.at, '+8 hours')) END) AS reviewed_on,
      MAX(CASE WHEN s.step = 'approve' THEN COALESCE(json_extract(s.detail, '$.districtApprovedOn'), date(s.at, '+8 hours')) END) AS approved_on
    FROM enrolment_steps s WHERE s.step IN ('periodic-review', 'approve') AND s.deleted_at IS NULL
      ${onlyOne('s.enrolment_id')} GROUP BY s.enrolment_id)
  SELECT e.id, e.programme, e.household_id, e.start_month, c.name AS community_name,
    CASE WHEN e.source = 'import' THEN date(e.created_at, '+8 hours') END AS imported_on,
    p.name AS person_name, st.reviewed_on, st.approved_on
  FROM enrolments e JOIN households h ON h.id = e.household_id JOIN communities c ON c.id = h.community_id
  LEFT JOIN persons p ON p.id = e.person_id LEFT JOIN st ON st.enrolment_id = e.id
  WHERE e.street_code = @street AND e.deleted_at IS NULL AND e.status = 'active' AND e.programme IN (${PROGRAMMES_IN})
    AND (@programme IS NULL OR e.programme = @programme) AND (@community IS NULL OR h.community_id = @community) ${onlyOne('e.id')}`);

/**
 * The members on record of the households SELECT lists (one household's when a single enrolment is
 * asked about): the head's name, and the living ones' work. Households without an enrolment under
 * review are not read.
 */
const MEMBER_COLUMNS = 'm.household_id, m.name, m.relation, m.died_on, m.labour_capacity, m.employment';
const MEMBERS = oneRowQuery(({ either }) => `SELECT ${MEMBER_COLUMNS} FROM persons m WHERE ${either(
  `m.household_id IN (SELECT household_id FROM enrolments WHERE street_code = @street AND deleted_at IS NULL AND status = 'active' AND programme IN (${PROGRAMMES_IN}))`,
  // One enrolment's household, found by its index (SELECT lists nothing when the enrolment is not under review).
  `m.household_id = (SELECT household_id FROM enrolments WHERE id = @one)`,
)} AND m.street_code = @street AND m.deleted_at IS NULL`);

/** The due list's queries, street-wide and for one enrolment (their plans are checked in one-row-query.test.ts). */
export const REVIEW_QUERIES = { scheduled: SELECT, members: MEMBERS };

interface MemberRow {
  household_id: string;
  labour_capacity: string | null;
  employment: string | null;
  name: string;
  relation: string;
  died_on: string | null;
}

interface Joined {
  id: string;
  programme: string;
  household_id: string;
  start_month: string | null;
  community_name: string;
  person_name: string | null;
  reviewed_on: string | null;
  approved_on: string | null;
  imported_on: string | null;
}

/** The cycle's months in force on a day: each key's records read once for all the rows' days. */
function cycleReader(store: Store, street: string) {
  const timelines = new Map<string, (onDate: string) => ParamRecord | null>();
  return (key: string, onDate: string): number | null => {
    let inForce = timelines.get(key);
    if (!inForce) timelines.set(key, (inForce = paramTimeline(store, street, key)));
    const v = inForce(onDate)?.value;
    return typeof v === 'number' ? v : null;
  };
}

/**
 * An enrolment imported from the street's existing data has no review or approval in the app: its
 * cycle counts from the day it was imported (the office took it over as 在保 then; its last review
 * on paper is not known here), not from a first payment years back, which made every imported
 * household overdue on the street's first day (1,857 on the demo street). Recording a review moves it on.
 */
function base(r: Pick<Joined, 'reviewed_on' | 'approved_on' | 'imported_on' | 'start_month'>): { baseOn: string; baseKind: ReviewDueRow['baseKind'] } {
  if (r.reviewed_on) return { baseOn: r.reviewed_on, baseKind: 'review' };
  if (r.approved_on) return { baseOn: r.approved_on, baseKind: 'approve' };
  if (r.imported_on) return { baseOn: r.imported_on, baseKind: 'import' };
  return { baseOn: `${r.start_month ?? '1970-01'}-01`, baseKind: 'start' };
}

/** Every active reviewed enrolment of the street (in a programme / community when asked), with its next review. */
function scheduled(
  store: Store,
  street: string,
  f: Pick<ReviewsDueFilter, 'programme' | 'communityId'> & { enrolmentId?: string },
  today: string,
): ReviewDueRow[] {
  const one = f.enrolmentId ?? null;
  const rows = store.prepare(formFor(SELECT, one)).all({ one, street, programme: f.programme ?? null, community: f.communityId ?? null }) as Joined[];
  const heads = new Map<string, string>();
  const living = new Map<string, ReviewMember[]>();
  for (const m of store.prepare(formFor(MEMBERS, one)).all({ one, street }) as MemberRow[]) {
    if (m.relation === HEAD_RELATION && !heads.has(m.household_id)) heads.set(m.household_id, m.name);
    if (m.died_on !== null) continue;
    const list = living.get(m.household_id) ?? [];
    list.push({ labourCapacity: m.labour_capacity, employment: m.employment });
    living.set(m.household_id, list);
  }
  const cycleOn = cycleReader(store, street);
  const notice = cycleOn('review.noticeDays', today) ?? 0;
  // Many enrolments share a base day and cycle: each pair's day and state worked out once.
  const schedule = new Map<string, { dueOn: string | null; state: ReviewDueRow['state'] }>();
  const scheduleOf = (baseOn: string, cycleMonths: number | null) => {
    const k = `${baseOn}|${cycleMonths}`;
    let s = schedule.get(k);
    if (!s) {
      const dueOn = cycleMonths === null ? null : nextReviewOn(baseOn, cycleMonths);
      schedule.set(k, (s = { dueOn, state: dueOn === null ? null : reviewState(dueOn, today, notice) }));
    }
    return s;
  };
  return rows.map((r) => {
    const cycle = reviewCycle(r.programme, living.get(r.household_id) ?? []);
    const { baseOn, baseKind } = base(r);
    const cycleMonths = cycleOn(CYCLE_PARAM[cycle], baseOn);
    const { dueOn, state } = scheduleOf(baseOn, cycleMonths);
    return {
      enrolmentId: r.id,
      householdId: r.household_id,
      programme: r.programme,
      name: r.person_name ?? heads.get(r.household_id) ?? null,
      communityName: r.community_name,
      cycle,
      cycleMonths,
      baseOn,
      baseKind,
      dueOn,
      state,
    };
  });
}

/** Names in Chinese order (one collator: localeCompare with a locale builds one per comparison). */
const BY_NAME = new Intl.Collator('zh');

/** The 复审 list: overdue first, then by day; the counts of each state in the same programme and community. */
export function reviewsDue(store: Store, street: string, f: ReviewsDueFilter): ReviewsDue {
  const today = shanghaiDate(store.nowDate());
  const all = scheduled(store, street, f, today);
  const counts = { overdue: 0, due: 0, later: 0 };
  for (const r of all) if (r.state) counts[r.state]++;
  const wanted = (r: ReviewDueRow) =>
    f.state === 'all' || (f.state === 'open' ? r.state === 'overdue' || r.state === 'due' : r.state === f.state);
  const rows = all
    .filter(wanted)
    .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || BY_NAME.compare(a.name ?? '', b.name ?? ''));
  return { today, rows, counts };
}

/** The day of the review: today unless given; never in the future nor before the day the cycle started. */
function reviewDay(store: Store, e: EnrolmentDbRow, input: ReviewInput): { on: string; row: ReviewDueRow } {
  const today = shanghaiDate(store.nowDate());
  const on = input.reviewedOn ?? today;
  if (on > today) throw new AppError('invalid-input', '复审日期不能晚于今天', { field: 'reviewedOn' });
  const [row] = scheduled(store, e.street_code, { enrolmentId: e.id }, today);
  if (!row) throw new AppError('invalid-input', '该保障记录无复审安排', { field: 'id' });
  if (on < row.baseOn) {
    throw new AppError('invalid-input', `复审日期不能早于${REVIEW_BASE_LABELS[row.baseKind]}日期（${row.baseOn}）`, { field: 'reviewedOn' });
  }
  return { on, row };
}

function checkReviewable(e: EnrolmentDbRow): void {
  if (!REVIEWED_PROGRAMMES.includes(e.programme as never)) {
    throw new AppError('not-applicable', '复审只适用于低保、低保边缘和特困供养', { field: 'id' });
  }
  if (e.status !== 'active') throw new AppError('invalid-transition', '只有在保的保障记录可以复审', { field: 'id' });
}

function outcomeOfDecision(d: IncomeRiseDecision, previousFen: number): ReviewOutcome {
  if (d.kind === 'stay') return d.monthlyAmountFen === previousFen ? 'continue' : 'change-amount';
  if (d.kind === 'suspended') return 'continue';
  if (d.kind === 'exit') return 'exit';
  return 'gradual-exit';
}

/** The income report's refusals about its month or day name the review's day, the field the review has. */
function onReviewDay<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof AppError && (err.field === 'reportMonth' || err.field === 'reportedOn')) {
      throw new AppError(err.code, err.message, { field: 'reviewedOn', details: err.details });
    }
    throw err;
  }
}

/** What the review decides on its day, by the programme's rules; nothing written. */
function decide(store: Store, e: EnrolmentDbRow, input: ReviewInput): ReviewPreview & { incomeInput: IncomeRiseInput | null } {
  checkReviewable(e);
  const { on, row } = reviewDay(store, e, input);
  const nextCycle = paramOn(store, e.street_code, CYCLE_PARAM[row.cycle], on)?.value;
  const cycleMonths = typeof nextCycle === 'number' ? nextCycle : null;
  const next = (outcome: ReviewOutcome) =>
    outcome === 'continue' || outcome === 'change-amount' ? (cycleMonths === null ? null : nextReviewOn(on, cycleMonths)) : null;
  const common = { programme: e.programme, reviewedOn: on, cycle: row.cycle, cycleMonths };
  if (e.programme === 'dibao') {
    const { members, ...rest } = input;
    const incomeInput: IncomeRiseInput = { ...rest, members, reportMonth: monthOf(on), reportedOn: on };
    const { preview } = onReviewDay(() => computeIncomeRise(store, e, incomeInput));
    const outcome = outcomeOfDecision(preview.decision, preview.previousMonthlyAmountFen);
    return {
      ...common,
      outcome,
      explanation: `核定家庭月人均收入 ${yuan(preview.assessment.perCapitaFen)}，低保标准 ${yuan(preview.standardFen)}`,
      assessment: preview.assessment,
      decision: preview.decision,
      previousMonthlyAmountFen: preview.previousMonthlyAmountFen,
      nextDueOn: next(outcome),
      incomeInput,
    };
  }
  if (e.programme === 'dibao-edge') {
    const members = householdMembers(store, e.household_id);
    for (const m of input.members) {
      if (!members.some((x) => x.id === m.personId)) throw new AppError('invalid-input', '所填成员不是本家庭成员', { field: 'members' });
    }
    const away = new Set(input.members.filter((m) => m.workingAwayOrReturned).map((m) => m.personId));
    const incomeMembers = withNewWages(members, { ...input, reportMonth: monthOf(on) }).map((m) => toIncomeMember(m, away));
    const assessment = assessMonthlyIncome(incomeMembers, incomeParams(store, e.street_code, on, incomeMembers));
    const standardFen = dibaoStandard(store, e.street_code, on);
    const line = edgeIncomeLine(assessment.perCapitaFen, standardFen, requireParam<number>(store, e.street_code, 'dibao-edge.upperPercent', on));
    // Above the line: leaves; below the 低保 standard: stays here until a 低保 application is decided.
    const outcome: ReviewOutcome = !line.eligible && assessment.perCapitaFen >= standardFen ? 'exit' : 'continue';
    const hint = assessment.perCapitaFen < standardFen ? '；已低于低保标准，可申请低保' : '';
    return { ...common, outcome, explanation: `${line.explanation}${hint}`, assessment, decision: null, previousMonthlyAmountFen: null, nextDueOn: next(outcome), incomeInput: null };
  }
  if (!input.outcome) throw new AppError('invalid-input', '特困供养复审须选择复审结论（继续供养或终止供养）', { field: 'outcome' });
  const outcome: ReviewOutcome = input.outcome;
  const explanation = outcome === 'exit' ? '经复审不再符合特困供养条件，终止供养' : '经复审仍符合特困供养条件，继续供养';
  return { ...common, outcome, explanation, assessment: null, decision: null, previousMonthlyAmountFen: null, nextDueOn: next(outcome), incomeInput: null };
}

function strip(p: ReviewPreview & { incomeInput?: unknown }): ReviewPreview {
  const { incomeInput: _omit, ...out } = p;
  return out;
}

export function previewReview(store: Store, actor: Actor, input: ReviewInput): ReviewPreview {
  return strip(decide(store, loadEnrolment(store, actor.streetCode, input.id), input));
}

/** Records the review: the decision through its own path, then the 复审 step the schedule starts from. */
export function recordReview(store: Store, actor: Actor, role: Role, input: ReviewInput): ReviewPreview {
  return store.tx(() => {
    const e = loadEnrolment(store, actor.streetCode, input.id);
    const p = decide(store, e, input);
    const detail = { reviewedOn: p.reviewedOn, outcome: p.outcome, cycle: p.cycle, cycleMonths: p.cycleMonths, nextDueOn: p.nextDueOn, explanation: p.explanation };
    if (p.incomeInput) {
      applyIncomeRise(store, actor, e, p.incomeInput, 'periodic-review', detail);
      return strip(p);
    }
    if (e.programme === 'dibao-edge') {
      const members = householdMembers(store, e.household_id);
      saveNewWages(store, actor, members, withNewWages(members, { ...input, reportMonth: monthOf(p.reviewedOn) }));
    }
    if (p.outcome === 'exit') advanceEnrolment(store, actor, { id: e.id, step: 'exit', note: `复审：${p.explanation}` }, role);
    // The review step carries the detail (reviewedOn) the schedule reads.
    store.insert(
      'enrolment_steps',
      { streetCode: e.street_code, enrolmentId: e.id, step: 'periodic-review', at: store.nowIso(), username: actor.username, note: input.note ?? null, detail },
      actor,
      { action: 'assistance.periodic-review', summary: `复审：${p.explanation}`, detail },
    );
    return strip(p);
  });
}
