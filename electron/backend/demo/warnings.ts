/**
 * The demo street's 预警 (issue 17): four department files (医保, 残联, 人社, 殡葬) kept as imports with
 * their matched rows, and the warnings the rules raise from them (services/warnings/raise.ts), so the
 * inbox has something to show: the 医保 file a month back (some of its warnings now overdue), the
 * others today, a few already disposed. Invented data, picked by position from the generated street.
 */
import { createHash } from 'node:crypto';
import { departmentRecordIdOf } from '../../../shared/warnings/ids';
import type { DepartmentFacts, DepartmentSource, WarningDisposition } from '../../../shared/warnings/types';
import { addMonths, monthOf } from '../../../shared/policy/months';
import { addDays } from '../../../shared/time/calendar-days';
import type { SignedInUser } from '../api/context';
import type { Store } from '../store/store';
import { systemActor } from '../services/setup/street';
import { raiseIncomeWarnings, raiseWarningsFor } from '../services/warnings/raise';
import { shanghaiAt, type LoadedHousehold } from './history';

type Row = { personId: string; startOn: string; endOn: string | null; facts: DepartmentFacts };

const FILES: Record<DepartmentSource, string> = {
  medical: '医保局_医疗费用明细.xlsx',
  disability: '区残联_新办及变更残疾证.xlsx',
  unemployment: '人社局_失业登记.xlsx',
  death: '公安分局_死亡注销名单.xlsx',
};

const actor = (u: SignedInUser) => ({ userId: u.id, username: u.username, streetCode: u.streetCode });

export interface DemoWarnings {
  records: number;
  raised: number;
}

export function loadDemoWarnings(store: Store, admin: SignedInUser, households: readonly LoadedHousehold[], today: string): DemoWarnings {
  const active = households.filter((h) => h.status === 'active' && h.members.length > 0);
  const pick = (n: number, from: number, where: (h: LoadedHousehold) => boolean = () => true) => active.filter(where).slice(from, from + n);
  const month = monthOf(today);
  const monthStart = (m: string) => `${m}-01`;
  const monthEnd = (m: string) => addDays(`${addMonths(m, 1)}-01`, -1);
  const medical = (personId: string, m: string, selfPaidFen: number): Row => ({
    personId,
    startOn: monthStart(m),
    endOn: monthEnd(m),
    facts: { totalFen: selfPaidFen * 3, selfPaidFen },
  });

  // 医保: a year of months for a few people; one month high for some, a year's sum or a rise for others.
  const medicalRows: Row[] = [];
  pick(24, 5).forEach((h, i) => {
    const p = h.members[0]!.id;
    const last = addMonths(month, -1);
    const kind = i % 4;
    for (let k = 11; k >= 0; k--) {
      const m = addMonths(last, -k);
      const base = kind === 1 ? 190000 : kind === 2 ? 40000 : 30000 + ((i * 7 + k * 13) % 50) * 1000;
      medicalRows.push(medical(p, m, k === 0 && kind === 0 ? 560000 + i * 1000 : k === 0 && kind === 2 ? 260000 : base));
    }
  });
  // 残联: severe ones raise (一二级, 三级智力/精神), the others are recorded without a warning.
  const grades = [
    { type: 'physical', grade: 1 },
    { type: 'visual', grade: 2 },
    { type: 'mental', grade: 3 },
    { type: 'intellectual', grade: 3 },
    { type: 'physical', grade: 3 },
    { type: 'hearing', grade: 4 },
  ] as const;
  const disabilityRows: Row[] = pick(12, 40).map((h, i) => ({
    personId: h.members.at(-1)!.id,
    startOn: addDays(today, -5 - i),
    endOn: null,
    facts: { ...grades[i % grades.length]!, change: i % 5 === 4 ? 'changed' : 'new' },
  }));
  // 人社: members of 低保边缘 households, and others (no warning).
  const unemploymentRows: Row[] = [...pick(4, 0, (h) => h.categories.includes('dibao-edge')), ...pick(3, 60)].map((h, i) => ({
    personId: h.members[0]!.id,
    startOn: addDays(today, -10 - i),
    endOn: null,
    facts: { reason: i % 2 === 0 ? '劳动合同到期' : null },
  }));
  // 殡葬: deaths of people enrolled, not yet recorded here.
  const deathRows: Row[] = pick(3, 2, (h) => h.categories.includes('dibao') || h.categories.includes('tekun-home')).map((h, i) => ({
    personId: h.members.at(-1)!.id,
    startOn: addDays(today, -20 - i * 3),
    endOn: null,
    facts: { reportedBy: '东丽公安分局' },
  }));

  const monthAgo = shanghaiAt(addDays(today, -30), '09:30');
  const todayAt = shanghaiAt(today, '09:00');
  let records = 0;
  let raised = 0;
  const importFile = (at: Date, source: DepartmentSource, rows: Row[], periodStart: string, periodEnd: string) =>
    store.asOf(at, () => {
      records += writeImport(store, admin, source, rows, periodStart, periodEnd);
      raised += raiseWarningsFor(store, rows.map((r) => r.personId)).raised;
    });
  const medicalFrom = medicalRows.reduce((a, r) => (r.startOn < a ? r.startOn : a), today);
  importFile(monthAgo, 'medical', medicalRows, medicalFrom, monthEnd(addMonths(month, -1)));
  importFile(todayAt, 'disability', disabilityRows, addDays(today, -30), today);
  importFile(todayAt, 'unemployment', unemploymentRows, addDays(today, -30), today);
  importFile(todayAt, 'death', deathRows, addDays(today, -30), today);
  // Two 低保 heads found work last week: the wage is recorded, the income report not yet made.
  store.asOf(todayAt, () => {
    for (const h of pick(2, 10, (x) => x.categories.includes('dibao'))) {
      const head = h.members[0]!;
      store.update('persons', head.id, { incomes: [{ kind: 'wage', monthlyFen: 120000 * h.members.length, note: '新就业（待申报收入变化）' }] }, actor(admin), {
        action: 'registry.updatePerson',
        summary: `修改人员信息：${head.name}（演示）`,
      });
    }
  });
  raised += store.asOf(todayAt, () => raiseIncomeWarnings(store).raised);
  disposeSome(store, admin, addDays(today, -2));
  return { records, raised };
}

function writeImport(store: Store, admin: SignedInUser, source: DepartmentSource, rows: Row[], periodStartOn: string, periodEndOn: string): number {
  const street = admin.streetCode;
  const sha = createHash('sha256').update(`demo/${street}/${source}/${periodStartOn}/${periodEndOn}`).digest('hex');
  const importId = store.insert(
    'department_imports',
    {
      streetCode: street,
      source,
      fileName: FILES[source],
      fileSha256: sha,
      periodStartOn,
      periodEndOn,
      rowCount: rows.length,
      matchedCount: rows.length,
      unmatchedCount: 0,
      importedAt: store.nowIso(),
      importedBy: admin.id,
      importedByName: admin.displayName,
    },
    actor(admin),
    { action: 'warnings.importDepartmentFile', summary: `导入部门数据（演示）：${FILES[source]}，${rows.length}行` },
  );
  const ids = new Map(
    (store.prepare(`SELECT id, household_id, id_number FROM persons WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(rows.map((r) => r.personId))) as {
      id: string;
      household_id: string;
      id_number: string;
    }[]).map((p) => [p.id, p]),
  );
  rows.forEach((r, i) => {
    const p = ids.get(r.personId)!;
    store.insert(
      'department_records',
      { id: departmentRecordIdOf(sha, i + 1), streetCode: street, importId, source, personId: r.personId, householdId: p.household_id, idNumber: p.id_number, startOn: r.startOn, endOn: r.endOn, facts: r.facts },
      systemActor(street),
      null,
    );
  });
  return rows.length;
}

/** A few of the month-old warnings were already handled two days ago, one of each kind but 转问题台账 (it needs a ledger item). */
function disposeSome(store: Store, admin: SignedInUser, on: string): void {
  const dispositions: { d: WarningDisposition; reason: string | null }[] = [
    { d: 'verified-no-need', reason: '入户核实：医疗费用已由大病保险报销，家庭收入稳定' },
    { d: 'already-covered', reason: null },
    { d: 'data-wrong', reason: '医保数据重复统计，已反馈区医保局' },
  ];
  const open = store.prepare(`SELECT id FROM warnings WHERE rule LIKE 'medical-%' AND status = 'open' ORDER BY rule, json_extract(trigger, '$.summary'), id`).all() as { id: string }[];
  const at = shanghaiAt(on, '15:00');
  open
    .filter((_, i) => i % 3 === 0)
    .slice(0, 6)
    .forEach((w, i) => {
      const { d, reason } = dispositions[i % dispositions.length]!;
      store.asOf(at, () =>
        store.update(
          'warnings',
          w.id,
          { status: 'disposed', disposition: d, dispositionReason: reason, disposedAt: at.toISOString(), disposedBy: admin.id, disposedByName: admin.displayName },
          actor(admin),
          { action: 'warnings.dispose', summary: `处置预警（演示）` },
        ),
      );
    });
}
