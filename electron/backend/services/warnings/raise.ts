/**
 * Raising 预警 (issue 17): the rules (shared/warnings/rules*.ts) run over persons' department records
 * and situations, and each warning they ask for is inserted open through the store's write path
 * (synced), its id derived from street and dedupe key (warningIdOf). A warning that exists already,
 * open, disposed or deleted, is never touched: repeated data raise nothing, a disposed warning
 * stays disposed, and two PCs raising the same warning write one row.
 *
 * raiseWarningsFor is called by the department-data intake for the persons a file matched;
 * raiseIncomeWarnings after a person's income or employment is changed (registry.updatePerson /
 * addPerson) and by the demo loader, over the enrolled households given or all of them.
 */
import { AppError } from '../../../../shared/errors';
import { HEAD_RELATION } from '../../../../shared/codes';
import type { IncomeParams } from '../../../../shared/policy';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import { warningIdOf } from '../../../../shared/warnings/ids';
import { personWarnings, type WarningToRaise } from '../../../../shared/warnings/rules';
import { incomeOverLine, type EnrolledHousehold } from '../../../../shared/warnings/rules-income';
import { WARNING_RULE_LABELS, WARNING_RULES } from '../../../../shared/warnings/types';
import type { Actor, Store } from '../../store/store';
import { DISTRICT_PARTITION } from '../../../../shared/sync/wire';
import { incomeParams, rewardNeeded } from '../assistance/figures';
import { toIncomeMember, type MemberRow } from '../assistance/members';
import { paramOn } from '../policy/params';
import { systemActor } from '../setup/street';
import { loadPersons, streetRuleTerms, type StreetRuleTerms } from './situations';

const IN_LIST = 'IN (SELECT value FROM json_each(?))';

type Raise = { streetCode: string; warning: WarningToRaise };

/**
 * `by` is who brought the data (the importing user): each street's audit event names them, and
 * says 区级 when the district imported it; without one (the demo loader) it is the system's.
 */
export function raiseWarningsFor(store: Store, personIds: readonly string[], by?: Actor): { raised: number } {
  if (personIds.length === 0) return { raised: 0 };
  return store.tx(() => {
    const today = shanghaiDate(store.nowDate());
    const loaded = loadPersons(store, personIds);
    const keys = existingKeys(store, [...new Set(loaded.map((p) => p.situation.householdId))]);
    const terms = new Map<string, StreetRuleTerms>();
    const out: Raise[] = [];
    for (const p of loaded) {
      if (p.records.length === 0) continue;
      let t = terms.get(p.streetCode);
      if (!t) terms.set(p.streetCode, (t = streetRuleTerms(store, p.streetCode, today)));
      const ctx = { today, params: t.params, calendar: t.calendar, existingKeys: keys.get(p.situation.personId) ?? new Set<string>() };
      for (const warning of personWarnings({ records: p.records, situation: p.situation, severeOn: t.severeOn }, ctx)) {
        out.push({ streetCode: p.streetCode, warning });
      }
    }
    const what = by?.streetCode === DISTRICT_PARTITION ? '根据区级导入的部门数据产生预警' : '根据部门数据产生预警';
    return { raised: insertNew(store, out, what, by) };
  });
}

/** Dedupe keys already raised per person (any status, deleted too), read by household. */
function existingKeys(store: Store, householdIds: string[]): Map<string, Set<string>> {
  const rows = store
    .prepare(`SELECT person_id, dedupe_key FROM warnings WHERE household_id ${IN_LIST}`)
    .all(JSON.stringify(householdIds)) as { person_id: string; dedupe_key: string }[];
  const out = new Map<string, Set<string>>();
  for (const r of rows) out.set(r.person_id, (out.get(r.person_id) ?? new Set()).add(r.dedupe_key));
  return out;
}

/** Inserts the warnings whose id is not taken yet; one audit event per street, in its partition, says how many. */
function insertNew(store: Store, raises: Raise[], what: string, by?: Actor): number {
  if (raises.length === 0) return 0;
  const withIds = raises.map((r) => ({ ...r, id: warningIdOf(r.streetCode, r.warning.dedupeKey) }));
  const taken = new Set(
    (store.prepare(`SELECT id FROM warnings WHERE id ${IN_LIST}`).all(JSON.stringify(withIds.map((r) => r.id))) as { id: string }[]).map((r) => r.id),
  );
  const now = store.nowIso();
  const byStreet = new Map<string, Map<string, number>>();
  const rows: Record<string, unknown>[] = [];
  for (const { id, streetCode, warning: w } of withIds) {
    if (taken.has(id)) continue;
    taken.add(id);
    rows.push({
      id,
      streetCode,
      householdId: w.householdId,
      personId: w.personId,
      rule: w.rule,
      ruleVersion: w.ruleVersion,
      dedupeKey: w.dedupeKey,
      trigger: w.trigger,
      recordIds: w.recordIds,
      raisedAt: now,
      dueDate: w.dueDate,
      status: 'open',
    });
    const counts = byStreet.get(streetCode) ?? new Map<string, number>();
    counts.set(w.rule, (counts.get(w.rule) ?? 0) + 1);
    byStreet.set(streetCode, counts);
  }
  store.insertMany('warnings', rows); // the bulk write path: the same rows, outbox and clocks as one by one
  let raised = 0;
  for (const [streetCode, counts] of byStreet) {
    const n = [...counts.values()].reduce((a, b) => a + b, 0);
    raised += n;
    // In the rules' order, whatever order the persons were read in (the same data, the same event).
    const ordered = WARNING_RULES.filter((r) => counts.has(r)).map((r) => [r, counts.get(r)!] as const);
    store.audit(by ? { ...by, streetCode } : systemActor(streetCode), {
      action: 'warnings.raise',
      entity: 'warnings',
      entityId: null,
      summary: `${what} ${n} 条：${ordered.map(([r, c]) => `${WARNING_RULE_LABELS[r]} ${c} 条`).join('，')}`,
      detail: Object.fromEntries(ordered),
    });
  }
  return raised;
}

interface EnrolmentRow {
  id: string;
  household_id: string;
  street_code: string;
  programme: 'dibao' | 'dibao-edge';
}

/**
 * income-over-line over the enrolled households (低保, 低保边缘) still running without a decided exit
 * (a gradual exit or an exit month is already the answer to a higher income), or over the given
 * households only. A street without a standard in force, or a household whose income needs a figure
 * not set (就业奖励), is skipped: the income screens ask for the figure.
 */
export function raiseIncomeWarnings(store: Store, opts: { householdIds?: readonly string[]; by?: Actor } = {}): { raised: number } {
  return store.tx(() => {
    const today = shanghaiDate(store.nowDate());
    const only = opts.householdIds ? `AND household_id ${IN_LIST}` : '';
    const enrolments = store
      .prepare(
        `SELECT id, household_id, street_code, programme FROM enrolments WHERE programme IN ('dibao', 'dibao-edge')
          AND status IN ('active', 'suspended') AND end_month IS NULL AND deleted_at IS NULL ${only}`,
      )
      .all(...(opts.householdIds ? [JSON.stringify(opts.householdIds)] : [])) as EnrolmentRow[];
    if (enrolments.length === 0) return { raised: 0 };
    const members = new Map<string, MemberRow[]>();
    const rows = store
      .prepare(
        `SELECT id, household_id, name, id_number, birth_date, relation, employment, incomes, self_care, disability_category, disability_grade
           FROM persons WHERE household_id ${IN_LIST} AND deleted_at IS NULL AND died_on IS NULL ORDER BY relation, birth_date`,
      )
      .all(JSON.stringify([...new Set(enrolments.map((e) => e.household_id))])) as (MemberRow & { household_id: string })[];
    for (const r of rows) members.set(r.household_id, [...(members.get(r.household_id) ?? []), r]);
    const out: Raise[] = [];
    const streets = new Map<string, ReturnType<typeof streetLines>>();
    for (const e of enrolments) {
      if (!streets.has(e.street_code)) streets.set(e.street_code, streetLines(store, e.street_code, today));
      const s = streets.get(e.street_code)!;
      const ms = members.get(e.household_id) ?? [];
      if (!s || ms.length === 0) continue;
      const incomeMembers = ms.map((m) => toIncomeMember(m, new Set()));
      const income = s.income(rewardNeeded(incomeMembers));
      if (!income) continue;
      const head = ms.find((m) => m.relation === HEAD_RELATION) ?? ms[0]!;
      const h: EnrolledHousehold = { householdId: e.household_id, enrolmentId: e.id, programme: e.programme, personId: head.id, members: incomeMembers };
      const ctx = { today, params: s.terms.params, calendar: s.terms.calendar, existingKeys: new Set<string>() };
      const w = incomeOverLine(h, { income, standardFen: s.standardFen, edgeUpperPercent: s.edgeUpperPercent }, ctx);
      if (w) out.push({ streetCode: e.street_code, warning: w });
    }
    return { raised: insertNew(store, out, '在保家庭登记收入超过标准，产生预警', opts.by) };
  });
}

/** A street's lines on the day, or null without a standard; income figures read once per need. */
function streetLines(store: Store, street: string, today: string) {
  const standard = paramOn(store, street, 'dibao.standard', today)?.value;
  if (typeof standard !== 'number') return null;
  const upper = paramOn(store, street, 'dibao-edge.upperPercent', today)?.value;
  const cache = new Map<boolean, IncomeParams | null>();
  const probe = (reward: boolean) => (reward ? [{ incomes: [{ kind: 'wage' as const, monthlyFen: 1 }], employed: true }] : []);
  return {
    standardFen: standard,
    edgeUpperPercent: typeof upper === 'number' ? upper : null,
    terms: streetRuleTerms(store, street, today),
    income: (reward: boolean): IncomeParams | null => {
      if (!cache.has(reward)) {
        try {
          cache.set(reward, incomeParams(store, street, today, probe(reward)));
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          cache.set(reward, null);
        }
      }
      return cache.get(reward)!;
    },
  };
}
