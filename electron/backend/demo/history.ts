/**
 * A year of office life on the demo street, played after the street is loaded: screening visits,
 * ledger items, enrolments with their payment batches, temporary assistance, care files, 复审 on
 * schedule and 留守 records kept current. Each
 * step is a procedure's own handler called at the desk (desk.ts) with the services' clock moved to
 * the step's instant (store.asOf), in time order, so every row, change, audit event and derived
 * state (deadlines, overdue, amounts) is what the same year of real use would leave. The choices
 * come from a seeded random (random.ts): the same seed and day give the same history.
 */
import type { SignedInUser } from '../api/context';
import { addDays } from '../../../shared/time/calendar-days';
import type { Store } from '../store/store';
import type { Desk } from './desk';
import { fullName } from './names';
import { Rng } from './random';
import { playVisits } from './history-visits';
import { playLedger } from './history-ledger';
import { playAssistance } from './history-assistance';
import { playCare } from './history-care';
import { playGengShulan } from './history-geng';
import { playReviews } from './history-reviews';
import { playLeftBehind } from './history-left-behind';
import { StepQueue } from './step-queue';

/** A loaded household as the history needs it. */
export interface LoadedHousehold {
  id: string;
  communityId: string;
  gridId: string | null;
  categories: readonly string[];
  status: string;
  hasBank: boolean;
  /** The members' recorded monthly incomes together (fen). */
  monthlyIncomeFen: number;
  members: { id: string; name: string; relation: string; birthDate: string }[];
}

export interface LoadedGrid {
  id: string;
  communityId: string;
  workerName: string;
}

export interface DemoStaff {
  admin: SignedInUser;
  caseworker: SignedInUser;
  supervisor: SignedInUser;
}

/** How long the generated past runs back from the load's day. */
export const HISTORY_DAYS = 365;

/** The Shanghai instant of a calendar day at a wall-clock time (HH:MM). */
export function shanghaiAt(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

export interface HistoryPlan {
  store: Store;
  desk: Desk;
  staff: DemoStaff;
  /** The load's day (Shanghai) and instant: every step is at or before it. */
  today: string;
  now: Date;
  /** The first day of the history: the street's registration. */
  start: string;
  households: LoadedHousehold[];
  grids: LoadedGrid[];
  /** The street's caseworkers as the ledger names them (经办人). */
  handlers: string[];
  /** Households some part has taken (a household plays one part, so parts do not collide). */
  taken: Set<string>;
  /** Schedules a step; steps run in time order (ties in the order scheduled). */
  at(when: Date, step: () => void): void;
}

export interface HistorySummary {
  steps: number;
}

export interface HistoryInput {
  seed: number;
  today: string;
  households: LoadedHousehold[];
  grids: LoadedGrid[];
}

/** Fewer households than this (tests' five-household demos) open without a history. */
export const HISTORY_MIN_HOUSEHOLDS = 200;

/** Plays the year. Called inside the load's transaction; a step that fails fails the load. */
/** Plays the year step by step, yielding [steps done, steps known so far] after each. */
export function* playHistory(store: Store, desk: Desk, staff: DemoStaff, input: HistoryInput): Generator<[number, number], HistorySummary> {
  if (input.households.length < HISTORY_MIN_HOUSEHOLDS) return { steps: 0 };
  const now = store.nowDate();
  const steps = new StepQueue();
  let order = 0;
  const plan: HistoryPlan = {
    store,
    desk,
    staff,
    today: input.today,
    now,
    start: addDays(input.today, -HISTORY_DAYS),
    households: input.households,
    grids: input.grids,
    taken: new Set(),
    handlers: [],
    at(when, run) {
      if (when.getTime() > now.getTime()) throw new Error(`demo history: a step after now (${when.toISOString()})`);
      steps.push({ when: when.getTime(), order: order++, run });
    },
  };
  const rng = new Rng(input.seed ^ 0x5eed);
  plan.handlers = [fullName(rng, 'female', 1988), fullName(rng, 'male', 1983), fullName(rng, 'female', 1979)];
  // Each part gets its own stream, so a change to one part does not reshuffle the others.
  playGengShulan(plan, rng.fork());
  playCare(plan, rng.fork());
  playAssistance(plan, rng.fork());
  playLedger(plan, rng.fork());
  playVisits(plan, rng.fork());
  playReviews(plan, rng.fork());
  playLeftBehind(plan, rng.fork());

  let done = 0;
  const total = () => done + steps.size;
  // Steps may schedule later steps: take the earliest each time.
  for (let step = steps.pop(); step; step = steps.pop()) {
    store.asOf(new Date(step.when), step.run);
    done++;
    yield [done, total()];
  }
  return { steps: done };
}

/** Households no part has taken yet, in a seeded order, that pass `fits`. */
export function takeHouseholds(plan: HistoryPlan, rng: Rng, count: number, fits: (h: LoadedHousehold) => boolean): LoadedHousehold[] {
  const pool = plan.households.filter((h) => !plan.taken.has(h.id) && fits(h));
  const out: LoadedHousehold[] = [];
  while (out.length < count && pool.length > 0) {
    const [h] = pool.splice(Math.floor(rng.next() * pool.length), 1);
    plan.taken.add(h!.id);
    out.push(h!);
  }
  return out;
}

/** Programme categories the generator tags (the loader turns those into enrolments of their own). */
export const PROGRAMME_TAGS: readonly string[] = ['dibao', 'dibao-edge', 'tekun-home', 'tekun-institution'];

export function headOf(h: LoadedHousehold): LoadedHousehold['members'][number] {
  return h.members.find((m) => m.relation === '02') ?? h.members[0]!;
}
