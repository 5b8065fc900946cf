/**
 * The 核算 working of an enrolment on a day, from the registry's members and the parameter versions
 * in force (shared/policy/working.ts does the arithmetic): previewed in the 入户调查 dialog without
 * writing, stored with the 入户调查 step, and printed as the 核算单 from what was stored.
 */
import { AppError } from '../../../../shared/errors';
import type { IncomeKind } from '../../../../shared/codes';
import { accountingWorking, type AccountingWorking, type ParamVersion, type WorkingMember } from '../../../../shared/policy/working';
import type { Store } from '../../store/store';
import { paramOn, requireParamRecord, type ParamRecord } from '../policy/params';
import type { EnrolmentDbRow } from './amounts';
import { rewardNeeded } from './figures';
import { householdMembers, toIncomeMember } from './members';

function version(r: ParamRecord): ParamVersion {
  return { key: r.key, id: r.id, effectiveFrom: r.effectiveFrom, value: r.value as number | boolean, source: r.note };
}

function optional(store: Store, street: string, key: string, onDate: string): ParamVersion | null {
  const r = paramOn(store, street, key, onDate);
  return r ? version(r) : null;
}

function required(store: Store, street: string, key: string, onDate: string): ParamVersion {
  return version(requireParamRecord(store, street, key, onDate));
}

export interface WorkingOptions {
  coveredPersons?: number;
  workingAwayPersonIds: readonly string[];
}

/** The working of a 低保 / 低保边缘 enrolment on `onDate`; null for programmes without an income test. */
export function enrolmentWorking(store: Store, e: EnrolmentDbRow, opts: WorkingOptions, onDate: string): AccountingWorking | null {
  if (e.programme !== 'dibao' && e.programme !== 'dibao-edge') return null;
  const street = e.street_code;
  const away = new Set(opts.workingAwayPersonIds);
  const rows = householdMembers(store, e.household_id);
  for (const id of away) {
    if (!rows.some((m) => m.id === id)) throw new AppError('invalid-input', '外出务工成员须是本家庭成员', { field: 'workingAwayPersonIds' });
  }
  const members: WorkingMember[] = rows.map((m) => {
    const im = toIncomeMember(m, away);
    const notes = (JSON.parse(m.incomes) as { kind: IncomeKind; monthlyFen: number; note?: string | null }[]).map((i) => i.note ?? null);
    return {
      personId: m.id,
      name: m.name,
      relation: m.relation,
      employed: im.employed === true,
      workingAwayOrReturned: im.workingAwayOrReturned === true,
      incomes: im.incomes.map((i, idx) => ({ ...i, note: notes[idx] ?? null })),
    };
  });
  const incomeMembers = members.map((m) => ({ incomes: m.incomes, employed: m.employed, workingAwayOrReturned: m.workingAwayOrReturned }));
  const epidemicRules = optional(store, street, 'epidemic.rulesInForce', onDate);
  const edge = e.programme === 'dibao-edge';
  return accountingWorking({
    programme: e.programme,
    onDate,
    coveredPersons: opts.coveredPersons ?? e.covered_persons,
    members,
    params: {
      standard: required(store, street, 'dibao.standard', onDate),
      // Asked for only when an employed member's wage is assessed (figures.ts).
      employmentReward: rewardNeeded(incomeMembers) ? required(store, street, 'dibao.employmentReward', onDate) : null,
      epidemicRules,
      workCostDeduction: epidemicRules?.value === true ? required(store, street, 'epidemic.workCostDeduction', onDate) : null,
      edgeUpperPercent: edge ? required(store, street, 'dibao-edge.upperPercent', onDate) : null,
      edgeAidAmount: edge ? optional(store, street, 'dibao-edge.aidAmount', onDate) : null,
      edgeAidPercent: edge ? optional(store, street, 'dibao-edge.aidPercent', onDate) : null,
    },
  });
}

/** The working stored with the enrolment's latest 入户调查 step, or null. */
export function storedWorking(store: Store, enrolmentId: string): { working: AccountingWorking; at: string; username: string | null } | null {
  const r = store
    .prepare(
      `SELECT detail, at, username FROM enrolment_steps WHERE enrolment_id = ? AND step = 'investigate' AND deleted_at IS NULL
        ORDER BY at DESC, rowid DESC LIMIT 1`,
    )
    .get(enrolmentId) as { detail: string | null; at: string; username: string | null } | undefined;
  const working = r?.detail ? ((JSON.parse(r.detail) as { working?: AccountingWorking }).working ?? null) : null;
  return working && r ? { working, at: r.at, username: r.username } : null;
}

/** 入户调查 is recorded on an application (again, until the street's review). */
export function checkInvestigable(e: EnrolmentDbRow): void {
  if (e.status !== 'applied' && e.status !== 'investigated') {
    throw new AppError('invalid-transition', '只有已申请的记录可以登记入户调查', { field: 'id' });
  }
}
