/**
 * What every warning rule shares: the rule's parameters in force on the day of the data (its
 * version), the dedupe key (rule + person + what triggered it) and the due date in working days
 * (the ledger's one working-day rule and holiday calendar, shared/ledger/deadlines.ts).
 */
import { addWorkingDays, type HolidayCalendar } from '../ledger/deadlines';
import { valueInForce } from '../policy/in-force';
import type { RuleParamHistory, WarningRuleParams } from './rule-params';
import type { WarningRule, WarningTrigger } from './types';

/** What the rules need besides a person's data: the day, the dated parameters, the calendar. */
export interface RuleContext {
  /** The day the warnings are raised (Asia/Shanghai): due dates count from it. */
  today: string;
  params: RuleParamHistory;
  calendar: HolidayCalendar;
  /** Dedupe keys already raised (any status): a rule whose trigger spans a window reads them. */
  existingKeys: ReadonlySet<string>;
}

/** A warning a rule asks to raise (the raising service adds street, id and status). */
export interface WarningToRaise {
  rule: WarningRule;
  /** The effective date of the rule's parameters used. */
  ruleVersion: string;
  dedupeKey: string;
  personId: string;
  householdId: string;
  trigger: WarningTrigger;
  recordIds: string[];
  dueDate: string;
}

/** The rule's parameters in force on a day, with their date (the version), or null before any. */
export function ruleParamOn<R extends WarningRule>(ctx: RuleContext, rule: R, onDate: string): { version: string; value: WarningRuleParams[R] } | null {
  const history = (ctx.params[rule] ?? []) as readonly { effectiveFrom: string; value: WarningRuleParams[R] }[];
  // Remembered by history and day: the rules ask for the same few days once per person (100,000 in a file).
  let byDate = PARAMS_ON.get(history);
  if (!byDate) PARAMS_ON.set(history, (byDate = new Map()));
  const known = byDate.get(onDate);
  if (known !== undefined) return known as { version: string; value: WarningRuleParams[R] } | null;
  const value = valueInForce(history, onDate);
  const version = history.filter((h) => h.effectiveFrom <= onDate).reduce((a, h) => (h.effectiveFrom > a ? h.effectiveFrom : a), '');
  const out = value === null ? null : { version, value };
  byDate.set(onDate, out);
  return out;
}

const PARAMS_ON = new WeakMap<object, Map<string, { version: string; value: unknown } | null>>();

export function dedupeKeyOf(rule: WarningRule, personId: string, what: string): string {
  return `${rule}/${personId}/${what}`;
}

/** The day by which the street must dispose of it: the rule's working days after the raising day. */
export function dueDateOf(ctx: RuleContext, dueWorkingDays: number): string {
  return addWorkingDays(ctx.today, dueWorkingDays, ctx.calendar);
}

/** Assembles a warning from a rule's findings. */
export function warningOf<R extends WarningRule>(
  ctx: RuleContext,
  rule: R,
  param: { version: string; value: { dueWorkingDays: number } },
  who: { personId: string; householdId: string },
  what: string,
  trigger: WarningTrigger,
  recordIds: string[],
): WarningToRaise {
  return {
    rule,
    ruleVersion: param.version,
    dedupeKey: dedupeKeyOf(rule, who.personId, what),
    personId: who.personId,
    householdId: who.householdId,
    trigger,
    recordIds,
    dueDate: dueDateOf(ctx, param.value.dueWorkingDays),
  };
}
